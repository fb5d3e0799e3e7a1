// A share as its sharer sees it: the text to copy, its short link and the network's
// compose link (Mastodon's needs the sharer's server, known only when it is made), or,
// for a share Herd publishes through their connected account, where it was published.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { decodeCursor, encodeCursor } from '../../../db/index.ts';
import { notFound } from '../../../errors.ts';
import { requireAccess, type Actor } from '../../people/index.ts';
import { shares, stories } from '../advocacy.schema.ts';
import { shortUrlOf } from '../links/tracked-links.ts';
import { connectedNetworks } from '../accounts/account.contract.ts';
import { intentUrlOf, type ShareNetwork } from './intent-links.ts';

export type ShareRow = typeof shares.$inferSelect;

/**
 * How the share goes out: Herd publishes it through the sharer's connected account
 * ('account'), or the sharer does through the compose link ('intent'). A share whose
 * account was removed before it went out falls back to its compose link.
 */
export function publishedVia(share: Pick<ShareRow, 'accountId' | 'network' | 'publishedExternalId'>): 'account' | 'intent' {
  const connected = share.accountId !== null && (connectedNetworks as readonly string[]).includes(share.network);
  return connected || share.publishedExternalId !== null ? 'account' : 'intent';
}

export function viewShare(share: ShareRow, storyTitle: string, publicUrl: string, mastodonInstance?: string) {
  const shortUrl = shortUrlOf(share.linkCode, publicUrl);
  const via = publishedVia(share);
  return {
    id: share.id, storyId: share.storyId, storyTitle, network: share.network, text: share.text, status: share.status,
    scheduledFor: share.scheduledFor, shortUrl, publishedVia: via,
    intentUrl: via === 'account' ? null : intentUrlOf(share.network as ShareNetwork, { text: share.text, shortUrl, subject: storyTitle, mastodonInstance }),
    accountId: share.accountId, reach: share.reach, publishAttempts: share.publishAttempts, publishedUrl: share.publishedUrl, publishedAt: share.publishedAt,
    policyVersion: share.policyVersion, lastError: share.lastError, createdAt: share.createdAt,
  };
}
export type ShareView = ReturnType<typeof viewShare>;

export async function listMyShares(db: Database, actor: Actor, publicUrl: string, query: { limit: number; cursor?: string }): Promise<{ items: ShareView[]; nextCursor: string | null }> {
  requireAccess(actor, 'advocacy.join');
  let after: SQL | undefined;
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, 2) as [string, string];
    after = sql`(${shares.createdAt}, ${shares.id}) < (${createdAt}::timestamptz, ${id}::uuid)`;
  }
  const rows = await db.select({ share: shares, storyTitle: stories.title }).from(shares).innerJoin(stories, eq(stories.id, shares.storyId))
    .where(and(eq(shares.orgId, actor.orgId), eq(shares.personId, actor.personId ?? sql`null`), after))
    .orderBy(desc(shares.createdAt), desc(shares.id)).limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1)?.share;
  return {
    items: page.map((row) => viewShare(row.share, row.storyTitle, publicUrl)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

/** One of the actor's own shares; anyone else's is not found. */
export async function myShare(db: Database, actor: Actor, publicUrl: string, shareId: string): Promise<ShareView> {
  requireAccess(actor, 'advocacy.join');
  const [row] = await db.select({ share: shares, storyTitle: stories.title }).from(shares).innerJoin(stories, eq(stories.id, shares.storyId))
    .where(and(eq(shares.orgId, actor.orgId), eq(shares.personId, actor.personId ?? sql`null`), eq(shares.id, shareId)));
  if (!row) throw notFound('The share');
  return viewShare(row.share, row.storyTitle, publicUrl);
}
