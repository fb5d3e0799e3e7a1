// Stores what connectors hear. A post is stored once per (organization, source,
// external id): re-delivery, re-import and restarts never duplicate it. Each new
// mention joins its parent's conversation when it is a reply, or starts one.
//
// Set-based: a batch is stored with a handful of statements per chunk of posts, whatever
// its size (look up the posts already stored and their relatives, insert the new
// conversations with the mentions, update the stored conversations they joined), in
// one transaction per chunk. Concurrent writers of the same posts are safe: the unique
// index on mentions (org, source, external id) lets only one of them insert each post,
// and the other removes the conversations it created and did not use before it commits.
import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { insertRows, type Database } from '../../db/index.ts';
import { publishEvent } from '../../jobs/index.ts';
import { mentionsStored } from './listening.events.ts';
import { conversations, mentions } from './listening.schema.ts';

/** A post as the listening module stores it; connectors' IncomingPost maps onto it directly. */
export interface PostToStore {
  externalId: string;
  text: string;
  title?: string;
  url?: string;
  site?: string;
  language?: string;
  createdAt?: string;
  inReplyToExternalId?: string;
  author?: { handle?: string; displayName?: string; followers?: number; profileUrl?: string };
  raw?: unknown;
}

export interface StoreOutcome { stored: number; duplicates: number; mentionIds: string[] }

/**
 * Posts stored per transaction. The lookup and the inserts bind a few parameters whatever
 * their size (lists travel as one jsonb parameter); removing unused conversations binds one
 * a post at most, well under PostgreSQL's limit of 65,535 parameters a statement.
 */
export const STORE_CHUNK_SIZE = 1_000;

function postedAt(post: PostToStore, receivedAt: Date): Date {
  const parsed = post.createdAt ? new Date(post.createdAt) : undefined;
  // A missing or nonsensical date (some feeds have them) falls back to when we heard it.
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : receivedAt;
}

interface Candidate { post: PostToStore; topicIds: string[]; at: Date }

/** The external id a post replies to; an empty one (some feeds send them) is none. */
const parentIdOf = (post: PostToStore): string | undefined => post.inReplyToExternalId || undefined;

/** What the database already holds around a chunk's new posts. */
interface Relatives {
  /** Conversation of each stored mention a new post replies to, by that mention's external id. */
  parents: Map<string, string>;
  /** Conversation of the earliest stored reply to a new post that arrived before it, by the new post's external id. */
  orphanReplies: Map<string, string>;
}

/**
 * The conversation of each new post (by index), and the conversations to create.
 * Posts of the chunk linked by replies form one thread and share one conversation:
 * the stored parent's of the thread's first post, else that of a stored reply which
 * arrived before its parent (the thread's first post's, else any post's), else a new one.
 * A chunk's order does not matter: a reply and its parent land together either way.
 */
function planConversations(fresh: readonly PostToStore[], relatives: Relatives): { conversationOf: string[]; created: Map<string, number[]> } {
  const indexOf = new Map(fresh.map((post, i) => [post.externalId, i]));
  const parentIndex = fresh.map((post) => { const parentId = parentIdOf(post); return parentId === undefined ? undefined : indexOf.get(parentId); });
  // Union-find over the replies inside the chunk; a thread's leader is its earliest post.
  const leader = fresh.map((_, i) => i);
  const find = (i: number): number => {
    while (leader[i] !== i) {
      leader[i] = leader[leader[i]!]!;
      i = leader[i]!;
    }
    return i;
  };
  parentIndex.forEach((parent, i) => {
    if (parent === undefined) return;
    const [a, b] = [find(i), find(parent)];
    if (a !== b) leader[Math.max(a, b)] = Math.min(a, b);
  });
  const threads = new Map<number, number[]>();
  fresh.forEach((_, i) => {
    const members = threads.get(find(i)) ?? [];
    members.push(i);
    threads.set(find(i), members);
  });

  const conversationOf: string[] = new Array<string>(fresh.length);
  const created = new Map<string, number[]>();
  for (const members of threads.values()) {
    // The thread's first post is the one whose parent is not in the chunk (none when replies loop).
    const first = members.find((i) => parentIndex[i] === undefined);
    const firstParentId = first === undefined ? undefined : parentIdOf(fresh[first]!);
    let conversationId = firstParentId === undefined ? undefined : relatives.parents.get(firstParentId);
    for (const i of first === undefined ? members : [first, ...members]) {
      conversationId ??= relatives.orphanReplies.get(fresh[i]!.externalId);
    }
    if (conversationId === undefined) {
      conversationId = randomUUID();
      created.set(conversationId, members);
    }
    for (const i of members) conversationOf[i] = conversationId;
  }
  return { conversationOf, created };
}

