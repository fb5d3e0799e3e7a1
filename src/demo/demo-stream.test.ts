import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../db/test-database.ts';
import type { Database } from '../db/index.ts';
import { runDueJobs } from '../jobs/index.ts';
import { modules } from '../server/app.ts';
import { describeHttp, testConfig } from '../server/test-app.ts';
import { seedAcmeRetail } from './acme-retail.ts';
import { demoPostAt, DEMO_STREAM_SEED } from './demo-post-generator.ts';
import { DEMO_SOURCE_NAME, demoStreamOf, ensureDemoStream, sendDueDemoPosts, setDemoStreamStatus } from './demo-stream.ts';
import { runDemoStream, type DemoStreamClock } from './demo-stream-runner.ts';

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A clock the test moves: sleeping moves it on at once. */
function testClock(startMs: number, onSleep: (nowMs: number, ms: number) => unknown = () => undefined): DemoStreamClock & { nowMs(): number } {
  let now = startMs;
  return {
    now: () => new Date(now),
    nowMs: () => now,
    sleep: async (ms) => {
      now += ms;
      await onSleep(now, ms);
    },
  };
}

/** The posts a stream sends when looked at every `everyMs` until `untilMs`: each is timed from when the one before went out. */
function postsSentBy(untilMs: number, everyMs: number): number[] {
  const sent: number[] = [];
  let dueAt = demoPostAt(DEMO_STREAM_SEED, 0).gapMs;
  for (let t = 0; t <= untilMs; t += everyMs) {
    if (t < dueAt) continue;
    sent.push(sent.length);
    dueAt = t + demoPostAt(DEMO_STREAM_SEED, sent.length).gapMs;
  }
  return sent;
}

