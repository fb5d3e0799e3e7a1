import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { createGuardedHttp } from '../../connectors/index.ts';
import { startFeedTestServer, feedPaths, type FeedTestServer } from '../../connectors/rss/feed-test-server.ts';
import * as feedSamples from '../../connectors/rss/feed-samples.ts';
import { addMembership, createOrganization, createPerson, systemActor, type Actor } from '../people/index.ts';
import { createSource } from './sources.ts';
import { createTopic } from './topics.ts';
import { claimDueSource, pollSource, type PollerDeps } from './source-poller.ts';

interface Health { consecutive_failures: number; last_error: string | null; last_warning: string | null; next_poll_at: Date; lease_owner: string | null }

describeOnEachDatabase('source polling', (database) => {
  let feeds: FeedTestServer;
  /** Accepts requests and never answers them. */
  let silent: Server;
  let silentOrigin: string;
  let admin: Actor;
  let deps: PollerDeps;
  // The poller's clock: real time plus however far a test has moved it on.
  let offsetMs = 1000;
  const now = () => new Date(Date.now() + offsetMs);
  const db = () => database().db;
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db().execute(query)) as unknown as { rows: T[] }).rows;

  const healthOf = async (id: string) =>
    (await rows<Health>(sql`select consecutive_failures, last_error, last_warning, next_poll_at, lease_owner from sources where id = ${id}`))[0]!;
  /** Creates the only active source and claims it. */
  async function claimOnly(name: string, config: Record<string, unknown>) {
    await db().execute(sql`update sources set status = 'paused'`);
    const source = await createSource(db(), admin, { kind: 'rss', name, config, matchMode: 'all' });
    const claimed = await claimDueSource(deps);
    assert.equal(claimed?.id, source.id);
    return claimed!;
  }

  before(async () => {
    feeds = await startFeedTestServer();
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentOrigin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const org = await createOrganization(db(), { slug: 'outdoor', name: 'Acme Outdoor' });
    admin = systemActor(org.id);
    const person = await createPerson(db(), { passwordCost: 10 }, admin, { name: 'Hub', email: 'hub@outdoor.test' });
    await addMembership(db(), admin, { personId: person.id, spokeId: null, role: 'hub_admin' });
    deps = { db: db(), http: createGuardedHttp({ allowHosts: ['127.0.0.1'] }), workerId: 'test-worker', now, random: () => 1 };
  });
  after(async () => {
    silent.closeAllConnections();
    silent.close();
    await feeds.close();
  });

  it('polls a due feed, stores the posts that match a topic, and never stores them twice', async () => {
    const recall = await createTopic(db(), admin, { name: 'Recall', query: 'recall* AND (summit OR tent)' });
    const source = await createSource(db(), admin, { kind: 'rss', name: 'Trail Notes', config: { url: feeds.url(feedPaths.rss) } });
    const claimed = await claimDueSource(deps);
    assert.equal(claimed?.id, source.id);
    assert.equal(await claimDueSource(deps), undefined, 'a leased source is not handed to a second worker');

    const first = await pollSource(deps, claimed!);
    assert.equal(first.error, undefined);
    assert.ok(first.stored >= 1 && first.ignored >= 1, `stored ${first.stored}, ignored ${first.ignored}`);
    const stored = await rows<{ title: string; topic_ids: string[] }>(sql`select title, topic_ids from mentions`);
    assert.ok(stored.every((m) => m.topic_ids.includes(recall.id)));
    assert.ok(stored.some((m) => m.title.includes('Summit 2 tent poles')));

    offsetMs += 3_600_000;
    const again = await pollSource(deps, (await claimDueSource(deps))!);
    assert.equal(again.stored, 0);
    assert.equal(feeds.requests.at(-1)?.status, 304, 'the second poll is a conditional GET');
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from mentions`);
    assert.equal(count!.n, stored.length);
  });

  it('keeps every post of a source that listens to all, and backs off when the feed fails', async () => {
    const source = await createSource(db(), admin, { kind: 'rss', name: 'Forum', config: { url: feeds.url(feedPaths.json) }, matchMode: 'all' });
    const ok = await pollSource(deps, (await claimDueSource(deps))!);
    assert.equal(ok.ignored, 0);
    assert.ok(ok.stored > 0);

    await db().execute(sql`update sources set config = ${JSON.stringify({ url: feeds.url('/fail/truncated.xml') })}::jsonb, next_poll_at = now() where id = ${source.id}`);
    const failed = await pollSource(deps, (await claimDueSource(deps))!);
    assert.match(failed.error ?? '', /./);
    const [health] = await rows<{ consecutive_failures: number; last_error: string; next_poll_at: Date; lease_owner: string | null }>(
      sql`select consecutive_failures, last_error, next_poll_at, lease_owner from sources where id = ${source.id}`);
    assert.equal(health!.consecutive_failures, 1);
    assert.ok(health!.last_error.length > 0);
    assert.ok(new Date(health!.next_poll_at).getTime() > now().getTime(), 'the next poll waits');
    assert.equal(health!.lease_owner, null, 'the lease is released after a failure too');
  });

  it("backs off from the source's own interval", async () => {
    const before = now().getTime();
    const claimed = await claimOnly('Hourly', { url: feeds.url('/fail/server-error'), intervalSeconds: 3600 });
    await pollSource(deps, claimed);
    const wait = new Date((await healthOf(claimed.id)).next_poll_at).getTime() - before;
    // One failure with the jitter at its top (random 1): twice the hour, not twice a fixed minute.
    assert.ok(wait >= 2 * 3_600_000 - 1000 && wait <= 2 * 3_600_000 + 5000, `waits ${wait} ms`);
  });

  it('records what a successful poll warns about, and clears it when a later poll has nothing to say', async () => {
    feeds.setDocument('/odd-charset.xml', feedSamples.retailerBlogRss, 'application/rss+xml; charset=x-made-up');
    const claimed = await claimOnly('Odd charset', { url: feeds.url('/odd-charset.xml') });
    const report = await pollSource(deps, claimed);
    assert.equal(report.error, undefined);
    const warned = await healthOf(claimed.id);
    assert.match(warned.last_warning ?? '', /unknown character encoding "x-made-up"/);
    assert.equal(warned.last_error, null, 'a warning is not an error');

    feeds.setDocument('/odd-charset.xml', feedSamples.retailerBlogRss, 'application/rss+xml; charset=utf-8');
    await db().execute(sql`update sources set next_poll_at = now() where id = ${claimed.id}`);
    await pollSource(deps, (await claimDueSource(deps))!);
    assert.equal((await healthOf(claimed.id)).last_warning, null);
  });

  it('gives up on a poll that outlives its deadline and records it as a failure', async () => {
    const claimed = await claimOnly('Silent', { url: `${silentOrigin}/feed.xml` });
    const report = await pollSource({ ...deps, pollTimeoutMs: 150 }, claimed);
    assert.match(report.error ?? '', /did not finish within/);
    const health = await healthOf(claimed.id);
    assert.equal(health.consecutive_failures, 1);
    assert.equal(health.lease_owner, null);
  });

  it('stops a poll when the worker shuts down, handing the source back without counting a failure', async () => {
    const claimed = await claimOnly('Silent on shutdown', { url: `${silentOrigin}/feed.xml` });
    const dueAt = new Date((await healthOf(claimed.id)).next_poll_at).getTime();
    const shutdown = new AbortController();
    const polling = pollSource(deps, claimed, shutdown.signal);
    setTimeout(() => shutdown.abort(), 50);
    const report = await polling;
    assert.match(report.error ?? '', /shutting down/);
    const health = await healthOf(claimed.id);
    assert.equal(health.consecutive_failures, 0);
    assert.equal(health.lease_owner, null);
    assert.equal(new Date(health.next_poll_at).getTime(), dueAt, 'still due: another worker polls it at once');
  });
});
