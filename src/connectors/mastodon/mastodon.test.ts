import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { ConnectorError, type ConnectorContext, type Cursor, type IncomingPost } from '../connector.ts';
import { createGuardedHttp } from '../http/guarded-http.ts';
import { createMastodonConnector, mastodonConnector, type MastodonConfig } from './mastodon.connector.ts';
import { GOOD_TOKEN, INSTANCE_HOST, TAG, hiker, makeStatus, startMastodonTestServer, testNow, type MastodonTestServer } from './mastodon-test-server.ts';

const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 });
const connector = createMastodonConnector({ reconnectBaseMs: 20, reconnectMaxMs: 100 });

function validationFields(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'VALIDATION_FAILED');
    return (error.details as { field: string }[]).map((problem) => problem.field);
  }
  return assert.fail('expected VALIDATION_FAILED');
}

describe('mastodon connector', () => {
  let server: MastodonTestServer;
  const context = (config: Partial<MastodonConfig>, cursor: Cursor = null, signal = new AbortController().signal): ConnectorContext<MastodonConfig> => ({
    config: connector.parseConfig({ instanceUrl: server.origin, mode: 'hashtag', value: TAG, ...config }),
    cursor, http, signal, now: () => testNow,
  });
  async function pollError(ctx: ConnectorContext<MastodonConfig>): Promise<ConnectorError> {
    const error = await connector.poll!(ctx).then(() => assert.fail('expected the poll to fail'), (caught: unknown) => caught);
    assert.ok(error instanceof ConnectorError, String(error));
    return error;
  }

  beforeEach(async () => {
    await server?.close();
    server = await startMastodonTestServer();
  });
  after(() => server.close());

  describe('configuration', () => {
    before(async () => {
      server = await startMastodonTestServer();
    });
    it('normalizes the instance, the tag and the account, and applies the default interval', () => {
      assert.deepEqual(mastodonConnector.parseConfig({ instanceUrl: 'https://Mastodon.Social/about', mode: 'hashtag', value: '#AcmeOutdoor' }),
        { instanceUrl: 'https://mastodon.social', mode: 'hashtag', value: 'AcmeOutdoor', intervalSeconds: 120 });
      assert.equal(mastodonConnector.parseConfig({ instanceUrl: 'https://mastodon.social', mode: 'account', value: '@acme@toot.example' }).value, 'acme@toot.example');
    });
    it('rejects bad settings naming each field', () => {
      assert.deepEqual(validationFields(() => mastodonConnector.parseConfig({ instanceUrl: 'ftp://x', mode: 'hashtag', value: 'a' })), ['config.instanceUrl']);
      assert.deepEqual(validationFields(() => mastodonConnector.parseConfig({ instanceUrl: 'https://x.example', mode: 'timeline', value: 'a' })).filter((field, index, all) => all.indexOf(field) === index), ['config.mode']);
      assert.deepEqual(validationFields(() => mastodonConnector.parseConfig({ instanceUrl: 'https://x.example', mode: 'hashtag', value: 'two words' })), ['config.value']);
      assert.deepEqual(validationFields(() => mastodonConnector.parseConfig({ instanceUrl: 'https://x.example', mode: 'hashtag', value: 'a', intervalSeconds: 5 })), ['config.intervalSeconds']);
    });
    it('asks for an access token to search', () => {
      assert.deepEqual(validationFields(() => mastodonConnector.parseConfig({ instanceUrl: 'https://x.example', mode: 'search', value: 'acme tent' })), ['config.accessToken']);
    });
  });

  describe('poll', () => {
    it('turns statuses into posts: plain text, handle with instance, reply, language, site', async () => {
      const result = await connector.poll!(context({}));
      const byId = new Map(result.posts.map((post) => [post.externalId, post]));
      assert.deepEqual(result.posts.map((post) => post.externalId), ['113541000000000001', '113541000000000002', '113541000000000003', '113541000000000004'], 'oldest first');
      const first = byId.get('113541000000000001')!;
      assert.equal(first.text, `Three days on the ridge and the #${TAG} tent held up in 60 km/h gusts.\n\nZipper is stiff though.`);
      assert.deepEqual(first.author, { handle: '@trailmix@fosstodon.example', displayName: 'Jo 🥾', followers: 312, profileUrl: 'https://fosstodon.example/@trailmix' });
      assert.equal(first.url, 'https://fosstodon.example/@trailmix/113541000000000001');
      assert.equal(first.site, new URL(server.origin).hostname);
      assert.equal(first.language, 'en');
      assert.match(first.createdAt!, /^2025-06-11T10:\d\d:00\.000Z$/);
      const reply = byId.get('113541000000000002')!;
      assert.equal(reply.author!.handle, `@acme@${new URL(server.origin).hostname}`, 'a local acct gets the instance host');
      assert.equal(reply.inReplyToExternalId, '113541000000000001');
      assert.equal(reply.text, `@acme here: thanks for the feedback! New zippers ship in July. #${TAG}`);
      const review = byId.get('113541000000000003')!;
      assert.equal(review.text, `long review\n\nQuick review & photos of the Summit 2 #${TAG} <3`);
      assert.equal(review.language, 'de');
      assert.equal(byId.get('113541000000000004')!.language, undefined);
      assert.equal(result.nextPollInMs, 120_000);
    });

    it('pages forward with min_id from the cursor and yields only new statuses', async () => {
      const first = await connector.poll!(context({}));
      assert.equal((first.cursor as { minId: string }).minId, '113541000000000004');
      // 45 new statuses: more than one page of 40.
      for (let i = 0; i < 45; i++) server.publish(makeStatus(`11354100000000${String(100 + i).padStart(4, '0')}`, hiker, `<p>post ${i}</p>`), { stream: false });
      server.requests.length = 0;
      const second = await connector.poll!(context({}, first.cursor));
      assert.equal(second.posts.length, 45);
      assert.equal(second.posts[0]!.text, 'post 0');
      assert.equal(second.posts[44]!.text, 'post 44');
      assert.deepEqual(server.requests.map((request) => request.query.min_id), ['113541000000000004', '113541000000000139']);
      const third = await connector.poll!(context({}, second.cursor));
      assert.deepEqual(third.posts, []);
    });

    it('resolves an account once, follows its statuses and yields a reblogged status once', async () => {
      const result = await connector.poll!(context({ mode: 'account', value: 'acme@' + INSTANCE_HOST }));
      assert.deepEqual(result.posts.map((post) => post.externalId), ['113541000000000010', '113541000000000001'], 'the second reblog of the same status is dropped');
      assert.equal(result.posts[1]!.author!.handle, '@trailmix@fosstodon.example', 'the reblogged author, not the booster');
      server.requests.length = 0;
      await connector.poll!(context({ mode: 'account', value: 'acme@' + INSTANCE_HOST }, result.cursor));
      assert.deepEqual(server.requests.map((request) => request.path), ['/api/v1/accounts/109382746519283746/statuses']);
      assert.equal((await pollError(context({ mode: 'account', value: 'nobody@else.example' }))).kind, 'not_found');
    });

    it('searches with the bearer token', async () => {
      const result = await connector.poll!(context({ mode: 'search', value: 'zippers', accessToken: GOOD_TOKEN }));
      assert.deepEqual(result.posts.map((post) => post.externalId), ['113541000000000002']);
      assert.equal(server.requests.at(-1)!.authorization, `Bearer ${GOOD_TOKEN}`);
      assert.equal(server.requests.at(-1)!.query.type, 'statuses');
    });

    it('maps a bad token to forbidden without echoing it', async () => {
      const error = await pollError(context({ mode: 'search', value: 'zippers', accessToken: 'wrong-secret' }));
      assert.equal(error.kind, 'forbidden');
      assert.ok(!error.message.includes('wrong-secret'));
    });

    it('throws rate_limited on 429 with the wait until X-RateLimit-Reset', async () => {
      server.failNext(429);
      const error = await pollError(context({}));
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.retryAfterMs, 90_000);
    });

    it('waits for the reset when few requests are left', async () => {
      server.setRemaining(3);
      const result = await connector.poll!(context({ intervalSeconds: 60 }));
      assert.equal(result.nextPollInMs, 90_000);
      assert.equal(result.warnings.length, 1);
    });

    it('maps HTTP failures and malformed answers to error kinds', async () => {
      for (const [status, body, kind] of [[404, undefined, 'not_found'], [403, undefined, 'forbidden'], [502, undefined, 'unavailable'], [200, '[{"id":"1",', 'invalid_response'], [200, '{"error":"nope"}', 'invalid_response']] as const) {
        server.failNext(status, body);
        assert.equal((await pollError(context({}))).kind, kind, `${status} ${body}`);
      }
    });

    it('skips statuses it cannot use and says why', async () => {
      server.publish({ id: '113541000000000050', content: '<p>no account</p>' } as never, { stream: false });
      server.publish(makeStatus('113541000000000051', hiker, ''), { stream: false });
      const result = await connector.poll!(context({}));
      assert.deepEqual(result.skipped.map((item) => item.externalId), ['113541000000000050', '113541000000000051']);
      assert.ok(result.skipped.every((item) => item.reason.length > 0));
    });
  });

  describe('health', () => {
    it('names the instance, and reports problems instead of throwing', async () => {
      const healthy = await connector.checkHealth(context({}));
      assert.deepEqual(healthy, { ok: true, message: 'Connected to "Toot Example" (Mastodon 4.3.2).' });
      const bad = await connector.checkHealth(context({ mode: 'search', value: 'x', accessToken: 'nope' }));
      assert.equal(bad.ok, false);
      assert.match(bad.message, /401/);
    });
  });

  describe('stream', () => {
    it('delivers updates, reconnects after a drop and backfills what was missed, without duplicates', async () => {
      const first = await connector.poll!(context({}));
      const controller = new AbortController();
      const received: IncomingPost[] = [];
      const cursors: Cursor[] = [];
      let notify: (() => void) | undefined;
      const running = connector.stream!({
        ...context({}, first.cursor, controller.signal),
        onPosts: async (posts, cursor) => {
          received.push(...posts);
          cursors.push(cursor);
          notify?.();
        },
      });
      const until = async (condition: () => boolean) => {
        const deadline = Date.now() + 4000;
        while (!condition()) {
          assert.ok(Date.now() < deadline, 'timed out');
          await new Promise<void>((resolve) => {
            notify = resolve;
            setTimeout(resolve, 20);
          });
        }
      };
      await until(() => server.streams.length === 1);
      assert.deepEqual(server.streams[0], { stream: 'hashtag', tag: TAG });
      server.publish(makeStatus('113541000000000020', hiker, '<p>live one</p>'));
      await until(() => received.length === 1);
      server.dropStreams();
      // Published while disconnected: only the backfill can see these.
      server.publish(makeStatus('113541000000000021', hiker, '<p>missed one</p>'), { stream: false });
      server.publish(makeStatus('113541000000000022', hiker, '<p>missed two</p>'), { stream: false });
      await until(() => server.streams.length === 2 && received.length === 3);
      server.publish(makeStatus('113541000000000023', hiker, '<p>live again</p>'));
      await until(() => received.length === 4);
      controller.abort();
      await running;
      assert.deepEqual(received.map((post) => post.text), ['live one', 'missed one', 'missed two', 'live again']);
      assert.equal((cursors.at(-1) as { minId: string }).minId, '113541000000000023');
      const backfill = server.requests.filter((request) => request.path === `/api/v1/timelines/tag/${TAG}`);
      // The first connection backfills from the poll's cursor, the reconnect from the last streamed id.
      assert.deepEqual(backfill.map((request) => request.query.min_id), [undefined, '113541000000000004', '113541000000000020']);
    });

    it('refuses a stream to a non-public address unless the HTTP client allow-lists it', async () => {
      const controller = new AbortController();
      const unlisted = { ...context({}, null, controller.signal), http: createGuardedHttp() };
      const error = await connector.stream!({ ...unlisted, onPosts: async () => {} }).then(() => undefined, (caught: unknown) => caught);
      assert.ok(error instanceof ConnectorError);
      assert.equal(error.kind, 'forbidden');
    });
  });
});
