import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { ConnectorError, type OutgoingReply, type ReplyContext } from '../connector.ts';
import { createGuardedHttp, type GuardedHttp } from '../http/guarded-http.ts';
import { blueskyConnector, createBlueskyConnector, type BlueskyConfig } from './bluesky.connector.ts';
import { linkFacets } from './bluesky-facets.ts';
import type { JetstreamEvent, PostView } from './bluesky-post.ts';
import { recordKeyFor } from './bluesky-record-key.ts';
import { APP_PASSWORD, acme, hiker, startBlueskyTestServer, testNow, type BlueskyTestServer } from './bluesky-test-server.ts';

const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 });
const CREATE_RECORD = 'com.atproto.repo.createRecord';
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const uri = (did: string, rkey: string) => `at://${did}/app.bsky.feed.post/${rkey}`;

describe('bluesky reply', () => {
  let server: BlueskyTestServer;
  /** A connector per test: it keeps sessions, and a new server may get a closed one's port. */
  let connector: typeof blueskyConnector;
  const context = (config: Partial<BlueskyConfig> = {}, options: { signal?: AbortSignal; http?: GuardedHttp; now?: Date } = {}): ReplyContext<BlueskyConfig> => ({
    config: blueskyConnector.parseConfig({ mode: 'search', value: 'acme', appviewUrl: server.origin, jetstreamUrl: server.jetstreamUrl, handle: acme.handle, appPassword: APP_PASSWORD, pdsUrl: server.origin, ...config }),
    http: options.http ?? http, signal: options.signal ?? new AbortController().signal, now: () => options.now ?? testNow,
  });
  /** A reply whose parent is stored as the listening module stores it: externalId and raw, through JSON. */
  const replyTo = (externalId: string, raw: unknown, text = 'Sorry about that! A new zipper is on its way.', idempotencyKey = 'reply-1'): OutgoingReply =>
    ({ text, idempotencyKey, inReplyTo: { externalId, raw: JSON.parse(JSON.stringify(raw)) } });
  const postView = (rkey: string): PostView => server.posts.find((post) => post.uri.endsWith(`/${rkey}`))!;
  const onlyRecord = () => {
    assert.equal(server.records.size, 1);
    return [...server.records.values()][0]!;
  };
  async function replyError(ctx: ReplyContext<BlueskyConfig>, reply: OutgoingReply): Promise<ConnectorError> {
    const error = await connector.reply!(ctx, reply).then(() => assert.fail('expected the reply to fail'), (caught: unknown) => caught);
    assert.ok(error instanceof ConnectorError, String(error));
    return error;
  }

  beforeEach(async () => {
    await server?.close();
    server = await startBlueskyTestServer();
    connector = createBlueskyConnector();
  });
  after(() => server.close());

  it('signs in with the app password and writes a post whose root and parent are a top-level post', async () => {
    const parent = postView('3lqa2b7xk4s2a');
    const published = await connector.reply!(context(), replyTo(parent.uri, parent));
    const [session, write] = server.requests;
    assert.equal(session!.path, '/xrpc/com.atproto.server.createSession');
    assert.deepEqual(session!.input, { identifier: acme.handle, password: APP_PASSWORD });
    assert.equal(write!.path, `/xrpc/${CREATE_RECORD}`);
    assert.equal(write!.input!.repo, acme.did);
    assert.equal(write!.input!.collection, 'app.bsky.feed.post');
    const rkey = write!.input!.rkey as string;
    assert.match(rkey, TID);
    const record = onlyRecord();
    const ref = { uri: parent.uri, cid: parent.cid };
    assert.deepEqual(record.value, { $type: 'app.bsky.feed.post', text: 'Sorry about that! A new zipper is on its way.', createdAt: testNow.toISOString(), reply: { root: ref, parent: ref } });
    assert.deepEqual(published, { externalId: uri(acme.did, rkey), url: `https://bsky.app/profile/${acme.handle}/post/${rkey}`, publishedAt: testNow.toISOString() });
  });

  it("answers a reply under its thread's first post", async () => {
    const parent = postView('3lqa2c9mmn22b');
    const first = postView('3lqa2b7xk4s2a');
    await connector.reply!(context(), replyTo(parent.uri, parent));
    assert.deepEqual(onlyRecord().value.reply, { root: { uri: first.uri, cid: first.cid }, parent: { uri: parent.uri, cid: parent.cid } });
  });

  it('answers posts read from Jetstream, top-level and replies', async () => {
    const topLevel = server.events[0]!;
    await connector.reply!(context(), replyTo(uri(hiker.did, '3lqb0000000a1'), topLevel));
    const own = { uri: uri(hiker.did, '3lqb0000000a1'), cid: 'bafyrei3lqb0000000a1' };
    assert.deepEqual(onlyRecord().value.reply, { root: own, parent: own });
    const root = { uri: uri(acme.did, '3lqa2ewt6rk2d'), cid: 'bafyreirootcid' };
    const nested: JetstreamEvent = {
      did: hiker.did, time_us: 1_749_636_100_000_000, kind: 'commit',
      commit: { operation: 'create', collection: 'app.bsky.feed.post', rkey: '3lqb0000000b1', cid: 'bafyreinestedcid', record: { $type: 'app.bsky.feed.post', text: 'same here', createdAt: '2025-06-11T10:30:00Z', reply: { root, parent: root } } },
    };
    await connector.reply!(context(), replyTo(uri(hiker.did, '3lqb0000000b1'), nested, 'We are on it', 'reply-2'));
    const second = [...server.records.values()].find((record) => record.value.text === 'We are on it')!;
    assert.deepEqual(second.value.reply, { root, parent: { uri: uri(hiker.did, '3lqb0000000b1'), cid: 'bafyreinestedcid' } });
  });

  it('refuses, before signing in, a parent stored without the cids Bluesky needs', async () => {
    const withoutCids = server.events.find((event) => event.commit?.rkey === '3lqb0000000a3')!;
    const error = await replyError(context(), replyTo(uri(acme.did, '3lqb0000000a3'), withoutCids));
    assert.equal(error.kind, 'rejected');
    assert.match(error.message, /uri and cid/);
    assert.deepEqual(server.requests, []);
  });

  it('marks links as link facets, by UTF-8 byte offsets', async () => {
    const text = 'Schöne Grüße 🏔️ see https://acme-outdoor.example/help/zippers.';
    const facets = linkFacets(text);
    assert.equal(facets.length, 1);
    const { byteStart, byteEnd } = facets[0]!.index;
    assert.equal(Buffer.from(text).subarray(byteStart, byteEnd).toString(), 'https://acme-outdoor.example/help/zippers', 'the full stop is not part of the link');
    const parent = postView('3lqa2b7xk4s2a');
    await connector.reply!(context(), replyTo(parent.uri, parent, text));
    assert.deepEqual(onlyRecord().value.facets, facets);
  });

  it('keeps the session between replies, and signs in again when the token nears its expiry or is refused', async () => {
    const parent = postView('3lqa2b7xk4s2a');
    const signIns = () => server.requests.filter((request) => request.path.endsWith('createSession')).length;
    await connector.reply!(context(), replyTo(parent.uri, parent, 'one', 'k1'));
    await connector.reply!(context(), replyTo(parent.uri, parent, 'two', 'k2'));
    assert.equal(signIns(), 1);
    await connector.reply!(context({}, { now: new Date(testNow.getTime() + 2 * 3600_000 - 60_000) }), replyTo(parent.uri, parent, 'three', 'k3'));
    assert.equal(signIns(), 2, 'a token about to expire is not used');
    server.expireSessions();
    await connector.reply!(context(), replyTo(parent.uri, parent, 'four', 'k4'));
    assert.equal(signIns(), 3, 'an expired token is replaced');
    assert.deepEqual([...server.records.values()].map((record) => record.value.text), ['one', 'two', 'three', 'four']);
    const wrong = await replyError(context({ appPassword: 'wxyz-wxyz-wxyz-wxyz' }), replyTo(parent.uri, parent, 'five', 'k5'));
    assert.equal(wrong.kind, 'forbidden', 'a changed password signs in with it, not with the kept session');
  });

  describe('idempotency', () => {
    it('derives one TID-shaped record key per idempotency key', () => {
      assert.equal(recordKeyFor('reply-1'), recordKeyFor('reply-1'));
      assert.notEqual(recordKeyFor('reply-1'), recordKeyFor('reply-2'));
      for (const key of ['reply-1', 'x', '7f1c9c2e-5d0b-4d59-a3c4-0a8f1f0c2b11', 'ünïcödé 🦄']) assert.match(recordKeyFor(key), TID);
    });

    it('writes one record per key: the retry finds it and says alreadyPublished', async () => {
      const parent = postView('3lqa2b7xk4s2a');
      const first = await connector.reply!(context(), replyTo(parent.uri, parent));
      const again = await connector.reply!(context(), replyTo(parent.uri, parent));
      assert.equal(server.records.size, 1);
      assert.deepEqual(again, { ...first, alreadyPublished: true });
    });

    it('when the answer to the write is lost, asks the PDS and reports the reply it finds', async () => {
      server.hangNext({ method: CREATE_RECORD, afterWrite: true });
      const parent = postView('3lqa2b7xk4s2a');
      const impatient = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 300 });
      const published = await connector.reply!(context({}, { http: impatient }), replyTo(parent.uri, parent));
      assert.equal(published.alreadyPublished, true);
      assert.equal(published.externalId, onlyRecord().uri);
      assert.equal(server.requests.at(-1)!.path, '/xrpc/com.atproto.repo.getRecord');
    });
  });

  describe('failures', () => {
    const parent = () => postView('3lqa2b7xk4s2a');

    it('needs a handle and an app password, and never echoes the password', async () => {
      const missing = await replyError(context({ handle: undefined, appPassword: undefined }), replyTo(parent().uri, parent()));
      assert.equal(missing.kind, 'forbidden');
      assert.match(missing.message, /app password/);
      assert.deepEqual(server.requests, []);
      const wrong = await replyError(context({ appPassword: 'wxyz-wxyz-wxyz-wxyz' }), replyTo(parent().uri, parent()));
      assert.equal(wrong.kind, 'forbidden');
      assert.match(wrong.message, /AuthenticationRequired: Invalid identifier or password/);
      assert.ok(!wrong.message.includes('wxyz-wxyz'));
      server.failNext(400, { error: 'ExpiredToken', message: 'Token has expired' }, { method: CREATE_RECORD });
      assert.equal((await replyError(context(), replyTo(parent().uri, parent()))).kind, 'forbidden');
      assert.equal(server.records.size, 0);
    });

    it('is rate-limited until ratelimit-reset', async () => {
      server.failNext(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, { method: CREATE_RECORD });
      const error = await replyError(context(), replyTo(parent().uri, parent()));
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.retryAfterMs, 120_000);
      assert.ok(!server.requests.some((request) => request.path.endsWith('getRecord')), 'a refused write is not looked for');
    });

    it('maps a PDS failure to unavailable after checking that nothing was written', async () => {
      server.failNext(500, undefined, { method: CREATE_RECORD, times: 2 });
      for (let attempt = 0; attempt < 2; attempt++) {
        const error = await replyError(context(), replyTo(parent().uri, parent()));
        assert.equal(error.kind, 'unavailable');
        assert.ok(error.retryable);
      }
      assert.equal(server.requests.filter((request) => request.path.endsWith('getRecord')).length, 2);
      await connector.reply!(context(), replyTo(parent().uri, parent()));
      assert.equal(server.records.size, 1, 'the third attempt goes through');
    });

    it('maps content the PDS refuses to rejected with its reason', async () => {
      const error = await replyError(context(), replyTo(parent().uri, parent(), 'ä'.repeat(301)));
      assert.equal(error.kind, 'rejected');
      assert.equal(error.retryable, false);
      assert.match(error.message, /InvalidRequest: Invalid app.bsky.feed.post record: Record\/text must not be longer than 300 graphemes/);
    });

    it("gives up at the caller's deadline as unavailable", async () => {
      server.hangNext({ method: CREATE_RECORD });
      const error = await replyError(context({}, { signal: AbortSignal.timeout(200) }), replyTo(parent().uri, parent()));
      assert.equal(error.kind, 'unavailable');
      assert.match(error.message, /may have been published/);
      assert.equal(server.records.size, 0);
    });
  });

  describe('configuration', () => {
    it('takes the handle and app password together, keeps the password secret, and defaults the PDS', () => {
      const config = blueskyConnector.parseConfig({ mode: 'search', value: 'acme', handle: '@Acme-Outdoor.com', appPassword: APP_PASSWORD });
      assert.equal(config.handle, 'acme-outdoor.com');
      assert.equal(config.pdsUrl, 'https://bsky.social');
      assert.equal(blueskyConnector.canReply!(config), true);
      assert.equal(blueskyConnector.canReply!(blueskyConnector.parseConfig({ mode: 'search', value: 'acme' })), false);
      assert.deepEqual(blueskyConnector.secretConfigKeys, ['appPassword']);
      for (const [partial, field] of [[{ handle: 'acme.bsky.social' }, 'config.appPassword'], [{ appPassword: APP_PASSWORD }, 'config.handle'], [{ handle: 'not a handle', appPassword: APP_PASSWORD }, 'config.handle'], [{ pdsUrl: 'ftp://pds.example' }, 'config.pdsUrl']] as const) {
        assert.throws(() => blueskyConnector.parseConfig({ mode: 'search', value: 'acme', ...partial }), (error: unknown) => error instanceof AppError && (error.details as { field: string }[])[0]!.field === field);
      }
    });
  });
});
