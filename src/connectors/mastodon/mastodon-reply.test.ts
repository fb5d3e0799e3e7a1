import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectorError, type OutgoingReply, type ReplyContext } from '../connector.ts';
import { createGuardedHttp, type GuardedHttp } from '../http/guarded-http.ts';
import { mastodonConnector, type MastodonConfig } from './mastodon.connector.ts';
import { withMention } from './mastodon-mention.ts';
import { statusToPost } from './mastodon-status.ts';
import { GOOD_TOKEN, READ_ONLY_TOKEN, TAG, hiker, startMastodonTestServer, testNow, type MastodonTestServer } from './mastodon-test-server.ts';

const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 });
const STATUSES = '/api/v1/statuses';

describe('mastodon reply', () => {
  let server: MastodonTestServer;
  const context = (config: Partial<MastodonConfig> = {}, options: { signal?: AbortSignal; http?: GuardedHttp } = {}): ReplyContext<MastodonConfig> => ({
    config: mastodonConnector.parseConfig({ instanceUrl: server.origin, mode: 'hashtag', value: TAG, accessToken: GOOD_TOKEN, ...config }),
    http: options.http ?? http, signal: options.signal ?? new AbortController().signal, now: () => testNow,
  });
  /** A reply to a status of the tag timeline, its parent as the listening module stored it. */
  const replyTo = (statusId: string, text: string, idempotencyKey = 'reply-1'): OutgoingReply => {
    const status = server.tagStatuses.find((candidate) => candidate.id === statusId) ?? { id: statusId };
    const post = statusToPost(status, new URL(server.origin).hostname);
    const stored = 'text' in post ? post : { externalId: statusId, raw: status };
    return { text, idempotencyKey, inReplyTo: JSON.parse(JSON.stringify({ externalId: stored.externalId, raw: stored.raw, ...('author' in stored && { authorHandle: stored.author?.handle }) })) };
  };
  async function replyError(ctx: ReplyContext<MastodonConfig>, reply: OutgoingReply): Promise<ConnectorError> {
    const error = await mastodonConnector.reply!(ctx, reply).then(() => assert.fail('expected the reply to fail'), (caught: unknown) => caught);
    assert.ok(error instanceof ConnectorError, String(error));
    return error;
  }

  beforeEach(async () => {
    await server?.close();
    server = await startMastodonTestServer();
  });
  after(() => server.close());

  it('posts a public status in reply, mentioning the author, under the idempotency key', async () => {
    const published = await mastodonConnector.reply!(context(), replyTo('113541000000000001', 'Sorry about the zipper! A new one is in the post.'));
    const request = server.requests.at(-1)!;
    assert.equal(request.method, 'POST');
    assert.equal(request.path, STATUSES);
    assert.equal(request.authorization, `Bearer ${GOOD_TOKEN}`);
    assert.equal(request.idempotencyKey, 'reply-1');
    assert.deepEqual(request.body, { status: '@trailmix@fosstodon.example Sorry about the zipper! A new one is in the post.', in_reply_to_id: '113541000000000001', visibility: 'public' });
    const [status] = server.posted;
    assert.equal(status!.in_reply_to_id, '113541000000000001');
    assert.deepEqual((status as unknown as { mentions: { acct: string }[] }).mentions.map((mention) => mention.acct), [hiker.acct]);
    assert.deepEqual(published, { externalId: status!.id, url: status!.url, publishedAt: testNow.toISOString() });
  });

  it('mentions the author once, in the form the instance knows them', () => {
    assert.equal(withMention('Thanks @trailmix@fosstodon.example!', 'trailmix@fosstodon.example', 'toot.example'), 'Thanks @trailmix@fosstodon.example!');
    assert.equal(withMention('@Acme is on it', 'acme', 'toot.example'), '@Acme is on it', 'case-insensitive');
    assert.equal(withMention('cc @acme@toot.example', 'acme', 'toot.example'), 'cc @acme@toot.example', 'a local account written with its domain');
    assert.equal(withMention('mail acme@toot.example or see https://toot.example/@acme', 'acme', 'toot.example'), '@acme mail acme@toot.example or see https://toot.example/@acme', 'an address or a URL is no mention');
    assert.equal(withMention('@acmestore helps too', 'acme', 'toot.example'), '@acme @acmestore helps too', 'a longer name is another account');
    assert.equal(withMention('No author known', undefined, 'toot.example'), 'No author known');
  });

  it('mentions the author of a boosted status, not the booster', async () => {
    const boost = server.accountStatuses.find((status) => status.reblog)!;
    await mastodonConnector.reply!(context(), { text: 'Glad it held up!', idempotencyKey: 'boost', inReplyTo: { externalId: boost.reblog!.id, raw: JSON.parse(JSON.stringify(boost)) } });
    assert.equal(server.requests.at(-1)!.body!.status, '@trailmix@fosstodon.example Glad it held up!');
    assert.equal(server.requests.at(-1)!.body!.in_reply_to_id, boost.reblog!.id);
  });

  it('posts once per idempotency key: a retry answers with the first status', async () => {
    const first = await mastodonConnector.reply!(context(), replyTo('113541000000000003', 'Thanks for the review!'));
    const again = await mastodonConnector.reply!(context(), replyTo('113541000000000003', 'Thanks for the review!'));
    assert.equal(again.externalId, first.externalId);
    assert.equal(server.posted.length, 1);
    await mastodonConnector.reply!(context(), replyTo('113541000000000003', 'Thanks for the review!', 'reply-2'));
    assert.equal(server.posted.length, 2, 'another key is another reply');
  });

  it('when the answer is lost, says the reply may be out, and the retry finds it without posting again', async () => {
    server.hangNext({ path: STATUSES, afterWrite: true });
    const impatient = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 300 });
    const error = await replyError(context({}, { http: impatient }), replyTo('113541000000000001', 'Sorry!'));
    assert.equal(error.kind, 'unavailable');
    assert.ok(error.retryable);
    assert.match(error.message, /may have been published/);
    assert.equal(server.posted.length, 1, 'it did go out');
    const retried = await mastodonConnector.reply!(context(), replyTo('113541000000000001', 'Sorry!'));
    assert.equal(retried.externalId, server.posted[0]!.id);
    assert.equal(server.posted.length, 1);
  });

  describe('failures', () => {
    it('needs an access token that may write, and never echoes it', async () => {
      const requestsBefore = server.requests.length;
      const missing = await replyError(context({ accessToken: undefined }), replyTo('113541000000000001', 'Hi'));
      assert.equal(missing.kind, 'forbidden');
      assert.match(missing.message, /write:statuses/);
      assert.equal(server.requests.length, requestsBefore, 'nothing sent without a token');
      const readOnly = await replyError(context({ accessToken: READ_ONLY_TOKEN }), replyTo('113541000000000001', 'Hi'));
      assert.equal(readOnly.kind, 'forbidden');
      assert.match(readOnly.message, /HTTP 403: This action is outside the authorized scopes.*write:statuses/);
      const wrong = await replyError(context({ accessToken: 'tok_wrong_secret' }), replyTo('113541000000000001', 'Hi'));
      assert.equal(wrong.kind, 'forbidden');
      assert.ok(!wrong.message.includes('tok_wrong_secret'));
      assert.equal(server.posted.length, 0);
      assert.equal(mastodonConnector.canReply!(context({ accessToken: undefined }).config), false);
    });

    it('is rate-limited until X-RateLimit-Reset, for as many answers as the instance says so', async () => {
      server.failNext(429, undefined, { times: 2, path: STATUSES });
      for (let attempt = 0; attempt < 2; attempt++) {
        const error = await replyError(context(), replyTo('113541000000000001', 'Hi'));
        assert.equal(error.kind, 'rate_limited');
        assert.equal(error.retryAfterMs, 90_000);
      }
      await mastodonConnector.reply!(context(), replyTo('113541000000000001', 'Hi'));
      assert.equal(server.posted.length, 1);
    });

    it('maps a server failure to unavailable, and content the instance refuses to rejected with its reason', async () => {
      server.failNext(500, undefined, { path: STATUSES });
      const failed = await replyError(context(), replyTo('113541000000000001', 'Hi'));
      assert.equal(failed.kind, 'unavailable');
      assert.ok(failed.retryable);
      const tooLong = await replyError(context(), replyTo('113541000000000001', 'x'.repeat(501)));
      assert.equal(tooLong.kind, 'rejected');
      assert.equal(tooLong.retryable, false);
      assert.match(tooLong.message, /HTTP 422: Validation failed: Text character limit of 500 exceeded/);
      const gone = await replyError(context(), replyTo('113541000000099999', 'Hi'));
      assert.equal(gone.kind, 'rejected');
      assert.match(gone.message, /HTTP 404.*no longer exists/);
      assert.equal(server.posted.length, 0);
    });

    it('gives up at the caller\'s deadline as unavailable, and passes a deliberate abort on', async () => {
      server.hangNext({ path: STATUSES });
      const late = await replyError(context({}, { signal: AbortSignal.timeout(150) }), replyTo('113541000000000001', 'Hi'));
      assert.equal(late.kind, 'unavailable');
      assert.match(late.message, /deadline.*may have been published/);
      const stopping = new AbortController();
      server.hangNext({ path: STATUSES });
      const replying = mastodonConnector.reply!(context({}, { signal: stopping.signal }), replyTo('113541000000000001', 'Hi'));
      setTimeout(() => stopping.abort(new Error('shutting down')), 50);
      await assert.rejects(replying, /shutting down/);
    });
  });
});
