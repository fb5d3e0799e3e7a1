import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { ConnectorError, type ConnectorContext, type Cursor, type IncomingPost } from '../connector.ts';
import { createGuardedHttp } from '../http/guarded-http.ts';
import { blueskyConnector, createBlueskyConnector, type BlueskyConfig } from './bluesky.connector.ts';
import type { JetstreamEvent } from './bluesky-post.ts';
import { acme, hiker, makePostView, startBlueskyTestServer, testNow, type BlueskyTestServer } from './bluesky-test-server.ts';

const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 });
const connector = createBlueskyConnector({ reconnectBaseMs: 20, reconnectMaxMs: 100, pollQuietMs: 200 });
const uri = (did: string, rkey: string) => `at://${did}/app.bsky.feed.post/${rkey}`;

function validationFields(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'VALIDATION_FAILED');
    return [...new Set((error.details as { field: string }[]).map((problem) => problem.field))];
  }
  return assert.fail('expected VALIDATION_FAILED');
}

function create(did: string, rkey: string, timeUs: number, text: string): JetstreamEvent {
  return { did, time_us: timeUs, kind: 'commit', commit: { rev: `rev${rkey}`, operation: 'create', collection: 'app.bsky.feed.post', rkey, record: { $type: 'app.bsky.feed.post', text, createdAt: new Date(timeUs / 1000).toISOString() }, cid: `cid${rkey}` } };
}

