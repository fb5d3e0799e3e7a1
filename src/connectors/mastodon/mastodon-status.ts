// Mastodon's Status entity as Herd reads it (docs.joinmastodon.org/entities/Status),
// and how one becomes an IncomingPost.
import type { IncomingPost, SkippedItem } from '../connector.ts';
import { htmlToText, normalizeWhitespace } from '../html-text.ts';

export interface MastodonAccount {
  id: string;
  username: string;
  /** 'user' for accounts on the instance we ask, 'user@host' for remote ones. */
  acct: string;
  display_name?: string;
  url?: string;
  followers_count?: number;
}

export interface MastodonStatus {
  id: string;
  uri: string;
  url?: string | null;
  created_at: string;
  content: string;
  spoiler_text?: string;
  language?: string | null;
  in_reply_to_id?: string | null;
  account: MastodonAccount;
  reblog?: MastodonStatus | null;
  media_attachments?: { description?: string | null }[];
}

/** Snowflake ids are decimal strings of growing length; compare them without losing precision. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isStatus(value: unknown): value is MastodonStatus {
  const status = value as Partial<MastodonStatus> | null;
  return typeof status === 'object' && status !== null && typeof status.id === 'string' && status.id.length > 0
    && typeof status.content === 'string' && typeof status.account === 'object' && status.account !== null
    && typeof status.account.acct === 'string';
}

/** The post a status stands for: a reblog stands for the status it boosts. */
export function statusToPost(value: unknown, instanceHost: string): IncomingPost | SkippedItem {
  if (!isStatus(value)) return { reason: 'not a Mastodon status (id, content or account missing)', externalId: idOf(value) };
  const status = value.reblog && isStatus(value.reblog) ? value.reblog : value;
  const body = htmlToText(status.content);
  const spoiler = normalizeWhitespace(status.spoiler_text ?? '');
  const media = (status.media_attachments ?? []).map((attachment) => normalizeWhitespace(attachment?.description ?? '')).filter(Boolean).join('\n');
  const text = [spoiler, body || media].filter(Boolean).join('\n\n');
  if (!text) return { reason: 'the status has no text, content warning or media description', externalId: status.id };
  const { account } = status;
  const handle = `@${account.acct.includes('@') ? account.acct : `${account.acct}@${instanceHost}`}`;
  const createdAt = isoDate(status.created_at);
  const url = httpUrl(status.url) ?? httpUrl(status.uri);
  const profileUrl = httpUrl(account.url);
  const followers = Number.isInteger(account.followers_count) && account.followers_count! >= 0 ? account.followers_count : undefined;
  const language = typeof status.language === 'string' ? /^([a-z]{2})(?:[-_]|$)/i.exec(status.language)?.[1]?.toLowerCase() : undefined;
  return {
    externalId: status.id,
    text,
    ...(url && { url }),
    author: {
      handle,
      ...(account.display_name && { displayName: account.display_name }),
      ...(followers !== undefined && { followers }),
      ...(profileUrl && { profileUrl }),
    },
    ...(language && { language }),
    ...(createdAt && { createdAt }),
    ...(typeof status.in_reply_to_id === 'string' && { inReplyToExternalId: status.in_reply_to_id }),
    site: instanceHost,
    raw: value,
  };
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function httpUrl(value: unknown): string | undefined {
  return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : undefined;
}
