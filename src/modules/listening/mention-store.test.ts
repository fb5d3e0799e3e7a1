import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { createOrganization } from '../people/index.ts';
import { sources } from './listening.schema.ts';
import { STORE_CHUNK_SIZE, storeMention, storeMentions, type PostToStore } from './mention-store.ts';

describeOnEachDatabase('mention store', (database) => {
  let orgId: string;
  let sourceId: string;
  const db = () => database().db;
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db().execute(query)) as unknown as { rows: T[] }).rows;

  before(async () => {
    orgId = (await createOrganization(db(), { slug: 'acme', name: 'Acme' })).id;
    const [source] = await db().insert(sources).values({ orgId, kind: 'rss', name: 'Blog' }).returning();
    sourceId = source!.id;
  });

  let sourceCount = 0;
  /** A source of its own, so each batch test sees only its own mentions and conversations. */
  const freshSource = async () => {
    sourceCount += 1;
    const [source] = await db().insert(sources).values({ orgId, kind: 'rss', name: `Batch ${sourceCount}` }).returning();
    return source!.id;
  };
  const store = (source: string, posts: PostToStore[]) => storeMentions(db(), orgId, source, posts, () => [], () => true);
  /** external id -> conversation id, for one source. */
  const threads = async (source: string) => Object.fromEntries((await rows<{ external_id: string; conversation_id: string }>(
    sql`select external_id, conversation_id from mentions where source_id = ${source}`)).map((r) => [r.external_id, r.conversation_id]));
  /** Every conversation of the source holds mentions, and its count and times are those of its mentions. */
  const assertConversationsConsistent = async (source: string) => {
    const wrong = await rows<{ id: string }>(sql`
      select c.id from conversations c left join mentions m on m.conversation_id = c.id
      where c.source_id = ${source}
      group by c.id, c.mention_count, c.started_at, c.last_mention_at
      having count(m.id) = 0 or c.mention_count <> count(m.id) or c.started_at <> min(m.posted_at) or c.last_mention_at <> max(m.posted_at)`);
    assert.deepEqual(wrong, []);
  };
  const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();

  it('stores a post once, however often it is delivered', async () => {
    const post = { externalId: 'p-1', text: 'Loving the new store in Leeds', author: { handle: 'sam', followers: 120 } };
    assert.ok(await storeMention(db(), orgId, sourceId, post, []));
    assert.equal(await storeMention(db(), orgId, sourceId, post, []), undefined);
    const outcome = await storeMentions(db(), orgId, sourceId, [post, post], () => [], () => true);
    assert.deepEqual({ stored: outcome.stored, duplicates: outcome.duplicates }, { stored: 0, duplicates: 2 });
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from mentions where external_id = 'p-1'`);
    assert.equal(count!.n, 1);
  });

  it('threads a reply into its parent conversation, and a new post into a new one', async () => {
    const root = await storeMention(db(), orgId, sourceId, { externalId: 't-root', text: 'My parcel never came' }, []);
    const reply = await storeMention(db(), orgId, sourceId, { externalId: 't-reply', text: 'Same here', inReplyToExternalId: 't-root' }, []);
    const other = await storeMention(db(), orgId, sourceId, { externalId: 't-other', text: 'Unrelated' }, []);
    const byId = Object.fromEntries((await rows<{ id: string; conversation_id: string }>(sql`select id, conversation_id from mentions`)).map((r) => [r.id, r.conversation_id]));
    assert.equal(byId[reply!], byId[root!]);
    assert.notEqual(byId[other!], byId[root!]);
    const [conversation] = await rows<{ mention_count: number }>(sql`select mention_count from conversations where id = ${byId[root!]}`);
    assert.equal(conversation!.mention_count, 2);
  });

  it('joins a parent that arrives after its reply to the reply\'s conversation', async () => {
    const reply = await storeMention(db(), orgId, sourceId, { externalId: 'late-reply', text: 'Re: refund', inReplyToExternalId: 'late-parent' }, []);
    const parent = await storeMention(db(), orgId, sourceId, { externalId: 'late-parent', text: 'Where is my refund?' }, []);
    const [a, b] = await rows<{ conversation_id: string }>(sql`select conversation_id from mentions where id in (${reply}, ${parent})`);
    assert.equal(a!.conversation_id, b!.conversation_id);
  });

  it('keeps only posts the source wants, and finds mentions by full-text search', async () => {
    const outcome = await storeMentions(db(), orgId, sourceId, [
      { externalId: 'f-1', text: 'The checkout crashed again' },
      { externalId: 'f-2', text: 'Nothing to see' },
    ], (post) => (post.text.includes('checkout') ? ['00000000-0000-4000-8000-000000000001'] : []), (topicIds) => topicIds.length > 0);
    assert.deepEqual({ stored: outcome.stored, ignored: outcome.ignored }, { stored: 1, ignored: 1 });
    const found = await rows<{ external_id: string }>(sql`select external_id from mentions where search_vector @@ plainto_tsquery('simple', 'crashed checkout')`);
    assert.deepEqual(found.map((r) => r.external_id), ['f-1']);
  });

  it('tells the modules above of new mentions in the same transaction, and not of re-deliveries', async () => {
    const source = await freshSource();
    const events = () => rows<{ payload: { sourceId: string; mentionIds: string[] } }>(
      sql`select payload from jobs where kind = 'event:listening.mentions-stored' and payload->>'sourceId' = ${source} order by id`);
    const first = await store(source, [{ externalId: 'e1', text: 'one' }, { externalId: 'e2', text: 'two' }]);
    await store(source, [{ externalId: 'e1', text: 'one' }]);
    assert.deepEqual((await events()).map((event) => event.payload.mentionIds.sort()), [[...first.mentionIds].sort()]);
  });

  it('stores every field of a post', async () => {
    const source = await freshSource();
    const topic = '00000000-0000-4000-8000-000000000002';
    const receivedAt = new Date('2025-02-01T08:00:00.000Z');
    const [id] = (await storeMentions(db(), orgId, source, [{
      externalId: 'full', text: 'Cut mid-emoji \ud83d', title: 'Title "quoted"', url: 'https://example.com/p/1', site: 'example.com', language: 'en',
      createdAt: '2025-01-31T10:00:00.000Z', inReplyToExternalId: 'elsewhere',
      author: { handle: 'sam', displayName: 'Sam O\'Neil', followers: 42, profileUrl: 'https://example.com/sam' }, raw: { nested: [1, 'two', null] },
    }, { externalId: 'bare', text: 'No date, no extras' }], () => [topic], () => true, receivedAt)).mentionIds;
    const [row] = await rows<Record<string, unknown>>(sql`
      select external_id, in_reply_to_external_id, author_handle, author_name, author_followers, author_profile_url, title, text, url, site,
        language, posted_at, received_at, topic_ids, raw from mentions where id = ${id}`);
    assert.deepEqual({ ...row, posted_at: new Date(row!.posted_at as string).toISOString(), received_at: new Date(row!.received_at as string).toISOString() }, {
      external_id: 'full', in_reply_to_external_id: 'elsewhere', author_handle: 'sam', author_name: 'Sam O\'Neil', author_followers: 42,
      author_profile_url: 'https://example.com/sam', title: 'Title "quoted"', text: 'Cut mid-emoji \ufffd', url: 'https://example.com/p/1', site: 'example.com',
      language: 'en', posted_at: '2025-01-31T10:00:00.000Z', received_at: receivedAt.toISOString(), topic_ids: [topic], raw: { nested: [1, 'two', null] },
    });
    const [bare] = await rows<{ posted_at: string; raw: unknown; author_handle: unknown; title: unknown }>(
      sql`select posted_at, raw, author_handle, title from mentions where source_id = ${source} and external_id = 'bare'`);
    assert.deepEqual({ ...bare, posted_at: new Date(bare!.posted_at).toISOString() }, { posted_at: receivedAt.toISOString(), raw: null, author_handle: null, title: null });
  });

  it('counts duplicates inside a batch and already stored, and lists new mention ids in input order', async () => {
    const source = await freshSource();
    await store(source, [{ externalId: 'old', text: 'stored before' }]);
    const outcome = await store(source, [
      { externalId: 'b', text: 'first b' }, { externalId: 'old', text: 'again' }, { externalId: 'a', text: 'first a' },
      { externalId: 'b', text: 'second b' }, { externalId: 'c', text: 'c' }, { externalId: 'a', text: 'second a' },
    ]);
    assert.deepEqual({ stored: outcome.stored, duplicates: outcome.duplicates, ignored: outcome.ignored }, { stored: 3, duplicates: 3, ignored: 0 });
    const byId = Object.fromEntries((await rows<{ id: string; external_id: string; text: string }>(
      sql`select id, external_id, text from mentions where source_id = ${source}`)).map((r) => [r.id, r]));
    assert.deepEqual(outcome.mentionIds.map((id) => byId[id]!.external_id), ['b', 'a', 'c']);
    assert.deepEqual(outcome.mentionIds.map((id) => byId[id]!.text), ['first b', 'first a', 'c']);
    assert.equal(Object.keys(byId).length, 4);
    await assertConversationsConsistent(source);
  });

  it('threads a reply and its parent in the same batch, in either order, and keeps the conversation\'s times', async () => {
    const source = await freshSource();
    const outcome = await store(source, [
      { externalId: 'r1', text: 'Same here', inReplyToExternalId: 'p1', createdAt: at(5) },
      { externalId: 'p1', text: 'My parcel never came', createdAt: at(1) },
      { externalId: 'p2', text: 'Refund please', createdAt: at(2) },
      { externalId: 'r2', text: 'Me too', inReplyToExternalId: 'p2', createdAt: at(9) },
      { externalId: 'lone', text: 'Unrelated', createdAt: at(3) },
    ]);
    assert.equal(outcome.stored, 5);
    const thread = await threads(source);
    assert.equal(thread.r1, thread.p1);
    assert.equal(thread.r2, thread.p2);
    assert.equal(new Set(Object.values(thread)).size, 3);
    const [conversation] = await rows<{ mention_count: number; started_at: Date | string; last_mention_at: Date | string }>(
      sql`select mention_count, started_at, last_mention_at from conversations where id = ${thread.p1}`);
    assert.equal(conversation!.mention_count, 2);
    assert.equal(new Date(conversation!.started_at).toISOString(), at(1));
    assert.equal(new Date(conversation!.last_mention_at).toISOString(), at(5));
    await assertConversationsConsistent(source);
  });

  it('threads chains in any order, across the batch and what is already stored', async () => {
    const source = await freshSource();
    // a <- b <- c, stored out of order in one batch.
    await store(source, [
      { externalId: 'a', text: 'a' }, { externalId: 'c', text: 'c', inReplyToExternalId: 'b' }, { externalId: 'b', text: 'b', inReplyToExternalId: 'a' },
    ]);
    // d <- e <- f, newest first.
    await store(source, [
      { externalId: 'f', text: 'f', inReplyToExternalId: 'e' }, { externalId: 'e', text: 'e', inReplyToExternalId: 'd' }, { externalId: 'd', text: 'd' },
    ]);
    // Continues a stored thread: g <- h replies to c.
    await store(source, [{ externalId: 'h', text: 'h', inReplyToExternalId: 'g' }, { externalId: 'g', text: 'g', inReplyToExternalId: 'c' }]);
    // An orphan reply stored first, then its parent and a sibling arrive together.
    await store(source, [{ externalId: 'orphan', text: 'orphan', inReplyToExternalId: 'root' }]);
    await store(source, [{ externalId: 'sibling', text: 'sibling', inReplyToExternalId: 'root' }, { externalId: 'root', text: 'root' }]);
    // Replies that loop (broken data) still form one conversation.
    await store(source, [{ externalId: 'x', text: 'x', inReplyToExternalId: 'y' }, { externalId: 'y', text: 'y', inReplyToExternalId: 'x' }]);
    const thread = await threads(source);
    for (const id of ['b', 'c', 'g', 'h']) assert.equal(thread[id], thread.a, id);
    for (const id of ['e', 'f']) assert.equal(thread[id], thread.d, id);
    for (const id of ['sibling', 'root']) assert.equal(thread[id], thread.orphan, id);
    assert.equal(thread.x, thread.y);
    assert.equal(new Set(Object.values(thread)).size, 4);
    await assertConversationsConsistent(source);
  });

  it('stores a batch larger than one chunk, with replies across chunks', async () => {
    const source = await freshSource();
    const count = STORE_CHUNK_SIZE * 2 + 500;
    // Post i replies to post i - 1000 when i is a multiple of 7 (a parent in an earlier chunk), and to post i + 1201 when
    // a multiple of 11 (a parent in a later chunk, which replies to nothing: a reply joins its parent's conversation
    // rather than adopt an earlier orphan, and conversations are never merged).
    const parentOf = (i: number) => (i % 7 === 0 && i >= 1000 ? i - 1000 : i % 11 === 0 && i + 1201 < count && (i + 1201) % 7 !== 0 ? i + 1201 : undefined);
    assert.ok(Array.from({ length: count }, (_, i) => i).every((i) => parentOf(i) !== i + 1201 || parentOf(i + 1201) === undefined));
    const posts: PostToStore[] = Array.from({ length: count }, (_, i) => ({
      externalId: `big-${i}`, text: `post ${i}`, createdAt: at(i % 60),
      ...(parentOf(i) === undefined ? {} : { inReplyToExternalId: `big-${parentOf(i)}` }),
    }));
    const outcome = await store(source, posts);
    assert.equal(outcome.stored, count);
    assert.equal(outcome.mentionIds.length, count);
    const thread = await threads(source);
    for (const post of posts) {
      if (post.inReplyToExternalId) assert.equal(thread[post.externalId], thread[post.inReplyToExternalId], post.externalId);
    }
    await assertConversationsConsistent(source);
    const again = await store(source, posts);
    assert.deepEqual({ stored: again.stored, duplicates: again.duplicates }, { stored: 0, duplicates: count });
  });

  it('stores each post once when two writers store the same posts at the same time, and leaves no empty conversation', async () => {
    const source = await freshSource();
    const posts: PostToStore[] = Array.from({ length: 400 }, (_, i) => ({
      externalId: `race-${i}`, text: `post ${i}`, createdAt: at(i % 60), ...(i % 4 === 3 ? { inReplyToExternalId: `race-${i - 3}` } : {}),
    }));
    const [first, second, reversed] = await Promise.all([store(source, posts), store(source, posts), store(source, [...posts].reverse())]);
    assert.equal(first.stored + second.stored + reversed.stored, posts.length);
    assert.equal(first.duplicates + second.duplicates + reversed.duplicates, posts.length * 2);
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from mentions where source_id = ${source}`);
    assert.equal(count!.n, posts.length);
    await assertConversationsConsistent(source);
  });
});
