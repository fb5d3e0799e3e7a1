import { it, before, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { createGuardedHttp } from '../../connectors/index.ts';
import { GOOD_TOKEN, TAG, hiker, makeStatus, startMastodonTestServer, type MastodonTestServer } from '../../connectors/mastodon/mastodon-test-server.ts';
import { acme, startBlueskyTestServer, type BlueskyTestServer } from '../../connectors/bluesky/bluesky-test-server.ts';
import type { JetstreamEvent } from '../../connectors/bluesky/bluesky-post.ts';
import { addMembership, createOrganization, createPerson, systemActor, type Actor } from '../people/index.ts';
import { createSource, deleteSource, updateSource } from './sources.ts';
import { runSourceStreaming, type StreamerDeps } from './source-streamer.ts';

interface SourceState {
  cursor: Record<string, unknown> | null;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  consecutive_failures: number;
  last_error: string | null;
  next_poll_at: Date;
}

/** Waits until `condition` holds, checking every 20 ms; fails after `timeoutMs`. */
async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describeOnEachDatabase('source streaming', (database) => {
  let mastodon: MastodonTestServer;
  let bluesky: BlueskyTestServer;
  let admin: Actor;
  const db = () => database().db;
  const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5_000 });
  const running: { stop(): Promise<void> }[] = [];

  /** Starts a worker's streamer with quick rounds, short leases and short backoff. */
  function startWorker(workerId: string, overrides: Partial<StreamerDeps> = {}) {
    const controller = new AbortController();
    const deps: StreamerDeps = { db: db(), http, workerId, leaseMs: 1_000, checkEveryMs: 40, retryBaseMs: 50, retryMaxMs: 200, random: () => 0, ...overrides };
    const done = runSourceStreaming(deps, controller.signal);
    const worker = { stop: () => (controller.abort(), done) };
    running.push(worker);
    return worker;
  }
  const stateOf = async (id: string) =>
    ((await db().execute(sql`select cursor, lease_owner, lease_expires_at, consecutive_failures, last_error, next_poll_at from sources where id = ${id}`)) as unknown as { rows: SourceState[] }).rows[0];
  const mentionIds = async (sourceId: string) =>
    ((await db().execute(sql`select external_id from mentions where source_id = ${sourceId} order by external_id`)) as unknown as { rows: { external_id: string }[] }).rows.map((row) => row.external_id);
  const hashtagSource = (name: string, config: Record<string, unknown> = {}) =>
    createSource(db(), admin, { kind: 'mastodon', name, matchMode: 'all', config: { instanceUrl: mastodon.origin, mode: 'hashtag', value: TAG, ...config } });

  before(async () => {
    const org = await createOrganization(db(), { slug: 'streams', name: 'Acme Streams' });
    admin = systemActor(org.id);
    const person = await createPerson(db(), { passwordCost: 10 }, admin, { name: 'Hub', email: 'hub@streams.test' });
    await addMembership(db(), admin, { personId: person.id, spokeId: null, role: 'hub_admin' });
  });
  beforeEach(async () => {
    mastodon = await startMastodonTestServer();
    bluesky = await startBlueskyTestServer();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((worker) => worker.stop()));
    await db().execute(sql`delete from sources`);
    await mastodon.close();
    await bluesky.close();
  });

  it('streams a Mastodon hashtag into mentions, stores the cursor, and resumes from it after a restart', async () => {
    const source = await hashtagSource('Tag stream');
    const first = startWorker('worker-a');
    await until('the stream is open', () => mastodon.openStreams() === 1);
    mastodon.publish(makeStatus('113541000000000020', hiker, '<p>live one</p>'));
    await until('the post is a mention', async () => (await mentionIds(source.id)).includes('113541000000000020'));
    await until('the cursor is stored', async () => (await stateOf(source.id))?.cursor?.minId === '113541000000000020');
    await first.stop();
    assert.equal((await stateOf(source.id))?.lease_owner, null, 'stopping gives the lease up');
    await until('the stream is closed', () => mastodon.openStreams() === 0);

    // Published while no worker was listening: only resuming from the cursor finds it.
    mastodon.publish(makeStatus('113541000000000021', hiker, '<p>missed while down</p>'), { stream: false });
    startWorker('worker-b');
    await until('the missed post is a mention', async () => (await mentionIds(source.id)).includes('113541000000000021'));
    const backfills = mastodon.requests.filter((request) => request.path === `/api/v1/timelines/tag/${TAG}`);
    assert.equal(backfills.at(-1)?.query.min_id, '113541000000000020', 'the restart reads on from the stored cursor');
    assert.deepEqual(await mentionIds(source.id), ['113541000000000020', '113541000000000021'], 'nothing before the cursor, nothing twice');
  });

  it('resumes a Jetstream from its stored time_us cursor after a restart', async () => {
    const source = await createSource(db(), admin, {
      kind: 'bluesky', name: 'Jetstream', matchMode: 'all', config: { mode: 'jetstream', value: 'acme', appviewUrl: bluesky.origin, jetstreamUrl: bluesky.jetstreamUrl },
    });
    const first = startWorker('worker-a');
    const lastTimeUs = bluesky.events.at(-1)!.time_us;
    await until('the backlog is stored with its cursor', async () => (await stateOf(source.id))?.cursor?.timeUs === lastTimeUs);
    assert.equal((await mentionIds(source.id)).length, 3, 'the three posts about acme');
    await first.stop();

    const later: JetstreamEvent = {
      did: acme.did, time_us: lastTimeUs + 500_000, kind: 'commit',
      commit: { rev: 'rev-later', operation: 'create', collection: 'app.bsky.feed.post', rkey: '3lqe000000001', record: { $type: 'app.bsky.feed.post', text: 'Acme after the restart', createdAt: '2025-06-11T10:10:00.000Z' }, cid: 'cid-later' },
    };
    bluesky.emit(later, { send: false });
    startWorker('worker-b');
    await until('the later post is a mention', async () => (await mentionIds(source.id)).length === 4);
    assert.equal(Number(bluesky.connections.at(-1)!.cursor), lastTimeUs - 1_000_000, 'reconnects from the stored cursor (less the replay margin)');
    await until('the cursor moves on', async () => (await stateOf(source.id))?.cursor?.timeUs === later.time_us);
    assert.equal((await mentionIds(source.id)).length, 4, 'the replayed margin is not stored twice');
  });

  it('never streams a source from two workers at once', async () => {
    const sources = [await hashtagSource('Tag one'), await hashtagSource('Tag two', { value: 'acmeoutdoorsale' })];
    startWorker('worker-a');
    startWorker('worker-b');
    await until('both sources stream', () => mastodon.openStreams() === 2);
    // Let both workers go through several rounds of renewing and claiming.
    const leaseEnd = async () => new Date((await stateOf(sources[0]!.id))!.lease_expires_at!).getTime();
    const renewedAt = await leaseEnd();
    await until('leases are renewed a few times', async () => (await leaseEnd()) > renewedAt + 200);
    assert.equal(mastodon.openStreams(), 2);
    assert.equal(mastodon.streams.length, 2, 'each source was opened once, by one worker');
    for (const source of sources) assert.match((await stateOf(source.id))!.lease_owner ?? '', /^worker-[ab]$/);
  });

  it('takes over a source once the lease of a crashed worker runs out, and stops when another worker holds it', async () => {
    const source = await hashtagSource('Orphan');
    const expiresAt = new Date(Date.now() + 400);
    await db().execute(sql`update sources set lease_owner = 'crashed-worker', lease_expires_at = ${expiresAt.toISOString()}::timestamptz where id = ${source.id}`);
    startWorker('worker-b');
    await until('the crashed lease is nearly over', () => Date.now() > expiresAt.getTime() - 50);
    assert.equal(mastodon.streams.length, 0, 'not streamed while the lease lasts');
    await until('the source streams again', () => mastodon.openStreams() === 1);
    assert.equal((await stateOf(source.id))?.lease_owner, 'worker-b');

    // As if worker-b had stalled past its lease and another worker had claimed the source.
    await db().execute(sql`update sources set lease_owner = 'worker-c' where id = ${source.id}`);
    await until('worker-b lets go', () => mastodon.openStreams() === 0);
    assert.equal((await stateOf(source.id))?.lease_owner, 'worker-c', "worker-b does not release another worker's lease");
  });

  it('stops the stream of a paused or deleted source, picks up new and resumed ones', async () => {
    const source = await hashtagSource('Pausable');
    startWorker('worker-a');
    await until('the stream is open', () => mastodon.openStreams() === 1);
    await updateSource(db(), admin, source.id, { status: 'paused' });
    await until('the stream stops', () => mastodon.openStreams() === 0);
    await until('the lease is given up', async () => (await stateOf(source.id))?.lease_owner === null);

    await updateSource(db(), admin, source.id, { status: 'active' });
    await until('the resumed source streams', () => mastodon.openStreams() === 1);
    const added = await hashtagSource('Added later', { value: 'acmeoutdoorsale' });
    await until('the new source streams', () => mastodon.openStreams() === 2);
    await deleteSource(db(), admin, added.id);
    await until('the deleted source stops', () => mastodon.openStreams() === 1);
  });

  it('reconnects after the instance drops the stream and backfills what was missed', async () => {
    const source = await hashtagSource('Flaky');
    startWorker('worker-a');
    await until('the stream is open', () => mastodon.openStreams() === 1);
    mastodon.publish(makeStatus('113541000000000030', hiker, '<p>before the drop</p>'));
    await until('the first post is stored', async () => (await mentionIds(source.id)).length === 1);
    mastodon.dropStreams();
    mastodon.publish(makeStatus('113541000000000031', hiker, '<p>during the drop</p>'), { stream: false });
    await until('the stream reconnects and backfills', async () => (await mentionIds(source.id)).includes('113541000000000031'));
    assert.equal(mastodon.streams.length, 2);
  });

  it('records a failing stream on the source, retries it with backoff, and clears the error once it works', async () => {
    const source = await hashtagSource('Bad token', { accessToken: 'revoked' });
    startWorker('worker-a');
    await until('two failures are recorded', async () => (await stateOf(source.id))!.consecutive_failures >= 2);
    const failed = (await stateOf(source.id))!;
    assert.match(failed.last_error ?? '', /401/);
    assert.equal(mastodon.streams.length, 0);

    await updateSource(db(), admin, source.id, { config: { instanceUrl: mastodon.origin, mode: 'hashtag', value: TAG, accessToken: GOOD_TOKEN } });
    await until('the stream is open', () => mastodon.openStreams() === 1);
    mastodon.publish(makeStatus('113541000000000040', hiker, '<p>works again</p>'));
    await until('the health is good again', async () => {
      const state = (await stateOf(source.id))!;
      return state.consecutive_failures === 0 && state.last_error === null;
    });
  });

  it('shows errors the connector retries by itself while the stream keeps its lease', async () => {
    const source = await createSource(db(), admin, {
      kind: 'bluesky', name: 'Unreachable', matchMode: 'all', config: { mode: 'jetstream', value: 'acme', appviewUrl: bluesky.origin, jetstreamUrl: `ws://127.0.0.1:${await closedPort()}/subscribe` },
    });
    startWorker('worker-a');
    await until('the error shows', async () => /cannot open a stream/.test((await stateOf(source.id))?.last_error ?? ''));
    const state = (await stateOf(source.id))!;
    assert.equal(state.lease_owner, 'worker-a', 'the connector is still retrying under the lease');
    assert.ok(state.consecutive_failures >= 1);
  });
});