/**
 * In one lookup: which posts of the chunk are stored already (so re-delivered posts do not
 * even create conversations), and the conversations of the new posts' stored relatives.
 */
async function storedAround(tx: Database, orgId: string, sourceId: string, chunk: readonly PostToStore[]): Promise<{ fresh: PostToStore[]; relatives: Relatives }> {
  const ids = chunk.map((post) => post.externalId);
  const parentIds = [...new Set(chunk.map(parentIdOf).filter((id): id is string => id !== undefined))];
  // Looked up id by id (a lateral join per id list), so each id is one probe of an index: PGlite keeps no planner
  // statistics, and given the lists whole it read every mention of the source, a cost that grew with the source.
  // Limit and offset keep the planner from turning the lookups back into joins over the whole source.
  const byExternalId = sql`select m.external_id, m.in_reply_to_external_id, m.conversation_id, m.seq
    from jsonb_array_elements_text(${JSON.stringify([...new Set([...ids, ...parentIds])])}::jsonb) as wanted(id)
    cross join lateral (select * from ${mentions} where org_id = ${orgId} and source_id = ${sourceId} and external_id = wanted.id limit 1) as m`;
  const byParentId = sql`select m.external_id, m.in_reply_to_external_id, m.conversation_id, m.seq
    from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as replied(id)
    cross join lateral (select * from ${mentions} where source_id = ${sourceId} and in_reply_to_external_id = replied.id and org_id = ${orgId} offset 0) as m`;
  const { rows } = await tx.execute(sql`select * from (${byExternalId} union ${byParentId}) as found order by seq`) as unknown as {
    rows: { external_id: string; in_reply_to_external_id: string | null; conversation_id: string }[];
  };
  const found = rows.map((row) => ({ externalId: row.external_id, inReplyTo: row.in_reply_to_external_id, conversationId: row.conversation_id }));
  const stored = new Set(found.map((row) => row.externalId));
  const fresh = chunk.filter((post) => !stored.has(post.externalId));
  const freshIds = new Set(fresh.map((post) => post.externalId));
  const relatives: Relatives = { parents: new Map(), orphanReplies: new Map() };
  for (const row of found) {
    relatives.parents.set(row.externalId, row.conversationId);
    if (row.inReplyTo !== null && freshIds.has(row.inReplyTo) && !relatives.orphanReplies.has(row.inReplyTo)) {
      relatives.orphanReplies.set(row.inReplyTo, row.conversationId);
    }
  }
  return { fresh, relatives };
}

