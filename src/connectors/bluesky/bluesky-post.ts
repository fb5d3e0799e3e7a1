// Bluesky's shapes as Herd reads them: the AppView's PostView (app.bsky.feed.defs#postView)
// and Jetstream's commit events, and how each becomes an IncomingPost.
import type { IncomingPost, SkippedItem } from '../connector.ts';
import { normalizeWhitespace } from '../html-text.ts';

export interface PostRecord {
  $type?: string;
  text?: string;
  createdAt?: string;
  langs?: string[];
  reply?: { root?: { uri?: string; cid?: string }; parent?: { uri?: string; cid?: string } };
}

export interface PostView {
  uri: string;
  cid: string;
  author: { did: string; handle: string; displayName?: string; avatar?: string; followersCount?: number };
  record: PostRecord;
  indexedAt: string;
  replyCount?: number;
  repostCount?: number;
  likeCount?: number;
}

export interface JetstreamEvent {
  did: string;
  time_us: number;
  kind: 'commit' | 'identity' | 'account';
  commit?: { rev?: string; operation: 'create' | 'update' | 'delete'; collection: string; rkey: string; record?: PostRecord; cid?: string };
}

export const SITE = 'bsky.app';

export function postViewToPost(value: unknown): IncomingPost | SkippedItem {
  const view = value as Partial<PostView> | null;
  const uri = typeof view?.uri === 'string' ? view.uri : undefined;
  if (!view || !uri?.startsWith('at://') || typeof view.author?.handle !== 'string' || typeof view.record !== 'object' || view.record === null) {
    return { reason: 'not a Bluesky post view (uri, author or record missing)', ...(uri && { externalId: uri }) };
  }
  const { author } = view;
  const handle = author.handle === 'handle.invalid' ? author.did : author.handle;
  return recordToPost(uri, view.record, value, {
    handle: `@${handle}`,
    profile: handle,
    ...(author.displayName?.trim() && { displayName: author.displayName.trim() }),
    ...(Number.isInteger(author.followersCount) && author.followersCount! >= 0 && { followers: author.followersCount }),
  });
}

/** A Jetstream create of an app.bsky.feed.post record; other events are not posts. Only the DID is known, not the handle. */
export function jetstreamToPost(event: JetstreamEvent): IncomingPost | SkippedItem {
  const commit = event.commit!;
  const uri = `at://${event.did}/${commit.collection}/${commit.rkey}`;
  if (!commit.record) return { reason: 'the commit carries no record', externalId: uri };
  return recordToPost(uri, commit.record, event, { handle: event.did, profile: event.did });
}

function recordToPost(uri: string, record: PostRecord, raw: unknown, author: { handle: string; profile: string; displayName?: string; followers?: number }): IncomingPost | SkippedItem {
  const text = normalizeWhitespace(typeof record.text === 'string' ? record.text : '');
  if (!text) return { reason: 'the post has no text (an image or embed only)', externalId: uri };
  const rkey = uri.split('/').pop()!;
  const created = typeof record.createdAt === 'string' ? Date.parse(record.createdAt) : NaN;
  const language = Array.isArray(record.langs) && typeof record.langs[0] === 'string' ? /^([a-z]{2})(?:-|$)/i.exec(record.langs[0])?.[1]?.toLowerCase() : undefined;
  const parent = record.reply?.parent?.uri;
  const profileUrl = `https://${SITE}/profile/${encodeURIComponent(author.profile).replace(/%3A/g, ':')}`;
  return {
    externalId: uri,
    text,
    url: `${profileUrl}/post/${encodeURIComponent(rkey)}`,
    author: {
      handle: author.handle,
      ...(author.displayName && { displayName: author.displayName }),
      ...(author.followers !== undefined && { followers: author.followers }),
      profileUrl,
    },
    ...(language && { language }),
    ...(!Number.isNaN(created) && { createdAt: new Date(created).toISOString() }),
    ...(typeof parent === 'string' && parent.startsWith('at://') && { inReplyToExternalId: parent }),
    site: SITE,
    raw,
  };
}
