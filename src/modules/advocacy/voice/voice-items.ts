// What the company's people published through Herd, newest first: replies (from
// respond) and shares of stories in their own words. Only what went out in public at a
// web address: a share opened through a compose link is only "opened" until its
// sharer confirms it was published, and a share by e-mail went to chosen people, so
// neither appears; drafts and scheduled shares never do.
import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { spokeMembershipsOf, staffByIds } from '../../people/index.ts';
import { publishedReplies } from '../../respond/index.ts';
import { shares, stories } from '../advocacy.schema.ts';

export interface VoiceItem {
  id: string;
  kind: 'reply' | 'share';
  personName: string;
  /** The reply's conversation's spoke; the sharer's spokes. */
  spokeName: string | null;
  text: string;
  network: string;
  url: string;
  publishedAt: Date;
  /** The story a share spread. */
  story: { title: string; url: string } | null;
}

/** Where a page ends: the last item's published time and id; the next page starts strictly after it. */
export interface VoicePosition { at: Date; id: string }

// In milliseconds, as a cursor carries it: a time written by the database has microseconds, and the item a page ended on must not come again.
const publishedMs = sql`date_trunc('milliseconds', ${shares.publishedAt})`;

async function publishedShares(db: Database, orgId: string, limit: number, before?: VoicePosition): Promise<VoiceItem[]> {
  const rows = await db.select({
    id: shares.id, personId: shares.personId, text: shares.text, network: shares.network, url: shares.publishedUrl, publishedAt: shares.publishedAt,
    storyTitle: stories.title, storyUrl: stories.url,
  }).from(shares).innerJoin(stories, eq(stories.id, shares.storyId)).where(and(
    eq(shares.orgId, orgId), eq(shares.status, 'published'), isNotNull(shares.publishedAt), ne(shares.network, 'email'),
    sql`${shares.publishedUrl} ~* '^https?://'`,
    before && sql`(${publishedMs}, ${shares.id}) < (${before.at.toISOString()}::timestamptz, ${before.id}::uuid)`,
  )).orderBy(desc(publishedMs), desc(shares.id)).limit(limit);
  if (rows.length === 0) return [];
  const personIds = [...new Set(rows.map((row) => row.personId))];
  const [sharers, memberships] = await Promise.all([staffByIds(db, orgId, personIds), spokeMembershipsOf(db, orgId, { personIds })]);
  const names = new Map(sharers.map((person) => [person.personId, person.name]));
  const spokesOf = new Map<string, string[]>();
  for (const { personId, spokeName } of memberships) spokesOf.set(personId, [...(spokesOf.get(personId) ?? []), spokeName]);
  return rows.map((row) => ({
    id: row.id, kind: 'share', personName: names.get(row.personId) ?? '', spokeName: spokesOf.get(row.personId)?.join(', ') ?? null,
    text: row.text, network: row.network, url: row.url!, publishedAt: row.publishedAt!, story: { title: row.storyTitle, url: row.storyUrl },
  }));
}

const newestFirst = (a: VoiceItem, b: VoiceItem) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Up to `limit` items before `before`, from both sources merged; `next` is where the following page starts, if there is one. */
export async function voiceItems(db: Database, orgId: string, options: { limit: number; before?: VoicePosition }): Promise<{ items: VoiceItem[]; next: VoicePosition | null }> {
  const { limit, before } = options;
  // One more than a page from each: enough to know whether another page follows.
  const [replies, shared] = await Promise.all([
    publishedReplies(db, orgId, { limit: limit + 1, before }),
    publishedShares(db, orgId, limit + 1, before),
  ]);
  const merged = [
    ...replies.map((reply): VoiceItem => ({
      id: reply.id, kind: 'reply', personName: reply.authorName, spokeName: reply.spokeName, text: reply.text, network: reply.network,
      url: reply.url, publishedAt: reply.publishedAt, story: null,
    })),
    ...shared,
  ].sort(newestFirst);
  const items = merged.slice(0, limit);
  const last = items.at(-1);
  return { items, next: merged.length > limit && last ? { at: last.publishedAt, id: last.id } : null };
}
