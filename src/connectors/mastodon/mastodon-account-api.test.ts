import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connectorFailure as failure } from '../connector-failure.fixture.ts';
import { createGuardedHttp } from '../http/guarded-http.ts';
import { postStatus, verifyCredentials, type MastodonCaller } from './mastodon-account-api.ts';
import { GOOD_TOKEN, READ_ONLY_TOKEN, acme, startMastodonTestServer, testNow, type MastodonTestServer } from './mastodon-test-server.ts';

const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 });
const STATUSES = '/api/v1/statuses';
const VERIFY = '/api/v1/accounts/verify_credentials';

describe("a person's own Mastodon account", () => {
  let server: MastodonTestServer;
  const caller = (options: Partial<MastodonCaller> = {}): MastodonCaller => ({ http, signal: new AbortController().signal, now: () => testNow, ...options });
  const access = (accessToken = GOOD_TOKEN) => ({ instanceUrl: server.origin, accessToken });

  beforeEach(async () => {
    await server?.close();
    server = await startMastodonTestServer();
  });
  after(() => server.close());

  describe('verify_credentials', () => {
    it('says whose token it is and how many follow them', async () => {
      server.setFollowers(5120);
      const account = await verifyCredentials(caller(), access());
      assert.deepEqual(account, { id: acme.id, acct: 'acme', username: 'acme', url: acme.url, followersCount: 5120 });
      const request = server.requests.at(-1)!;
      assert.deepEqual([request.method, request.path, request.authorization], ['GET', VERIFY, `Bearer ${GOOD_TOKEN}`]);
      assert.equal((await verifyCredentials(caller(), access(READ_ONLY_TOKEN))).id, acme.id, 'reading the account needs only the read scope');
    });

    it('says a bad token is refused, without echoing it', async () => {
      const error = await failure(verifyCredentials(caller(), access('tok_revoked_9d8e7f')));
      assert.equal(error.kind, 'forbidden');
      assert.match(error.message, /HTTP 401: The access token is invalid.*not valid/);
      assert.ok(!error.message.includes('tok_revoked_9d8e7f'));
    });

    it('is rate-limited until X-RateLimit-Reset', async () => {
      server.failNext(429, undefined, { path: VERIFY });
      const error = await failure(verifyCredentials(caller(), access()));
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.retryAfterMs, 90_000);
    });

    it('tells a server that is down, or is no Mastodon, from bad credentials', async () => {
      server.failNext(503, undefined, { path: VERIFY });
      assert.equal((await failure(verifyCredentials(caller(), access()))).kind, 'unavailable');
      assert.equal((await failure(verifyCredentials(caller(), { instanceUrl: `${server.origin}/not-mastodon`, accessToken: GOOD_TOKEN }))).kind, 'not_found');
      server.failNext(200, 'this is not json', { path: VERIFY });
      assert.equal((await failure(verifyCredentials(caller(), access()))).kind, 'invalid_response');
      const closed = await failure(verifyCredentials(caller(), { instanceUrl: 'http://127.0.0.1:9', accessToken: GOOD_TOKEN }));
      assert.equal(closed.kind, 'unavailable');
    });
  });

  describe('posting a status of its own', () => {
    it('posts a public status, not a reply, under the idempotency key', async () => {
      const published = await postStatus(caller(), access(), { text: 'We planted 1,000 trees this spring http://localhost:3000/s/Ab3dE6gH', idempotencyKey: 'share-1' });
      const request = server.requests.at(-1)!;
      assert.deepEqual(request.body, { status: 'We planted 1,000 trees this spring http://localhost:3000/s/Ab3dE6gH', visibility: 'public' });
      assert.equal(request.idempotencyKey, 'share-1');
      const [status] = server.posted;
      assert.equal(status!.in_reply_to_id, null);
      assert.deepEqual(published, { externalId: status!.id, url: status!.url, publishedAt: testNow.toISOString() });
      const again = await postStatus(caller(), access(), { text: 'We planted 1,000 trees this spring http://localhost:3000/s/Ab3dE6gH', idempotencyKey: 'share-1' });
      assert.equal(again.externalId, status!.id);
      assert.equal(server.posted.length, 1, 'the same key posts once');
    });

    it('when the answer to the post is lost, says it may be out, and the retry finds it without posting again', async () => {
      server.hangNext({ path: STATUSES, afterWrite: true });
      const impatient = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 300 });
      const lost = await failure(postStatus(caller({ http: impatient }), access(), { text: 'Proud of this', idempotencyKey: 'share-2' }));
      assert.equal(lost.kind, 'unavailable');
      assert.match(lost.message, /may have been published/);
      assert.equal(server.posted.length, 1);
      const retried = await postStatus(caller(), access(), { text: 'Proud of this', idempotencyKey: 'share-2' });
      assert.equal(retried.externalId, server.posted[0]!.id);
      assert.equal(server.posted.length, 1);
    });

    it('needs the write scope, and says what a refusal was', async () => {
      const readOnly = await failure(postStatus(caller(), access(READ_ONLY_TOKEN), { text: 'Hi', idempotencyKey: 'k' }));
      assert.equal(readOnly.kind, 'forbidden');
      assert.match(readOnly.message, /refused the status \(HTTP 403.*write:statuses/);
      server.failNext(429, undefined, { path: STATUSES });
      const limited = await failure(postStatus(caller(), access(), { text: 'Hi', idempotencyKey: 'k' }));
      assert.deepEqual([limited.kind, limited.retryAfterMs], ['rate_limited', 90_000]);
      const tooLong = await failure(postStatus(caller(), access(), { text: 'x'.repeat(501), idempotencyKey: 'k2' }));
      assert.deepEqual([tooLong.kind, tooLong.retryable], ['rejected', false]);
      assert.equal(server.posted.length, 0);
    });
  });
});
