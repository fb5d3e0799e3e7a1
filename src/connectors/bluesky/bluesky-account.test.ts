import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connectorFailure as failure } from '../connector-failure.fixture.ts';
import { createGuardedHttp, type GuardedHttp } from '../http/guarded-http.ts';
import { verifyBlueskyAccount } from './bluesky-account.ts';
import { linkFacets } from './bluesky-facets.ts';
import type { PdsContext } from './bluesky-pds.ts';
import { postOnBluesky } from './bluesky-publish.ts';
import { recordKeyFor } from './bluesky-record-key.ts';
import { createSessionCache, type SessionCache } from './bluesky-sessions.ts';
import { APP_PASSWORD, acme, rateLimitReset, startBlueskyTestServer, testNow, type BlueskyTestServer } from './bluesky-test-server.ts';

const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 });
const CREATE_RECORD = 'com.atproto.repo.createRecord';

describe("a person's own Bluesky account", () => {
  let server: BlueskyTestServer;
  let sessions: SessionCache;
  const context = (options: { http?: GuardedHttp } = {}): PdsContext => ({ config: { pdsUrl: server.origin }, http: options.http ?? http, signal: new AbortController().signal, now: () => testNow });
  const account = { handle: acme.handle, appPassword: APP_PASSWORD };

  beforeEach(async () => {
    await server?.close();
    server = await startBlueskyTestServer();
    sessions = createSessionCache();
  });
  after(() => server.close());

  it('signs in with the app password and reads the profile: DID, handle, followers', async () => {
    server.setFollowers(2048);
    assert.deepEqual(await verifyBlueskyAccount(context(), account, sessions), { did: acme.did, handle: acme.handle, followersCount: 2048 });
    const [signIn, profile] = server.requests;
    assert.equal(signIn!.path, '/xrpc/com.atproto.server.createSession');
    assert.deepEqual([profile!.path, profile!.query.actor], ['/xrpc/app.bsky.actor.getProfile', acme.did]);
    assert.deepEqual(await verifyBlueskyAccount(context(), { handle: acme.did, appPassword: APP_PASSWORD }, sessions), { did: acme.did, handle: acme.handle, followersCount: 2048 }, 'the DID signs in as well as the handle');
  });

  it('says a wrong app password is refused, without echoing it, and signs in again when a kept session expired', async () => {
    const wrong = await failure(verifyBlueskyAccount(context(), { handle: acme.handle, appPassword: 'aaaa-bbbb-cccc-dddd' }, sessions));
    assert.equal(wrong.kind, 'forbidden');
    assert.match(wrong.message, /AuthenticationRequired/);
    assert.ok(!wrong.message.includes('aaaa-bbbb-cccc-dddd'));
    await verifyBlueskyAccount(context(), account, sessions);
    server.expireSessions();
    await verifyBlueskyAccount(context(), account, sessions);
    assert.equal(server.requests.filter((request) => request.path.endsWith('createSession')).length, 3);
  });

  it('is rate-limited at sign-in until ratelimit-reset', async () => {
    server.failNext(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, { method: 'com.atproto.server.createSession' });
    const error = await failure(verifyBlueskyAccount(context(), account, sessions));
    assert.equal(error.kind, 'rate_limited');
    assert.equal(error.retryAfterMs, rateLimitReset * 1000 - testNow.getTime());
  });

  it('posts a record of its own, not a reply, with its link faceted, under a key from the idempotency key', async () => {
    const text = 'Planting trees with our customers: http://localhost:3000/s/Ab3dE6gH';
    const published = await postOnBluesky(context(), account, { text, idempotencyKey: 'share-1' }, sessions);
    const [record] = [...server.records.values()];
    assert.deepEqual(record!.value, { $type: 'app.bsky.feed.post', text, createdAt: testNow.toISOString(), facets: linkFacets(text) });
    const rkey = recordKeyFor('share-1');
    assert.deepEqual(published, { externalId: `at://${acme.did}/app.bsky.feed.post/${rkey}`, url: `https://bsky.app/profile/${acme.handle}/post/${rkey}`, publishedAt: testNow.toISOString() });
  });

  it('when the answer to the write is lost, the retry finds the post and writes no second one', async () => {
    server.hangNext({ method: CREATE_RECORD, afterWrite: true });
    const impatient = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 300 });
    const first = await postOnBluesky(context({ http: impatient }), account, { text: 'Proud of this', idempotencyKey: 'share-2' }, sessions);
    assert.equal(first.alreadyPublished, true, 'asked the PDS after the lost answer');
    const again = await postOnBluesky(context(), account, { text: 'Proud of this', idempotencyKey: 'share-2' }, sessions);
    assert.equal(again.externalId, first.externalId);
    assert.equal(server.records.size, 1);
  });
});
