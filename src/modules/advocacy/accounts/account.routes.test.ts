import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestHerd, describeHttp, type SignedIn } from '../../../server/test-app.ts';
import { generateSecretKey } from '../../../secrets/index.ts';
import { GOOD_TOKEN, READ_ONLY_TOKEN, acme as mastodonAcme, startMastodonTestServer, type MastodonTestServer } from '../../../connectors/mastodon/mastodon-test-server.ts';
import { APP_PASSWORD, acme as blueskyAcme, startBlueskyTestServer, type BlueskyTestServer } from '../../../connectors/bluesky/bluesky-test-server.ts';
import { advocateAccounts } from '../advocacy.schema.ts';

const WRONG_TOKEN = 'tok_wrong_5e6f7a';
const WRONG_PASSWORD = 'zzzz-yyyy-xxxx-wwww';
/** Everything secret these tests send: none may come back in a response or the audit log. */
const SECRETS = [GOOD_TOKEN, READ_ONLY_TOKEN, WRONG_TOKEN, APP_PASSWORD, WRONG_PASSWORD];

describeHttp('advocate accounts', (herd) => {
  let mastodon: MastodonTestServer;
  let bluesky: BlueskyTestServer;
  let admin: SignedIn;
  let volunteer: SignedIn;
  let other: SignedIn;
  const bodies: string[] = [];

  const as = (who: SignedIn) => {
    const send = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
      const response = await herd().app.inject({ method, url, headers: who.headers, ...(payload && { payload }) });
      bodies.push(response.body);
      return response;
    };
    return {
      get: (url: string) => send('GET', url),
      post: (url: string, payload: object = {}) => send('POST', url, payload),
      patch: (url: string, payload: object) => send('PATCH', url, payload),
      delete: (url: string) => send('DELETE', url),
    };
  };
  const connectMastodon = (who: SignedIn, accessToken = GOOD_TOKEN) => as(who).post('/api/advocacy/accounts', { network: 'mastodon', instanceUrl: mastodon.origin, accessToken });
  const rowOf = async (id: string) => (await herd().database.db.select().from(advocateAccounts).where(eq(advocateAccounts.id, id)))[0];

  before(async () => {
    [mastodon, bluesky] = await Promise.all([startMastodonTestServer(), startBlueskyTestServer()]);
    admin = await herd().signInAs('hub_admin');
    volunteer = await herd().signInAs('volunteer');
    other = await herd().signInAs('volunteer');
  });
  after(() => Promise.all([mastodon.close(), bluesky.close()]));

  it('declares an account with its followers, changes them, and refuses the same account twice', async () => {
    const declared = await as(volunteer).post('/api/advocacy/accounts', { network: 'linkedin', handle: ' Jo Walker ', followers: 640 });
    assert.equal(declared.statusCode, 201, declared.body);
    assert.deepEqual([declared.json().network, declared.json().handle, declared.json().followers, declared.json().connected], ['linkedin', 'Jo Walker', 640, false]);
    const changed = await as(volunteer).patch(`/api/advocacy/accounts/${declared.json().id}`, { followers: 700 });
    assert.equal(changed.json().followers, 700);
    const twice = await as(volunteer).post('/api/advocacy/accounts', { network: 'linkedin', handle: 'Jo Walker', followers: 1 });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.details.reason, 'duplicate_account');
    const refresh = await as(volunteer).post(`/api/advocacy/accounts/${declared.json().id}/refresh`);
    assert.equal(refresh.statusCode, 409, 'a declared account has nothing to read');
    assert.equal((await as(volunteer).patch(`/api/advocacy/accounts/${declared.json().id}`, { accessToken: 'x' })).statusCode, 400);
    assert.equal((await as(volunteer).post('/api/advocacy/accounts', { network: 'x', handle: '@jo' })).statusCode, 400, 'followers are required');
  });

  it('connects a Mastodon account: the server says who it is and how many follow it, and the token stays sealed', async () => {
    mastodon.setFollowers(4821);
    const response = await connectMastodon(volunteer);
    assert.equal(response.statusCode, 201, response.body);
    const account = response.json();
    assert.deepEqual(
      [account.network, account.handle, account.serverUrl, account.externalId, account.followers, account.connected, account.lastError],
      ['mastodon', 'acme@127.0.0.1', mastodon.origin, mastodonAcme.id, 4821, true, null],
    );
    assert.equal('credential' in account, false);
    assert.equal(mastodon.requests.at(-1)!.path, '/api/v1/accounts/verify_credentials');
    const row = await rowOf(account.id);
    assert.ok(row!.credential && !row!.credential.includes(GOOD_TOKEN), 'stored sealed');
    const listed = (await as(volunteer).get('/api/advocacy/accounts')).json().items;
    assert.ok(listed.some((item: { id: string }) => item.id === account.id));

    mastodon.setFollowers(5002);
    const refreshed = await as(volunteer).post(`/api/advocacy/accounts/${account.id}/refresh`);
    assert.equal(refreshed.statusCode, 200, refreshed.body);
    assert.equal(refreshed.json().followers, 5002);
    const again = await connectMastodon(volunteer);
    assert.equal(again.json().id, account.id, 'connecting the same account again replaces its credential');
  });

  it('connects a Bluesky account with an app password, on its PDS', async () => {
    bluesky.setFollowers(1893);
    const response = await as(volunteer).post('/api/advocacy/accounts', { network: 'bluesky', handle: `@${blueskyAcme.handle}`, appPassword: APP_PASSWORD, pdsUrl: bluesky.origin });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual([response.json().handle, response.json().externalId, response.json().followers, response.json().connected], [blueskyAcme.handle, blueskyAcme.did, 1893, true]);
    const wrong = await as(volunteer).post('/api/advocacy/accounts', { network: 'bluesky', handle: blueskyAcme.handle, appPassword: WRONG_PASSWORD, pdsUrl: bluesky.origin });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().error.code, 'ACCOUNT_CREDENTIALS_REJECTED');
  });

  it('says why an account cannot be connected: a bad token, a rate limit, a server down or out of bounds', async () => {
    const bad = await connectMastodon(volunteer, WRONG_TOKEN);
    assert.equal(bad.statusCode, 422);
    assert.deepEqual([bad.json().error.code, bad.json().error.details.reason], ['ACCOUNT_CREDENTIALS_REJECTED', 'bad_credentials']);
    assert.match(bad.json().error.message, /Mastodon refused the credentials: .*HTTP 401/);
    mastodon.failNext(429, undefined, { path: '/api/v1/accounts/verify_credentials' });
    const limited = await connectMastodon(volunteer);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.details.reason, 'rate_limited');
    assert.equal(typeof limited.json().error.details.retryAfterSeconds, 'number');
    const down = await as(volunteer).post('/api/advocacy/accounts', { network: 'mastodon', instanceUrl: 'http://127.0.0.1:9', accessToken: GOOD_TOKEN });
    assert.deepEqual([down.statusCode, down.json().error.code, down.json().error.details.reason], [502, 'NETWORK_UNREACHABLE', 'unreachable']);
    const inside = await as(volunteer).post('/api/advocacy/accounts', { network: 'mastodon', instanceUrl: '10.1.2.3', accessToken: GOOD_TOKEN });
    assert.deepEqual([inside.statusCode, inside.json().error.details.reason], [400, 'blocked_address']);
    const notAddress = await as(volunteer).post('/api/advocacy/accounts', { network: 'mastodon', instanceUrl: 'ftp://toot.example', accessToken: GOOD_TOKEN });
    assert.equal(notAddress.statusCode, 400);
  });

  it('takes a new token for a connected account only when it is the same account\'s, and keeps the refusal on the account', async () => {
    const account = (await connectMastodon(volunteer)).json();
    const wrong = await as(volunteer).patch(`/api/advocacy/accounts/${account.id}`, { accessToken: WRONG_TOKEN });
    assert.equal(wrong.statusCode, 422);
    const renewed = await as(volunteer).patch(`/api/advocacy/accounts/${account.id}`, { accessToken: READ_ONLY_TOKEN });
    assert.equal(renewed.statusCode, 200, renewed.body);
    assert.equal((await as(volunteer).patch(`/api/advocacy/accounts/${account.id}`, { followers: 9 })).statusCode, 400, 'followers come from the network');
    mastodon.failNext(401, JSON.stringify({ error: 'The access token was revoked' }), { path: '/api/v1/accounts/verify_credentials' });
    const revoked = await as(volunteer).post(`/api/advocacy/accounts/${account.id}/refresh`);
    assert.equal(revoked.statusCode, 422);
    assert.match((await rowOf(account.id))!.lastError ?? '', /revoked/);
  });

  it('shows and changes only a person\'s own accounts', async () => {
    const mine = (await as(volunteer).post('/api/advocacy/accounts', { network: 'facebook', handle: 'jo.w', followers: 80 })).json();
    assert.ok(!(await as(other).get('/api/advocacy/accounts')).json().items.some((item: { id: string }) => item.id === mine.id));
    for (const who of [other, admin]) {
      assert.equal((await as(who).patch(`/api/advocacy/accounts/${mine.id}`, { followers: 1 })).statusCode, 404);
      assert.equal((await as(who).delete(`/api/advocacy/accounts/${mine.id}`)).statusCode, 404);
      assert.equal((await as(who).post(`/api/advocacy/accounts/${mine.id}/refresh`)).statusCode, 404);
    }
    assert.equal((await rowOf(mine.id))!.followers, 80);
  });

  it('disconnects an account: the credential is deleted with it', async () => {
    const account = (await connectMastodon(other)).json();
    const removed = await as(other).delete(`/api/advocacy/accounts/${account.id}`);
    assert.equal(removed.statusCode, 204);
    assert.equal(await rowOf(account.id), undefined);
    assert.equal((await as(other).delete(`/api/advocacy/accounts/${account.id}`)).statusCode, 404);
    const audit = (await as(admin).get(`/api/audit?targetId=${account.id}`)).json().items.map((entry: { action: string }) => entry.action);
    assert.deepEqual(audit.sort(), ['advocate-account.connected', 'advocate-account.disconnected']);
  });

  it('refuses to keep a credential without a key on PostgreSQL, naming HERD_SECRET_KEY, before sending it anywhere', async () => {
    const keyless = await createTestHerd(herd().database, { databaseUrl: 'postgres://herd@127.0.0.1:1/elsewhere', secretKey: undefined });
    try {
      const person = await keyless.signInAs('volunteer', { org: 'keyless' });
      const before = mastodon.requests.length;
      const refused = await keyless.app.inject({ method: 'POST', url: '/api/advocacy/accounts', headers: person.headers, payload: { network: 'mastodon', instanceUrl: mastodon.origin, accessToken: GOOD_TOKEN } });
      assert.equal(refused.statusCode, 503);
      assert.equal(refused.json().error.code, 'SECRET_KEY_REQUIRED');
      assert.match(refused.json().error.message, /HERD_SECRET_KEY/);
      assert.equal(mastodon.requests.length, before);
      const declared = await keyless.app.inject({ method: 'POST', url: '/api/advocacy/accounts', headers: person.headers, payload: { network: 'x', handle: '@jo', followers: 12 } });
      assert.equal(declared.statusCode, 201, 'declaring needs no key');
    } finally {
      await keyless.app.close();
    }
  });

  it('never shows a token or app password, in answers or in the audit log', async () => {
    const audit = await as(admin).get('/api/audit?limit=200');
    assert.equal(audit.statusCode, 200);
    assert.ok(audit.json().items.some((entry: { action: string }) => entry.action === 'advocate-account.connected'));
    const rows = await herd().database.db.select({ credential: advocateAccounts.credential }).from(advocateAccounts);
    for (const secret of SECRETS) {
      for (const body of bodies) assert.ok(!body.includes(secret), `${secret} in ${body.slice(0, 200)}`);
      for (const row of rows) assert.ok(!row.credential?.includes(secret));
    }
  });
}, { secretKey: generateSecretKey() });