describeOnEachDatabase('the demo stream', (database) => {
  const db = () => database().db;
  const config = testConfig();
  const definitions = modules.flatMap((module) => module.jobs ?? []);
  const drain = async () => { while (await runDueJobs({ db: db(), definitions, workerId: 'test', config }) > 0); };
  const start = Date.now();
  let orgId: string;

  const storedPosts = (from = 0) => rows<{ external_id: string; text: string; mention_id: string; triaged: boolean; spam: boolean | null }>(db(), sql`
    select m.external_id, m.text, m.id as mention_id, t.mention_id is not null as triaged, t.spam
    from mentions m join sources s on s.id = m.source_id left join mention_triage t on t.mention_id = m.id
    where m.org_id = ${orgId} and s.name = ${DEMO_SOURCE_NAME} order by m.seq offset ${from}`);

  before(async () => {
    orgId = (await seedAcmeRetail(db(), { passwordCost: 10 })).orgId;
    const { created, stream } = await ensureDemoStream(db(), orgId, new Date(start));
    assert.equal(created, true);
    assert.deepEqual([stream.status, stream.postsSent, stream.nextPostAt.getTime() - start], ['running', 0, demoPostAt(DEMO_STREAM_SEED, 0).gapMs]);
  });

  it('sends its first minute through listening, triage and routing: the demo\'s volunteer is given conversations, with why', async () => {
    const expected = postsSentBy(60_000, 500);
    assert.ok(expected.length >= 15);
    for (let t = 0; t <= 60_000; t += 500) await sendDueDemoPosts(db(), new Date(start + t));
    await drain();

    const stored = await storedPosts();
    assert.deepEqual(stored.map((post) => post.external_id), expected.map((index) => `acme-demo-${index}`), 'each due post once, in order');
    assert.deepEqual(stored.map((post) => post.text), expected.map((index) => demoPostAt(DEMO_STREAM_SEED, index).text));
    assert.equal((await demoStreamOf(db(), orgId))?.postsSent, expected.length);
    assert.ok(stored.every((post) => post.triaged), 'triage judged every post');

    const routed = await rows<{ external_id: string; spoke: string | null; assignee: string | null }>(db(), sql`
      select m.external_id, sp.name as spoke, p.email as assignee from mentions m
      join conversation_states cs on cs.conversation_id = m.conversation_id
      left join spokes sp on sp.id = cs.spoke_id left join people p on p.id = cs.assignee_id
      where m.org_id = ${orgId} and m.external_id like 'acme-demo-%'`);
    assert.equal(routed.length, stored.filter((post) => !post.spam).length, 'every conversation but spam is routed');
    const volunteers = routed.filter((row) => row.assignee === 'volunteer@acme-retail.example').map((row) => row.external_id);
    assert.ok(volunteers.includes('acme-demo-0') && volunteers.includes('acme-demo-2'), `the opening questions reach the volunteer (${volunteers.join(', ')})`);
    assert.ok(volunteers.length >= 4);
    assert.ok(new Set(routed.map((row) => row.spoke)).size >= 5, 'the rest spreads over the departments and stores');

    const why = await rows<{ external_id: string; reasons: string[] }>(db(), sql`
      select m.external_id, e.details -> 'reasons' as reasons from conversation_events e join mentions m on m.conversation_id = e.conversation_id
      where e.org_id = ${orgId} and e.kind = 'assigned' and m.external_id in ('acme-demo-0', 'acme-demo-2')`);
    assert.deepEqual(why.map((row) => row.reasons.find((reason) => reason.startsWith('speaks'))).sort(), ['speaks de', 'speaks fr']);
    const told = await rows<{ n: number }>(db(), sql`
      select count(*)::int as n from notifications n join people p on p.id = n.person_id where p.email = 'volunteer@acme-retail.example' and n.kind = 'assigned'`);
    assert.equal(told[0]!.n, volunteers.length, 'the volunteer is told of each');
  });

  it('finds the stores its posts name', async () => {
    const places = await rows<{ external_id: string; store: string | null }>(db(), sql`
      select m.external_id, sp.name as store from mentions m join mention_triage t on t.mention_id = m.id left join spokes sp on sp.id = t.place_spoke_id
      where m.org_id = ${orgId} and m.external_id like 'acme-demo-%'`);
    const named = places.filter((row) => demoPostAt(DEMO_STREAM_SEED, Number(row.external_id.split('-')[2])).intent.store !== null);
    assert.ok(named.length >= 2);
    for (const row of named) assert.equal(row.store, demoPostAt(DEMO_STREAM_SEED, Number(row.external_id.split('-')[2])).intent.store, row.external_id);
  });

  it('sends nothing while stopped, and resumes where it stopped', async () => {
    const sent = (await demoStreamOf(db(), orgId))!.postsSent;
    const stoppedAt = start + 61_000;
    assert.equal((await setDemoStreamStatus(db(), orgId, 'stopped', new Date(stoppedAt)))?.status, 'stopped');
    assert.deepEqual(await sendDueDemoPosts(db(), new Date(stoppedAt + 3_600_000)), { running: 0, sent: 0, nextDueInMs: null });
    const resumedAt = stoppedAt + 3_600_000;
    await setDemoStreamStatus(db(), orgId, 'running', new Date(resumedAt));
    assert.equal((await sendDueDemoPosts(db(), new Date(resumedAt + 1_000))).sent, 0, 'not before its time');
    const tick = await sendDueDemoPosts(db(), new Date(resumedAt + 2_000));
    assert.equal(tick.sent, 1, 'within seconds of resuming');
    assert.equal(tick.nextDueInMs, demoPostAt(DEMO_STREAM_SEED, sent + 1).gapMs, 'then at its own pace, without catching up on the hour stopped');
    assert.deepEqual((await storedPosts(sent)).map((post) => post.external_id), [`acme-demo-${sent}`]);
  });

  it('carries on after a restart, never storing a post twice', async () => {
    const logged: string[] = [];
    const runFor = async (ms: number, from: number) => {
      const stop = new AbortController();
      const clock = testClock(from, (now) => { if (now - from >= ms) stop.abort(); });
      await runDemoStream({ db: db(), clock, log: (line) => logged.push(line), onError: (error) => { throw error; } }, stop.signal);
      return clock.nowMs();
    };
    const before = (await demoStreamOf(db(), orgId))!.postsSent;
    const firstRunEnded = await runFor(30_000, start + 3_700_000);
    const afterFirst = (await demoStreamOf(db(), orgId))!.postsSent;
    assert.ok(afterFirst > before, 'the first run sent posts');
    // As if the last post's position had not been saved: the post comes round again and is recognized.
    await db().execute(sql`update demo_streams set position = position - 1, next_post_at = now() - interval '1 second' where org_id = ${orgId}`);
    await runFor(30_000, firstRunEnded);
    const afterSecond = (await demoStreamOf(db(), orgId))!.postsSent;
    assert.ok(afterSecond > afterFirst);
    const ids = (await storedPosts()).map((post) => post.external_id);
    assert.equal(new Set(ids).size, ids.length, 'no post stored twice');
    assert.deepEqual(ids, Array.from({ length: afterSecond }, (_, index) => `acme-demo-${index}`));
    assert.equal(logged.filter((line) => line.startsWith('Demo stream: sending')).length, 2, 'each run says it is streaming');
  });

  it('notices a stop made elsewhere within seconds', async () => {
    const logged: string[] = [];
    const stop = new AbortController();
    const slept: number[] = [];
    const clock = testClock(start + 7_200_000, async (_now, ms) => {
      slept.push(ms);
      if (slept.length === 3) await setDemoStreamStatus(db(), orgId, 'stopped');
      if (slept.length === 6) stop.abort();
    });
    await runDemoStream({ db: db(), clock, log: (line) => logged.push(line) }, stop.signal);
    assert.ok(slept.every((ms) => ms <= 2_000), 'it never waits longer than two seconds between looks');
    assert.deepEqual(logged, ['Demo stream: sending made-up customer posts to the demo; `herd demo --stop` stops it.', 'Demo stream: stopped.']);
  });
});

describeHttp('GET /api/demo/status', (herd) => {
  it('tells a signed-in person about their own organization\'s demo stream only', async () => {
    const { app, database } = herd();
    const acme = await herd().signInAs('volunteer', { org: 'acme' });
    const other = await herd().signInAs('hub_admin', { org: 'other' });
    const status = async (headers?: Record<string, string>) => app.inject({ method: 'GET', url: '/api/demo/status', headers });
    assert.deepEqual((await status(acme.headers)).json(), { stream: null });
    await ensureDemoStream(database.db, acme.orgId);
    assert.deepEqual([(await status(acme.headers)).json().stream.status, (await status(acme.headers)).json().stream.postsSent], ['running', 0]);
    await setDemoStreamStatus(database.db, acme.orgId, 'stopped');
    assert.equal((await status(acme.headers)).json().stream.status, 'stopped');
    assert.deepEqual((await status(other.headers)).json(), { stream: null }, 'another organization sees none of it');
    assert.equal((await status()).statusCode, 401);
  });
});
