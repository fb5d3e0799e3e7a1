// Receives pushes to a 'webhook' source: checks the HMAC signature over the raw body
// and the timestamp, then stores the valid mentions and reports the invalid ones.
// Protocol and examples: docs/webhook-ingest.md.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors.ts';
import { sources } from './listening.schema.ts';
import { ingestPosts } from './ingest-posts.ts';
import { checkPushedMention } from './pushed-mention.ts';
import type { PostToStore } from './mention-store.ts';

/** How far the sender's clock (X-Herd-Timestamp) may be from ours; older pushes count as replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;
export const MAX_MENTIONS_PER_PUSH = 1000;
/** Largest push body: 1000 mentions of a few kilobytes each. */
export const WEBHOOK_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export interface WebhookHeaders { timestamp?: string; signature?: string }
export interface WebhookReport {
  stored: number; duplicates: number; ignored: number;
  invalid: { index: number; problems: FieldProblem[] }[];
}

export function signWebhook(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

const unauthenticated = (why: string) => new AppError('UNAUTHENTICATED', why);

/**
 * Signatures accepted recently, so the same signed push sent again inside the tolerance
 * window is refused. Kept in memory: a replay that reaches another Herd process still
 * stores nothing new, because mentions are stored once per (source, id) — the memory
 * only makes the refusal explicit, and the timestamp bounds how long it must remember.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** True the first time a signature is seen within the window. */
  accept(signature: string, nowSeconds: number): boolean {
    for (const [key, expires] of this.seen) if (expires < nowSeconds) this.seen.delete(key);
    if (this.seen.has(signature)) return false;
    this.seen.set(signature, nowSeconds + 2 * SIGNATURE_TOLERANCE_SECONDS);
    return true;
  }
}

// Compared against when the source does not exist, so an unsigned caller cannot tell
// an unknown source from a wrong signature, not even by timing.
const UNKNOWN_SOURCE_SECRET = 'herd-unknown-source-never-matches';

export async function receiveWebhook(
  db: Database, replays: ReplayGuard, sourceId: string, headers: WebhookHeaders, rawBody: Buffer, now = new Date(),
): Promise<WebhookReport> {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) throw unauthenticated('Sign the push: send X-Herd-Timestamp and X-Herd-Signature (see docs/webhook-ingest.md).');
  const [source] = await db.select().from(sources).where(eq(sources.id, sourceId));
  const webhook = source?.kind === 'webhook' && typeof source.config.secret === 'string' ? source : undefined;
  const expected = Buffer.from(signWebhook(webhook ? String(webhook.config.secret) : UNKNOWN_SOURCE_SECRET, timestamp, rawBody));
  const sent = Buffer.from(signature);
  if (!webhook || sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw unauthenticated('The X-Herd-Signature does not match: expected sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>"> with the source\'s secret.');
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const sentAt = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(nowSeconds - sentAt) <= SIGNATURE_TOLERANCE_SECONDS)) {
    throw unauthenticated(`X-Herd-Timestamp must be the current time in unix seconds (within ${SIGNATURE_TOLERANCE_SECONDS / 60} minutes); this push is too old or too far ahead.`);
  }
  if (!replays.accept(signature, nowSeconds)) throw unauthenticated('This signed push was already received; sign each delivery with a fresh timestamp.');
  if (webhook.status !== 'active') throw notFound('Source');

  const items = parseBody(rawBody);
  const posts: PostToStore[] = [];
  const report: WebhookReport = { stored: 0, duplicates: 0, ignored: 0, invalid: [] };
  items.forEach((item, index) => {
    const checked = checkPushedMention(item);
    if (checked.post) posts.push(checked.post);
    else report.invalid.push({ index, problems: checked.problems });
  });
  const outcome = await ingestPosts(db, webhook, posts, now);
  return { ...report, stored: outcome.stored, duplicates: outcome.duplicates, ignored: outcome.ignored };
}

function parseBody(rawBody: Buffer): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch (error) {
    throw new AppError('BAD_REQUEST', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const mentions = body !== null && typeof body === 'object' ? (body as { mentions?: unknown }).mentions : undefined;
  if (!Array.isArray(mentions)) throw invalid([{ field: 'body.mentions', message: 'must be an array of mentions' }]);
  if (mentions.length > MAX_MENTIONS_PER_PUSH) throw invalid([{ field: 'body.mentions', message: `must hold at most ${MAX_MENTIONS_PER_PUSH} mentions per push` }]);
  return mentions;
}