/** Stores one chunk of distinct posts in one transaction; returns the new mention ids by external id. */
async function storeChunk(db: Database, orgId: string, sourceId: string, chunk: readonly Candidate[], receivedAt: Date): Promise<Map<string, string>> {
  return db.transaction(async (tx) => {
    const around = await storedAround(tx, orgId, sourceId, chunk.map((c) => c.post));
    const freshPosts = new Set(around.fresh);
    const fresh = chunk.filter((c) => freshPosts.has(c.post));
    if (fresh.length === 0) return new Map<string, string>();

    const { conversationOf, created } = planConversations(around.fresh, around.relatives);
    const span = (members: readonly number[]) => {
      const times = members.map((i) => fresh[i]!.at.getTime());
      return { n: members.length, first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) };
    };
    // New conversations are created complete, in the statement that inserts the mentions (its
    // foreign keys are checked at the statement's end); only stored ones that gain mentions are updated afterwards.
    const newConversations = created.size === 0 ? undefined : insertRows(conversations, [...created].map(([id, members]) => {
      const { n, first, last } = span(members);
      return { id, orgId, sourceId, startedAt: first, lastMentionAt: last, mentionCount: n };
    }));

    // Inserted in external id order, so writers of overlapping batches take the unique index's locks in one order.
    const order = fresh.map((_, i) => i).sort((a, b) => (fresh[a]!.post.externalId < fresh[b]!.post.externalId ? -1 : 1));
    const insert = insertRows(mentions, order.map((i) => {
      const { post, topicIds, at } = fresh[i]!;
      return {
        orgId, sourceId, conversationId: conversationOf[i]!, externalId: post.externalId, inReplyToExternalId: post.inReplyToExternalId ?? null,
        authorHandle: post.author?.handle ?? null, authorName: post.author?.displayName ?? null,
        authorFollowers: post.author?.followers ?? null, authorProfileUrl: post.author?.profileUrl ?? null,
        title: post.title ?? null, text: post.text, url: post.url ?? null, site: post.site ?? null, language: post.language ?? null,
        postedAt: at, receivedAt, topicIds, raw: post.raw ?? null,
      };
    }));
    const insertAll = newConversations ? sql`with new_conversations as (${newConversations}) ${insert}` : insert;
    const inserted = (await tx.execute(sql`${insertAll} on conflict do nothing returning id, external_id`) as unknown as { rows: { id: string; external_id: string }[] }).rows;
    const storedIds = new Map(inserted.map((row) => [row.external_id, row.id]));

    // What each conversation gained. A concurrent writer may have stored some of these posts since our check:
    // a conversation created here then holds fewer mentions than planned, or none (and is removed).
    const gained = new Map<string, number[]>();
    fresh.forEach((c, i) => {
      if (!storedIds.has(c.post.externalId)) return;
      const members = gained.get(conversationOf[i]!) ?? [];
      members.push(i);
      gained.set(conversationOf[i]!, members);
    });
    const unused = [...created.keys()].filter((id) => !gained.has(id));
    if (unused.length > 0) await tx.delete(conversations).where(inArray(conversations.id, unused));
    const updates = [...gained].filter(([id, members]) => created.get(id)?.length !== members.length)
      // In conversation id order, so concurrent writers lock the conversations in one order.
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, members]) => {
        const { n, first, last } = span(members);
        return sql`(${id}::uuid, ${n}::int, ${first.toISOString()}::timestamptz, ${last.toISOString()}::timestamptz, ${created.has(id)}::boolean)`;
      });
    if (updates.length > 0) {
      await tx.execute(sql`
        update conversations as c set
          mention_count = case when v.created then v.n else c.mention_count + v.n end,
          started_at = case when v.created then v.first_at else least(c.started_at, v.first_at) end,
          last_mention_at = case when v.created then v.last_at else greatest(c.last_mention_at, v.last_at) end
        from (values ${sql.join(updates, sql`, `)}) as v(id, n, first_at, last_at, created)
        where c.id = v.id`);
    }
    if (storedIds.size > 0) await publishEvent(tx, mentionsStored, { sourceId, mentionIds: [...storedIds.values()] }, { orgId });
    return storedIds;
  });
}

/** Stores one post; its id, or undefined when it was already stored. */
export async function storeMention(
  db: Database, orgId: string, sourceId: string, post: PostToStore, topicIds: string[], receivedAt = new Date(),
): Promise<string | undefined> {
  const outcome = await storeMentions(db, orgId, sourceId, [post], () => topicIds, () => true, receivedAt);
  return outcome.mentionIds[0];
}

/**
 * Stores a batch of posts; `topicsFor` decides which topics each matches, and `keep` whether it is stored at all.
 * A post already stored, or earlier in the batch, counts as a duplicate; `mentionIds` lists the new mentions in input order.
 */
export async function storeMentions(
  db: Database, orgId: string, sourceId: string, posts: PostToStore[],
  topicsFor: (post: PostToStore) => string[], keep: (topicIds: string[]) => boolean, receivedAt = new Date(),
): Promise<StoreOutcome & { ignored: number }> {
  const outcome = { stored: 0, duplicates: 0, ignored: 0, mentionIds: [] as string[] };
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const post of posts) {
    const topicIds = topicsFor(post);
    if (!keep(topicIds)) {
      outcome.ignored += 1;
    } else if (seen.has(post.externalId)) {
      outcome.duplicates += 1;
    } else {
      seen.add(post.externalId);
      candidates.push({ post, topicIds, at: postedAt(post, receivedAt) });
    }
  }
  for (let start = 0; start < candidates.length; start += STORE_CHUNK_SIZE) {
    const chunk = candidates.slice(start, start + STORE_CHUNK_SIZE);
    const ids = await storeChunk(db, orgId, sourceId, chunk, receivedAt);
    for (const { post } of chunk) {
      const id = ids.get(post.externalId);
      if (id) {
        outcome.stored += 1;
        outcome.mentionIds.push(id);
      } else {
        outcome.duplicates += 1;
      }
    }
  }
  return outcome;
}
