import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../../db/test-database.ts';
import type { Database } from '../../../db/index.ts';
import { createOrganization } from '../../people/index.ts';
import { linkClicks, trackedLinks } from '../advocacy.schema.ts';
import { createClickRecorder } from './click-recorder.ts';

const day = '2026-12-03';
const click = (code: string, visitor: string) => ({ code, day, visitor, at: new Date('2026-12-03T10:00:00Z') });

describeOnEachDatabase('the click recorder (group commit)', (database) => {
  let orgId: string;
  const addLink = async (code: string) => {
    await database().db.insert(trackedLinks).values({ code, orgId, targetUrl: 'https://acme.example/' });
  };
  const rowsOf = (code: string) => database().db.select().from(linkClicks).where(eq(linkClicks.code, code)).orderBy(linkClicks.visitor);

  before(async () => {
    orgId = (await createOrganization(database().db, { slug: 'acme', name: 'Acme' })).id;
  });

  it('writes a burst of clicks in few batches, merging repeats of one visitor and capping them', async () => {
    await addLink('burst001');
    const executed: unknown[] = [];
    const counting = new Proxy(database().db, {
      get: (target, key, receiver) => key === 'execute' ? (query: never) => (executed.push(query), target.execute(query)) : Reflect.get(target, key, receiver),
    }) as Database;
    const recorder = createClickRecorder(counting, { dailyClicksPerVisitor: 3 });
    const clicks = [...Array.from({ length: 200 }, (_, i) => click('burst001', `visitor-${i % 50}`)), ...Array.from({ length: 10 }, () => click('burst001', 'flooder'))];
    const stored = await Promise.all(clicks.map((c) => recorder.record(c)));
    assert.ok(stored.every(Boolean));
    assert.ok(executed.length <= 2, `one batch for the burst (at most one more for stragglers), not ${executed.length}`);
    const rows = await rowsOf('burst001');
    assert.equal(rows.length, 51);
    assert.equal(rows.find((r) => r.visitor === 'flooder')!.clicks, 3);
    assert.equal(rows.find((r) => r.visitor === 'visitor-7')!.clicks, 3, '4 clicks, capped at 3');
    await recorder.record(click('burst001', 'flooder'));
    assert.equal((await rowsOf('burst001')).find((r) => r.visitor === 'flooder')!.clicks, 3, 'the cap holds across batches');
  });

  it('skips clicks on a link deleted since its lookup instead of failing the batch', async () => {
    await addLink('kept0001');
    const recorder = createClickRecorder(database().db);
    const stored = await Promise.all([recorder.record(click('kept0001', 'a')), recorder.record(click('gone0001', 'b'))]);
    assert.deepEqual(stored, [true, true]);
    assert.equal((await rowsOf('kept0001')).length, 1);
  });

  it('on a database error reports once per batch and lets every waiting click go on', async () => {
    const failing = { execute: async () => { throw new Error('database is down'); } } as unknown as Database;
    const reports: number[] = [];
    const recorder = createClickRecorder(failing, { onBatchError: (_error, clicksLost) => reports.push(clicksLost) });
    const stored = await Promise.all(Array.from({ length: 20 }, (_, i) => recorder.record(click('any00001', `v${i}`))));
    assert.ok(stored.every((s) => s === false));
    assert.deepEqual(reports, [20]);
    await recorder.drain();
  });
});
