import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { createSource, ingestPosts, type IngestTarget, type PostToStore } from '../listening/index.ts';
import { createOrganization, createSpoke, systemActor, type Actor } from '../people/index.ts';
import { createCategory } from './categories.ts';
import { triageOfMentions } from './mention-triage-view.ts';
import { triageJobs } from './triage.jobs.ts';
import { bandsOf, simhash } from './near-duplicates.ts';
import { mentionTriage } from './triage.schema.ts';

describeOnEachDatabase('triage of stored mentions', (database) => {
  const db = () => database().db;
  let actor: Actor;
  let source: IngestTarget;
  let leedsId: string;
  let deliveryId: string;

  const drainJobs = async () => { while (await runDueJobs({ db: db(), definitions: triageJobs, workerId: 'test' }) > 0); };
  const ingest = async (posts: PostToStore[]) => (await ingestPosts(db(), source, posts)).mentionIds;
  const triageOf = async (ids: string[]) => {
    const byId = new Map((await triageOfMentions(db(), actor, ids)).map((row) => [row.mentionId, row]));
    return ids.map((id) => byId.get(id));
  };

  before(async () => {
    actor = systemActor((await createOrganization(db(), { slug: 'acme', name: 'Acme' })).id);
    leedsId = (await createSpoke(db(), actor, { kind: 'store', name: 'Leeds Briggate', aliases: ['the Leeds store'], place: { address: '47 Briggate', city: 'Leeds' } })).id;
    await createSpoke(db(), actor, { kind: 'store', name: 'York Coney Street', place: { address: '3 Coney Street', city: 'York' } });
    deliveryId = (await createCategory(db(), actor, { name: 'Delivery', keywords: ['parcel', 'courier'] })).id;
    const created = await createSource(db(), actor, { kind: 'file', name: 'Import', config: {}, matchMode: 'all' });
    source = { id: created.id, orgId: actor.orgId, name: created.name, matchMode: 'all' };
  });

  it('triages every stored mention through the job the storing event started', async () => {
    const [complaint, praise, german] = await ingest([
      { externalId: 'c1', text: 'Waited an hour at the Leeds store and my parcel still is not there. Useless!', author: { handle: 'ann', followers: 52_000 } },
      { externalId: 'p1', text: 'Lovely staff on Coney Street today, thank you!' },
      { externalId: 'g1', text: 'Die Lieferung ist schon wieder zu spät angekommen, sehr ärgerlich', language: 'de' },
    ]);
    assert.deepEqual(await triageOf([complaint!]), [undefined], 'nothing before the worker runs');
    await drainJobs();
    const [c, p, g] = await triageOf([complaint!, praise!, german!]);
    assert.equal(c!.language, 'en');
    assert.equal(c!.sentiment.label, 'negative');
    assert.deepEqual([c!.place?.spokeId, c!.place?.name, c!.place?.matched], [leedsId, 'Leeds Briggate', 'the leeds store']);
    assert.deepEqual([c!.category?.id, c!.category?.name, c!.category?.decidedBy, c!.category?.reasons], [deliveryId, 'Delivery', 'rule', [{ term: 'parcel', weight: 1 }]]);
    assert.ok(c!.urgency.score > 0 && c!.urgency.reasons.some((reason) => reason.includes('52,000 followers')), JSON.stringify(c!.urgency));
    assert.equal(p!.sentiment.label, 'positive');
    assert.equal(p!.place?.name, 'York Coney Street');
    assert.equal(p!.category, null);
    assert.equal(g!.language, 'de');
  });

  it('groups a copy-paste wave under its first mention, across batches', async () => {
    const wave = 'Boycott Acme until they pay their warehouse staff properly, share this everywhere';
    const first = await ingest([{ externalId: 'w0', text: wave, createdAt: '2026-11-20T10:00:00Z' }]);
    await drainJobs();
    const copies = await ingest(Array.from({ length: 30 }, (_, i) => ({
      externalId: `w${i + 1}`, text: `@acme ${wave.toUpperCase()} https://t.example/${i}`, createdAt: `2026-11-20T10:${String(i + 1).padStart(2, '0')}:00Z`,
    })));
    const unrelated = await ingest([{ externalId: 'u1', text: 'Where can I find the opening hours of the York store?' }]);
    await drainJobs();
    const triaged = await triageOf([...first, ...copies, ...unrelated]);
    assert.deepEqual(new Set(triaged.slice(0, 31).map((row) => row!.duplicates?.firstMentionId)), new Set([first[0]]));
    assert.equal(triaged[0]!.duplicates?.groupSize, 31);
    assert.equal(triaged[31]!.duplicates?.firstMentionId, unrelated[0], 'a post unlike the others starts its own group');
    assert.equal(triaged[31]!.duplicates?.groupSize, 1);
  });

  it('joins a stored mention only when the fingerprints are within the distance, not merely sharing a band', async () => {
    const text = 'The self checkout at the Hull store keeps freezing halfway through every single payment';
    const fingerprint = simhash(text)!;
    const [near, far] = await ingest([
      { externalId: 'n1', text: 'An older post, its fingerprint set below', createdAt: '2026-11-21T09:00:00Z' },
      { externalId: 'f1', text: 'Another older post, its fingerprint set below', createdAt: '2026-11-21T09:30:00Z' },
    ]);
    await drainJobs();
    // Both share only band 0 with the new post; the newer is 48 bits off (not a copy), the older 3 bits off (a copy).
    const storeFingerprint = async (mentionId: string, stored: bigint) => {
      const [band0, band1, band2, band3] = bandsOf(stored);
      await db().update(mentionTriage).set({ fingerprint: stored, band0, band1, band2, band3, duplicateOf: null }).where(eq(mentionTriage.mentionId, mentionId));
    };
    await storeFingerprint(near!, BigInt.asIntN(64, fingerprint ^ ((1n << 16n) | (1n << 32n) | (1n << 48n))));
    await storeFingerprint(far!, BigInt.asIntN(64, fingerprint ^ (0xffffffffffff0000n)));
    const [copy] = await ingest([{ externalId: 'c2', text, createdAt: '2026-11-21T10:00:00Z' }]);
    await drainJobs();
    const [triaged] = await triageOf([copy!]);
    assert.equal(triaged!.duplicates?.firstMentionId, near);
  });

  it('flags obvious spam with its reasons', async () => {
    const [spam] = await ingest([{ externalId: 's1', text: 'FREE FOLLOWERS and crypto giveaway, link in bio https://a.example https://b.example https://c.example' }]);
    await drainJobs();
    const [row] = await triageOf([spam!]);
    assert.equal(row!.spam.spam, true);
    assert.ok(row!.spam.reasons.includes('says "free followers"'));
  });

  it('never fails on odd text', async () => {
    const ids = await ingest([
      { externalId: 'odd1', text: '🙂🙂🙂' }, { externalId: 'odd2', text: 'x'.repeat(100_000) }, { externalId: 'odd3', text: 'Привет مرحبا hello 你好' },
    ]);
    await drainJobs();
    const rows = await triageOf(ids);
    assert.equal(rows.filter(Boolean).length, 3);
    for (const row of rows) assert.ok(row!.sentiment.confidence <= 0.6);
  });
});