describe('bluesky connector', () => {
  let server: BlueskyTestServer;
  const context = (config: Partial<BlueskyConfig>, cursor: Cursor = null, signal = new AbortController().signal): ConnectorContext<BlueskyConfig> => ({
    config: connector.parseConfig({ mode: 'search', value: 'acme', appviewUrl: server.origin, jetstreamUrl: server.jetstreamUrl, ...config }),
    cursor, http, signal, now: () => testNow,
  });
  async function pollError(ctx: ConnectorContext<BlueskyConfig>): Promise<ConnectorError> {
    const error = await connector.poll!(ctx).then(() => assert.fail('expected the poll to fail'), (caught: unknown) => caught);
    assert.ok(error instanceof ConnectorError, String(error));
    return error;
  }

  beforeEach(async () => {
    await server?.close();
    server = await startBlueskyTestServer();
  });
  after(() => server.close());

  describe('configuration', () => {
    it('applies defaults and normalizes handles and keywords', () => {
      assert.deepEqual(blueskyConnector.parseConfig({ mode: 'author', value: '@Acme-Outdoor.com' }), {
        mode: 'author', value: 'acme-outdoor.com', appviewUrl: 'https://public.api.bsky.app', jetstreamUrl: 'wss://jetstream2.us-east.bsky.network/subscribe', intervalSeconds: 120, pdsUrl: 'https://bsky.social',
      });
      assert.equal(blueskyConnector.parseConfig({ mode: 'jetstream', value: ' Acme ,summit 2,, acme ' }).value, 'acme, summit 2');
      assert.equal(blueskyConnector.parseConfig({ mode: 'jetstream' }).value, '');
      assert.equal(blueskyConnector.parseConfig({ mode: 'author', value: acme.did }).value, acme.did);
    });
    it('rejects bad settings naming each field', () => {
      assert.deepEqual(validationFields(() => blueskyConnector.parseConfig({ mode: 'search' })), ['config.value']);
      assert.deepEqual(validationFields(() => blueskyConnector.parseConfig({ mode: 'author', value: 'not a handle' })), ['config.value']);
      assert.deepEqual(validationFields(() => blueskyConnector.parseConfig({ mode: 'firehose', value: 'x' })), ['config.mode']);
      assert.deepEqual(validationFields(() => blueskyConnector.parseConfig({ mode: 'jetstream', jetstreamUrl: 'https://jetstream.example/subscribe' })), ['config.jetstreamUrl']);
      assert.deepEqual(validationFields(() => blueskyConnector.parseConfig({ mode: 'search', value: 'x', appviewUrl: 'file:///etc/passwd' })), ['config.appviewUrl']);
    });
  });

  describe('poll (AppView)', () => {
    it('turns post views into posts', async () => {
      const result = await connector.poll!(context({}));
      assert.deepEqual(result.posts.map((post) => post.externalId), [uri(hiker.did, '3lqa2b7xk4s2a'), uri(hiker.did, '3lqa2dkq3oc2c'), uri(acme.did, '3lqa2ewt6rk2d')], 'oldest first');
      const [first, german] = result.posts as [IncomingPost, IncomingPost];
      assert.equal(first.text, 'Three days on the ridge and the @acme-outdoor.com tent held up in 60 km/h gusts. Zipper is stiff though.');
      assert.equal(first.url, 'https://bsky.app/profile/trailmix.bsky.social/post/3lqa2b7xk4s2a');
      assert.deepEqual(first.author, { handle: '@trailmix.bsky.social', displayName: 'Jo', profileUrl: 'https://bsky.app/profile/trailmix.bsky.social' });
      assert.equal(first.site, 'bsky.app');
      assert.equal(first.language, 'en');
      assert.match(first.createdAt!, /^2025-06-11T10:\d\d:00\.000Z$/);
      assert.equal(german.text, 'Kurzer Test des Acme Summit 2: leicht und dicht.');
      assert.equal(german.language, 'de');
      assert.equal(result.posts[2]!.language, undefined);
      assert.deepEqual(server.requests[0]!.query, { q: 'acme', sort: 'latest', limit: '100' });
    });

    it('yields only new posts later, paging back until it reaches what it has seen', async () => {
      const first = await connector.poll!(context({}));
      for (let i = 0; i < 150; i++) server.addPost(makePostView(hiker, `3lqc${String(i).padStart(9, '0')}`, { text: `acme thought ${i}` }));
      server.requests.length = 0;
      const second = await connector.poll!(context({}, first.cursor));
      assert.equal(second.posts.length, 150);
      assert.equal(second.posts[0]!.text, 'acme thought 0');
      assert.equal(second.posts[149]!.text, 'acme thought 149');
      assert.deepEqual(server.requests.map((request) => request.query.cursor), [undefined, '100']);
      assert.deepEqual((await connector.poll!(context({}, second.cursor))).posts, []);
    });

    it('reads an author feed with replies, yielding a twice-reposted post once', async () => {
      const result = await connector.poll!(context({ mode: 'author', value: acme.handle }));
      const reply = result.posts.find((post) => post.externalId === uri(acme.did, '3lqa2c9mmn22b'))!;
      assert.equal(reply.inReplyToExternalId, uri(hiker.did, '3lqa2b7xk4s2a'));
      assert.equal(reply.language, 'en', 'en-US is reported as en');
      assert.equal(result.posts.filter((post) => post.externalId === uri(hiker.did, '3lqa2b7xk4s2a')).length, 1);
      assert.equal((await pollError(context({ mode: 'author', value: 'nobody.bsky.social' }))).kind, 'not_found');
    });

    it('throws rate_limited on 429 with the wait until ratelimit-reset', async () => {
      server.failNext(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' });
      const error = await pollError(context({}));
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.retryAfterMs, 120_000);
      assert.match(error.message, /RateLimitExceeded/);
    });

    it('waits for the reset when few requests are left', async () => {
      server.setRemaining(2);
      assert.equal((await connector.poll!(context({ intervalSeconds: 60 }))).nextPollInMs, 120_000);
    });

    it('maps failures and malformed answers to error kinds', async () => {
      for (const [status, body, kind] of [
        [502, undefined, 'unavailable'], [401, { error: 'AuthMissing', message: 'Authentication Required' }, 'forbidden'],
        [400, { error: 'BlockedActor', message: 'Requester has blocked actor' }, 'forbidden'], [200, '{"posts":[', 'invalid_response'], [200, { cursor: '1' }, 'invalid_response'],
      ] as const) {
        server.failNext(status, body);
        assert.equal((await pollError(context({}))).kind, kind, `${status}`);
      }
    });
  });

  describe('jetstream', () => {
    it('poll replays from the cursor: post creates matching the keywords, nothing else, nothing twice', async () => {
      const first = await connector.poll!(context({ mode: 'jetstream', value: 'acme' }));
      assert.deepEqual(first.posts.map((post) => post.externalId), [uri(hiker.did, '3lqb0000000a1'), uri(acme.did, '3lqb0000000a3'), uri(hiker.did, '3lqb0000000a4')]);
      const reply = first.posts[1]!;
      assert.equal(reply.author!.handle, acme.did);
      assert.equal(reply.url, `https://bsky.app/profile/${acme.did}/post/3lqb0000000a3`);
      assert.equal(reply.inReplyToExternalId, uri(hiker.did, '3lqb0000000a1'));
      assert.equal((first.cursor as { timeUs: number }).timeUs, server.events.at(-1)!.time_us);
      assert.equal(server.connections[0]!.wantedCollections, 'app.bsky.feed.post');
      assert.equal(server.connections[0]!.cursor, undefined);
      server.emit(create(hiker.did, '3lqb0000000b1', server.events.at(-1)!.time_us + 1000, 'acme again'), { send: false });
      const second = await connector.poll!(context({ mode: 'jetstream', value: 'acme' }, first.cursor));
      assert.deepEqual(second.posts.map((post) => post.text), ['acme again']);
      assert.equal(Number(server.connections[1]!.cursor), (first.cursor as { timeUs: number }).timeUs - 1_000_000);
    });

    it('stream survives a disconnect mid-stream and resumes from its cursor with no gap and no duplicate', async () => {
      const last = server.events.at(-1)!.time_us;
      // Six more posts; the first connection is cut after the first 10 events.
      for (let i = 1; i <= 6; i++) server.emit(create(hiker.did, `3lqd00000000${i}`, last + i * 100_000, `acme live ${i}`), { send: false });
      server.dropNextAfter(10);
      const controller = new AbortController();
      const received: IncomingPost[] = [];
      const cursors: Cursor[] = [];
      const running = connector.stream!({
        ...context({ mode: 'jetstream', value: 'acme' }, null, controller.signal),
        onPosts: async (posts, cursor) => {
          received.push(...posts);
          cursors.push(cursor);
          if (received.length >= 10) controller.abort();
        },
      });
      const timeout = setTimeout(() => controller.abort(), 4000);
      // After the reconnect, one more arrives live.
      const waitFor = async (condition: () => boolean) => {
        while (!condition() && !controller.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 10));
      };
      await waitFor(() => server.connections.length === 2 && received.length === 9);
      server.emit(create(acme.did, '3lqd000000007', last + 7 * 100_000, 'Acme live 7'));
      await running;
      clearTimeout(timeout);
      assert.equal(server.connections.length, 2, 'reconnected once');
      assert.equal(server.connections[0]!.cursor, undefined);
      const resumedFrom = Number(server.connections[1]!.cursor);
      assert.ok(resumedFrom <= server.events[9]!.time_us, 'resumes at or before the last event read');
      assert.deepEqual(received.map((post) => post.text), [
        'My acme stove finally died after 6 years.', 'Replying: sorry about the stove! DM us, Acme will replace it.', 'Anyone tried the Acme Summit 2 in snow?',
        'acme live 1', 'acme live 2', 'acme live 3', 'acme live 4', 'acme live 5', 'acme live 6', 'Acme live 7',
      ]);
      assert.equal((cursors.at(-1) as { timeUs: number }).timeUs, last + 700_000);
    });

    it('stream resolves when aborted and hands over every post when there are no keywords', async () => {
      const controller = new AbortController();
      const received: IncomingPost[] = [];
      const running = connector.stream!({
        ...context({ mode: 'jetstream', value: '' }, null, controller.signal),
        onPosts: async (posts) => {
          received.push(...posts);
          if (received.length >= 4) setTimeout(() => controller.abort(), 50);
        },
      });
      await running;
      assert.equal(received.length, 4, 'four creates; the like, identity, update and delete are not posts');
    });

    it('reports the health of the stream, and refuses non-public addresses the HTTP client does not allow-list', async () => {
      assert.equal((await connector.checkHealth(context({ mode: 'jetstream' }))).ok, true);
      const refused = await connector.checkHealth({ ...context({ mode: 'jetstream' }), http: createGuardedHttp() });
      assert.equal(refused.ok, false);
      assert.match(refused.message, /refused/);
      const search = await connector.checkHealth(context({}));
      assert.equal(search.ok, true, search.message);
      server.failNext(503);
      assert.equal((await connector.checkHealth(context({}))).ok, false);
    });
  });
});
