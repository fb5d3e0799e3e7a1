import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { createOrganization } from '../people/index.ts';
import { sources } from './listening.schema.ts';
import { storeMention, storeMentions } from './mention-store.ts';

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
});
