import { it } from 'node:test';
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { describeOnEachDatabase } from '../db/test-database.ts';
import type { Database } from '../db/index.ts';
import { defineEvent, defineJob, enqueueJob, publishEvent, registerSubscriptions, RETRY_WITHOUT_LIMIT, runDueJobs, runJobWorker, type JobDefinition } from './index.ts';

interface JobState { kind: string; status: string; attempts: number; last_error: string | null }
const jobRows = async (db: Database) =>
  ((await db.execute(sql`select kind, status, attempts, last_error from jobs order by id`)) as unknown as { rows: JobState[] }).rows;
const clearJobs = (db: Database) => db.execute(sql`delete from jobs`);

describeOnEachDatabase('the job queue', (database) => {
  const db = () => database().db;
  const Greeting = Type.Object({ name: Type.String() });

  it('runs a job once with its typed payload, and marks it done', async () => {
    await clearJobs(db());
    const greeted: string[] = [];
    const greet = defineJob({ kind: 'test.greet', payload: Greeting, handle: async ({ name }) => { greeted.push(name); } });
    await enqueueJob(db(), greet, { name: 'Ada' });
    assert.equal(await runDueJobs({ db: db(), definitions: [greet], workerId: 'w1' }), 1);
    assert.equal(await runDueJobs({ db: db(), definitions: [greet], workerId: 'w1' }), 0);
    assert.deepEqual(greeted, ['Ada']);
    assert.deepEqual((await jobRows(db())).map((job) => [job.status, job.attempts]), [['done', 1]]);
  });

  it('enqueues a keyed job once, and waits for runAt', async () => {
    await clearJobs(db());
    const ran: string[] = [];
    const greet = defineJob({ kind: 'test.greet', payload: Greeting, handle: async ({ name }) => { ran.push(name); } });
    await enqueueJob(db(), greet, { name: 'slot' }, { key: 'daily:2026-11-23' });
    await enqueueJob(db(), greet, { name: 'slot again' }, { key: 'daily:2026-11-23' });
    await enqueueJob(db(), greet, { name: 'later' }, { runAt: new Date(Date.now() + 60_000) });
    await runDueJobs({ db: db(), definitions: [greet], workerId: 'w1' });
    assert.deepEqual(ran, ['slot']);
    assert.deepEqual((await jobRows(db())).map((job) => job.status), ['done', 'queued']);
  });

  it('retries a failing job with backoff, then keeps it as failed with the error', async () => {
    await clearJobs(db());
    let calls = 0;
    const flaky = defineJob({ kind: 'test.flaky', payload: Type.Object({}), maxAttempts: 2, handle: async () => { calls++; throw new Error('the network is down'); } });
    await enqueueJob(db(), flaky, {});
    await runDueJobs({ db: db(), definitions: [flaky], workerId: 'w1' });
    let [job] = await jobRows(db());
    assert.deepEqual([job!.status, job!.attempts, job!.last_error], ['queued', 1, 'the network is down']);
    assert.equal(await runDueJobs({ db: db(), definitions: [flaky], workerId: 'w1' }), 0, 'not retried before its backoff');
    await db().execute(sql`update jobs set run_at = now()`);
    await runDueJobs({ db: db(), definitions: [flaky], workerId: 'w1' });
    [job] = await jobRows(db());
    assert.deepEqual([job!.status, job!.attempts, calls], ['failed', 2, 2]);
  });

  it('retries a job that keeps a chain going through any number of failures until it succeeds', async () => {
    await clearJobs(db());
    let failuresLeft = 14;
    const chainLink = defineJob({ kind: 'test.chain-link', payload: Type.Object({}), maxAttempts: RETRY_WITHOUT_LIMIT, handle: async () => {
      if (failuresLeft-- > 0) throw new Error('the database is away');
    } });
    await enqueueJob(db(), chainLink, {});
    for (let attempt = 1; attempt <= 14; attempt++) {
      await runDueJobs({ db: db(), definitions: [chainLink], workerId: 'w1' });
      await db().execute(sql`update jobs set run_at = now()`);
    }
    const [waiting] = await jobRows(db());
    assert.deepEqual([waiting!.status, waiting!.attempts], ['queued', 14]);
    await db().execute(sql`update jobs set run_at = now() - interval '1 second'`);
    await runDueJobs({ db: db(), definitions: [chainLink], workerId: 'w1' });
    const [done] = await jobRows(db());
    assert.deepEqual([done!.status, done!.attempts], ['done', 15]);
  });

  it('backs retries off to an hour apart at most', async () => {
    await clearJobs(db());
    const failing = defineJob({ kind: 'test.failing', payload: Type.Object({}), maxAttempts: RETRY_WITHOUT_LIMIT, handle: async () => { throw new Error('still away'); } });
    await enqueueJob(db(), failing, {});
    await db().execute(sql`update jobs set attempts = 20`);
    await runDueJobs({ db: db(), definitions: [failing], workerId: 'w1' });
    const [row] = ((await db().execute(sql`select status, extract(epoch from run_at - now()) as wait from jobs`)) as unknown as { rows: { status: string; wait: string }[] }).rows;
    assert.equal(row!.status, 'queued');
    assert.ok(Math.abs(Number(row!.wait) - 3600) < 60, `retried in ${row!.wait} s`);
  });

  it('fails a job whose payload does not fit its schema at once, naming the field', async () => {
    await clearJobs(db());
    const greet = defineJob({ kind: 'test.greet', payload: Greeting, handle: async () => assert.fail('must not run') });
    await db().execute(sql`insert into jobs (kind, payload) values ('test.greet', '{"name": 42}')`);
    await runDueJobs({ db: db(), definitions: [greet], workerId: 'w1' });
    const [job] = await jobRows(db());
    assert.equal(job!.status, 'failed');
    assert.match(job!.last_error!, /payload does not fit test\.greet: \/name/);
  });

  const subscribersOf = (name: string, seen: string[]) => {
    const stored = defineEvent(name, Type.Object({ ids: Type.Array(Type.String()) }));
    const subscribers: JobDefinition[] = [
      defineJob({ kind: `${name}.count`, on: stored, payload: stored.payload, handle: async ({ ids }) => { seen.push(`count ${ids.length}`); } }),
      defineJob({ kind: `${name}.echo`, on: stored, payload: stored.payload, handle: async ({ ids }) => { seen.push(`echo ${ids.join(',')}`); } }),
    ];
    return { stored, subscribers };
  };

  it('fans an event out to every job subscribed to it, once each, when the publisher does not know the subscribers', async () => {
    await clearJobs(db());
    const name = `test.unknown-${randomUUID()}`;
    const seen: string[] = [];
    const { stored, subscribers } = subscribersOf(name, seen);
    await publishEvent(db(), stored, { ids: ['a', 'b'] }, { orgId: null });
    while (await runDueJobs({ db: db(), definitions: subscribers, workerId: 'w1' }) > 0);
    assert.deepEqual(seen.sort(), ['count 2', 'echo a,b']);
    assert.deepEqual((await jobRows(db())).map((job) => `${job.kind} ${job.status}`), [`event:${name} done`, `${name}.count done`, `${name}.echo done`]);
  });

  it('enqueues the subscribers directly once this process\'s worker has registered them', async () => {
    await clearJobs(db());
    const name = `test.known-${randomUUID()}`;
    const seen: string[] = [];
    const { stored, subscribers } = subscribersOf(name, seen);
    registerSubscriptions(subscribers);
    await publishEvent(db(), stored, { ids: ['c'] }, { orgId: null });
    assert.deepEqual((await jobRows(db())).map((job) => `${job.kind} ${job.status}`), [`${name}.count queued`, `${name}.echo queued`], 'no fan-out hop');
    while (await runDueJobs({ db: db(), definitions: subscribers, workerId: 'w1' }) > 0);
    assert.deepEqual(seen.sort(), ['count 1', 'echo c']);
  });

  it('runs due jobs of a combining kind as one per organization, and retries them together', async () => {
    await clearJobs(db());
    const batches: string[] = [];
    let failNext = true;
    const collect = defineJob({
      kind: 'test.collect', payload: Type.Object({ ids: Type.Array(Type.String()) }),
      combine: (payloads) => ({ ids: payloads.flatMap((p) => p.ids) }),
      handle: async ({ ids }, { orgId }) => {
        if (failNext) { failNext = false; throw new Error('flaky'); }
        batches.push(`${orgId}:${ids.join(',')}`);
      },
    });
    const [orgA, orgB] = [randomUUID(), randomUUID()];
    await db().execute(sql`insert into organizations (id, slug, name) values (${orgA}, ${`a-${orgA}`}, 'A'), (${orgB}, ${`b-${orgB}`}, 'B') on conflict do nothing`);
    for (const [orgId, id] of [[orgA, '1'], [orgA, '2'], [orgB, '3'], [orgA, '4']] as const) await enqueueJob(db(), collect, { ids: [id] }, { orgId });
    await runDueJobs({ db: db(), definitions: [collect], workerId: 'w1' });
    assert.deepEqual((await jobRows(db())).map((job) => job.status), ['queued', 'queued', 'done', 'queued'], 'org A\'s three failed as one and wait to be retried together');
    assert.deepEqual(batches, [`${orgB}:3`]);
    await db().execute(sql`update jobs set run_at = now() where status = 'queued'`);
    while (await runDueJobs({ db: db(), definitions: [collect], workerId: 'w1' }) > 0);
    assert.deepEqual(batches, [`${orgB}:3`, `${orgA}:1,2,4`]);
    assert.ok((await jobRows(db())).every((job) => job.status === 'done'));
  });

  it('runs the claimed jobs of higher priority first, the rest in the order they were queued', async () => {
    await clearJobs(db());
    const ran: string[] = [];
    const step = (kind: string, priority?: number) => defineJob({ kind, payload: Greeting, priority, handle: async ({ name }) => { ran.push(name); } });
    const [bookkeeping, first, last] = [step('test.bookkeeping'), step('test.first-step', 5), step('test.last-step', 10)];
    await enqueueJob(db(), bookkeeping, { name: 'bookkeeping' });
    await enqueueJob(db(), first, { name: 'first step of batch 2' });
    await enqueueJob(db(), last, { name: 'last step of batch 1' });
    await enqueueJob(db(), bookkeeping, { name: 'more bookkeeping' });
    await runDueJobs({ db: db(), definitions: [bookkeeping, first, last], workerId: 'w1' });
    assert.deepEqual(ran, ['last step of batch 1', 'first step of batch 2', 'bookkeeping', 'more bookkeeping']);
  });

  it('takes over a job whose worker stopped holding its lease', async () => {
    await clearJobs(db());
    const ran: string[] = [];
    const greet = defineJob({ kind: 'test.greet', payload: Greeting, handle: async ({ name }) => { ran.push(name); } });
    await enqueueJob(db(), greet, { name: 'orphan' });
    await db().execute(sql`update jobs set status = 'running', locked_by = 'crashed', attempts = 1, lease_expires_at = now() + interval '1 minute'`);
    assert.equal(await runDueJobs({ db: db(), definitions: [greet], workerId: 'w2' }), 0, 'the lease still holds');
    await db().execute(sql`update jobs set lease_expires_at = now() - interval '1 second'`);
    assert.equal(await runDueJobs({ db: db(), definitions: [greet], workerId: 'w2' }), 1);
    assert.deepEqual(ran, ['orphan']);
    assert.deepEqual((await jobRows(db())).map((job) => [job.status, job.attempts]), [['done', 2]]);
  });

  it('runs each job exactly once with two workers draining the queue together', async () => {
    await clearJobs(db());
    const ran: number[] = [];
    const count = defineJob({ kind: 'test.count-one', payload: Type.Object({ n: Type.Integer() }), handle: async ({ n }) => { ran.push(n); } });
    for (let n = 0; n < 60; n++) await enqueueJob(db(), count, { n });
    const drain = async (workerId: string) => { while (await runDueJobs({ db: db(), definitions: [count], workerId, batchSize: 7 }) > 0); };
    await Promise.all([drain('w1'), drain('w2')]);
    assert.deepEqual(ran.sort((a, b) => a - b), Array.from({ length: 60 }, (_, n) => n));
  });

  it('wakes the running worker as soon as a job is enqueued, and stops when asked', async () => {
    await clearJobs(db());
    const greet = defineJob({ kind: 'test.greet', payload: Greeting, handle: async ({ name }) => { done(name); } });
    let done: (name: string) => void = () => {};
    const greeted = new Promise<string>((resolve) => { done = resolve; });
    const stop = new AbortController();
    const worker = runJobWorker({ db: db(), definitions: [greet], workerId: 'w1', idleMs: 60_000 }, stop.signal);
    await enqueueJob(db(), greet, { name: 'soon' });
    assert.equal(await greeted, 'soon', 'ran without waiting the minute of idleMs');
    stop.abort();
    await worker;
  });

  it('marks what the running worker ran done, in the claim of the next job or before it waits', async () => {
    await clearJobs(db());
    const handled: string[] = [];
    const chain: JobDefinition<typeof Greeting> = defineJob({
      kind: 'test.greet-chain', payload: Greeting,
      handle: async ({ name }, { db: jobDb }) => {
        handled.push(name);
        // Enqueued while the first runs: claimed by the statement that marks the first done.
        if (name === 'first') await enqueueJob(jobDb, chain, { name: 'second' });
      },
    });
    const stop = new AbortController();
    const worker = runJobWorker({ db: db(), definitions: [chain], workerId: 'w1', idleMs: 60_000 }, stop.signal);
    await enqueueJob(db(), chain, { name: 'first' });
    const statuses = async () => (await jobRows(db())).map((job) => job.status);
    const waitUntil = Date.now() + 5_000;
    while (Date.now() < waitUntil && (await statuses()).join() !== 'done,done') await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(await statuses(), ['done', 'done'], 'both done while the worker waits out its idle minute');
    assert.deepEqual(handled, ['first', 'second']);
    stop.abort();
    await worker;
  });
});
