import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { describeHttp, type SignedIn } from '../../../server/test-app.ts';
import { createGuardedHttp, type GuardedHttp } from '../../../connectors/index.ts';
import { GOOD_TOKEN, READ_ONLY_TOKEN, startMastodonTestServer, type MastodonTestServer } from '../../../connectors/mastodon/mastodon-test-server.ts';
import { APP_PASSWORD, acme as blueskyAcme, startBlueskyTestServer, type BlueskyTestServer } from '../../../connectors/bluesky/bluesky-test-server.ts';
import { recordKeyFor } from '../../../connectors/bluesky/bluesky-record-key.ts';
import { runDueJobs } from '../../../jobs/index.ts';
import { jobs } from '../../../jobs/jobs.schema.ts';
import { generateSecretKey } from '../../../secrets/index.ts';
import { advocacyPoints, advocateAccounts, shares } from '../advocacy.schema.ts';
import { startStoryPages, type StoryPages } from '../stories/story-pages.fixture.ts';
import { openScheduledShare } from './open-scheduled-share.job.ts';
import { publishShareJob } from './publish-share.job.ts';

const STATUSES = '/api/v1/statuses';

describeHttp('sharing through a connected account, and confirming a share sent by hand', (herd) => {
  let pages: StoryPages;
  let mastodon: MastodonTestServer;
  let bluesky: BlueskyTestServer;
  let admin: SignedIn;
  let storyId: string;
  let sharers = 0;
  const db = () => herd().database.db;
  const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 2_000 });

  const as = (who: SignedIn) => ({
    get: (url: string) => herd().app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object = {}) => herd().app.inject({ method: 'POST', url, headers: who.headers, payload }),
    delete: (url: string) => herd().app.inject({ method: 'DELETE', url, headers: who.headers }),
  });
  const created = (response: Awaited<ReturnType<ReturnType<typeof as>['post']>>) => {
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };
  /** The worker's turn: every publish job due now runs (with this HTTP client). */
  const runPublisher = (client: GuardedHttp = http) => runDueJobs({ db: db(), definitions: [publishShareJob], workerId: 'test', http: client, config: herd().config });
  /** Brings scheduled retries forward instead of waiting for them. */
  const retryNow = () => db().update(jobs).set({ runAt: new Date() }).where(and(eq(jobs.kind, publishShareJob.kind), eq(jobs.status, 'queued')));
  const shareRow = async (id: string) => (await db().select().from(shares).where(eq(shares.id, id)))[0]!;
  const pointsOf = async (personId: string) => db().select().from(advocacyPoints).where(eq(advocacyPoints.personId, personId));
  /** A volunteer of their own, so caps and identical texts do not carry over from test to test. */
  const newSharer = () => herd().signInAs('volunteer', { email: `publisher-${++sharers}@acme.test` });
  const connectMastodon = async (who: SignedIn, accessToken = GOOD_TOKEN) => created(await as(who).post('/api/advocacy/accounts', { network: 'mastodon', instanceUrl: mastodon.origin, accessToken }));
  const share = async (who: SignedIn, fields: object) => created(await as(who).post('/api/advocacy/shares', { storyId, ...fields })).share;

  before(async () => {
    [pages, mastodon, bluesky] = await Promise.all([startStoryPages(), startMastodonTestServer(), startBlueskyTestServer()]);
    admin = await herd().signInAs('hub_admin');
    const settings = await herd().app.inject({ method: 'PATCH', url: '/api/advocacy/settings', headers: admin.headers, payload: { sharingHours: { start: '00:00', end: '00:00' }, maxSharesPerPersonPerDay: 50, maxSharesPerStoryPerHour: 500, identicalTextWindowMinutes: 0 } });
    assert.equal(settings.statusCode, 200, settings.body);
    storyId = created(await as(admin).post('/api/advocacy/stories', { url: `${pages.origin}/blog/spring` })).id;
  });
  after(() => Promise.all([pages.close(), mastodon.close(), bluesky.close()]));

  it('publishes a share through a connected Mastodon account as a status of its own, once, with its reach and points', async () => {
    const sharer = await newSharer();
    mastodon.setFollowers(4821);
    const account = await connectMastodon(sharer);
    const made = await share(sharer, { network: 'mastodon', accountId: account.id, text: 'We planted trees with our customers this spring.' });
    assert.deepEqual([made.status, made.publishedVia, made.intentUrl, made.reach, made.accountId], ['publishing', 'account', null, 4821, account.id]);
    assert.equal((await pointsOf(sharer.personId)).length, 0, 'points when it is published');

    await runPublisher();
    const post = mastodon.requests.find((request) => request.method === 'POST' && request.idempotencyKey === made.id);
    assert.ok(post, 'the share\'s id is the idempotency key');
    assert.equal(post.body!.in_reply_to_id, undefined, 'a status of its own, not a reply');
    assert.ok(String(post.body!.status).includes(made.shortUrl));
    const status = mastodon.posted.at(-1)!;
    const row = await shareRow(made.id);
    assert.deepEqual([row.status, row.publishedExternalId, row.publishedUrl, row.publishAttempts, row.lastError], ['published', status.id, status.url, 1, null]);
    assert.ok(row.publishedAt);
    const mine = (await as(sharer).get('/api/advocacy/shares/mine')).json().items[0];
    assert.deepEqual([mine.status, mine.publishedUrl], ['published', status.url]);
    assert.deepEqual((await pointsOf(sharer.personId)).map((p) => [p.action, p.refId]), [['share', made.id]]);
    const audit = (await as(admin).get(`/api/audit?targetId=${made.id}`)).json().items.map((entry: { action: string }) => entry.action);
    assert.ok(audit.includes('share.published'), audit.join());
    await runPublisher();
    assert.equal(mastodon.posted.filter((candidate) => candidate.id === row.publishedExternalId).length, 1);
  });

  it('retries a rate-limited publish, showing why, and publishes once', async () => {
    const sharer = await newSharer();
    const account = await connectMastodon(sharer);
    const made = await share(sharer, { network: 'mastodon', accountId: account.id, text: 'Our team in Leeds dug in too.' });
    mastodon.failNext(429, undefined, { path: STATUSES });
    const postedBefore = mastodon.posted.length;
    await runPublisher();
    const waiting = await shareRow(made.id);
    assert.equal(waiting.status, 'publishing');
    assert.match(waiting.lastError ?? '', /Not published yet \(attempt 1\); trying again at .*HTTP 429/);
    const [retry] = await db().select().from(jobs).where(eq(jobs.key, `advocacy-share-publish:${made.id}:attempt-2`));
    assert.ok(retry && retry.runAt.getTime() > Date.now(), 'the next attempt is scheduled later');
    assert.equal(mastodon.posted.length, postedBefore);
    await retryNow();
    await runPublisher();
    const done = await shareRow(made.id);
    assert.deepEqual([done.status, done.publishAttempts, done.lastError], ['published', 2, null]);
    assert.equal(mastodon.posted.length, postedBefore + 1);
  });

  it('when the answer to the post is lost, the retry finds the status the server holds and never posts twice, also after a crash', async () => {
    const sharer = await newSharer();
    const account = await connectMastodon(sharer);
    const made = await share(sharer, { network: 'mastodon', accountId: account.id, text: 'A thousand trees, and I planted six of them.' });
    const postedBefore = mastodon.posted.length;
    mastodon.hangNext({ path: STATUSES, afterWrite: true });
    await runPublisher(createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 300 }));
    assert.equal(mastodon.posted.length, postedBefore + 1, 'it went out');
    const unknown = await shareRow(made.id);
    assert.equal(unknown.status, 'publishing', 'but Herd does not know it yet');
    assert.match(unknown.lastError ?? '', /may have been published/);
    // As a crash would leave it: its attempt counted, its job due again once the lease ran out.
    await retryNow();
    await runPublisher();
    const done = await shareRow(made.id);
    assert.equal(done.status, 'published');
    assert.equal(mastodon.posted.length, postedBefore + 1, 'never published twice');
    assert.equal(done.publishedExternalId, mastodon.posted.at(-1)!.id);
  });

  it('fails a share the network refuses, with its reason on the share and on the account', async () => {
    const sharer = await newSharer();
    const account = await connectMastodon(sharer, READ_ONLY_TOKEN);
    const made = await share(sharer, { network: 'mastodon', accountId: account.id, text: 'Trees, trees, trees.' });
    await runPublisher();
    const failed = await shareRow(made.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.lastError ?? '', /HTTP 403.*write:statuses/);
    const mine = (await as(sharer).get('/api/advocacy/shares/mine')).json().items[0];
    assert.deepEqual([mine.status, mine.lastError], ['failed', failed.lastError]);
    const [accountRow] = await db().select().from(advocateAccounts).where(eq(advocateAccounts.id, account.id));
    assert.match(accountRow!.lastError ?? '', /write:statuses/);
    assert.equal((await pointsOf(sharer.personId)).length, 0);
  });

  it('publishes through a connected Bluesky account, once, even when the answer to the write is lost', async () => {
    const sharer = await newSharer();
    bluesky.setFollowers(1893);
    const account = created(await as(sharer).post('/api/advocacy/accounts', { network: 'bluesky', handle: blueskyAcme.handle, appPassword: APP_PASSWORD, pdsUrl: bluesky.origin }));
    const made = await share(sharer, { network: 'bluesky', accountId: account.id, text: 'Spring planting with our customers.' });
    assert.equal(made.reach, 1893);
    bluesky.hangNext({ method: 'com.atproto.repo.createRecord', afterWrite: true });
    await runPublisher(createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 300 }));
    const rkey = recordKeyFor(made.id);
    const row = await shareRow(made.id);
    assert.equal(row.status, 'published', 'the PDS was asked for the record after the lost answer');
    assert.equal(row.publishedExternalId, `at://${blueskyAcme.did}/app.bsky.feed.post/${rkey}`);
    assert.equal(row.publishedUrl, `https://bsky.app/profile/${blueskyAcme.handle}/post/${rkey}`);
    const [record] = [...bluesky.records.values()];
    assert.equal(bluesky.records.size, 1);
    assert.equal(record!.value.reply, undefined, 'a post of its own');
    assert.ok(String(record!.value.text).includes(made.shortUrl));
  });

  it('gives a declared account\'s followers as the reach of a share opened through its compose link', async () => {
    const sharer = await newSharer();
    const linkedin = created(await as(sharer).post('/api/advocacy/accounts', { network: 'linkedin', handle: 'Jo Walker', followers: 640 }));
    const made = await share(sharer, { network: 'linkedin', accountId: linkedin.id, text: 'Look what we did this spring.' });
    assert.deepEqual([made.status, made.publishedVia, made.reach], ['opened', 'intent', 640]);
    assert.match(made.intentUrl, /^https:\/\/www\.linkedin\.com\//);
    const mismatch = await as(sharer).post('/api/advocacy/shares', { storyId, network: 'x', accountId: linkedin.id, text: 'Wrong network' });
    assert.equal(mismatch.statusCode, 400);
    const someoneElse = await newSharer();
    const notMine = await as(someoneElse).post('/api/advocacy/shares', { storyId, network: 'linkedin', accountId: linkedin.id, text: 'Not my account' });
    assert.equal(notMine.statusCode, 404);
    const plain = await share(sharer, { network: 'x', text: 'No account named here.' });
    assert.equal(plain.reach, 0);
  });

  it('publishes a scheduled share through the account when it comes due, and fails one whose account was removed', async () => {
    const sharer = await newSharer();
    const account = await connectMastodon(sharer);
    const scheduled = await share(sharer, { network: 'mastodon', accountId: account.id, text: 'Tomorrow morning: trees.', scheduledFor: '2027-03-01T09:00' });
    assert.deepEqual([scheduled.status, scheduled.publishedVia], ['scheduled', 'account']);
    await openScheduledShare(db(), scheduled.id, new Date('2027-03-01T09:00:00Z'));
    assert.equal((await shareRow(scheduled.id)).status, 'publishing');
    await runPublisher();
    assert.equal((await shareRow(scheduled.id)).status, 'published');

    const orphan = await share(sharer, { network: 'mastodon', accountId: account.id, text: 'This one will lose its account.' });
    const planned = await share(sharer, { network: 'mastodon', accountId: account.id, text: 'And this one was planned for it.', scheduledFor: '2027-03-02T09:00' });
    assert.equal((await as(sharer).delete(`/api/advocacy/accounts/${account.id}`)).statusCode, 204);
    await runPublisher();
    const failed = await shareRow(orphan.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.lastError ?? '', /removed/);
    const cancelled = await shareRow(planned.id);
    assert.deepEqual([cancelled.status, cancelled.accountId], ['cancelled', null]);
    assert.match(cancelled.lastError ?? '', /account acme@127\.0\.0\.1 it was to go out through was removed/);
  });

  it('confirms a share sent through its compose link, once, for its author only', async () => {
    const sharer = await newSharer();
    const opened = await share(sharer, { network: 'x', text: 'Sent from my phone.' });
    const someoneElse = await newSharer();
    assert.equal((await as(someoneElse).post(`/api/advocacy/shares/${opened.id}/confirm`, {})).statusCode, 404);
    assert.equal((await as(admin).post(`/api/advocacy/shares/${opened.id}/confirm`, {})).statusCode, 404);
    assert.equal((await as(sharer).post(`/api/advocacy/shares/${opened.id}/confirm`, { publishedUrl: 'javascript:alert(1)' })).statusCode, 400);
    const confirmed = await as(sharer).post(`/api/advocacy/shares/${opened.id}/confirm`, { publishedUrl: 'https://x.com/jo/status/1790000000000000000' });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.deepEqual([confirmed.json().status, confirmed.json().publishedUrl], ['published', 'https://x.com/jo/status/1790000000000000000']);
    const publishedAt = confirmed.json().publishedAt;
    assert.ok(publishedAt);
    const again = await as(sharer).post(`/api/advocacy/shares/${opened.id}/confirm`, { publishedUrl: 'https://x.com/jo/status/1' });
    assert.deepEqual([again.statusCode, again.json().publishedAt, again.json().publishedUrl], [200, publishedAt, 'https://x.com/jo/status/1790000000000000000'], 'confirming again changes nothing');

    const withoutUrl = await share(sharer, { network: 'facebook', text: 'Posted it, no link handy.' });
    const first = (await as(sharer).post(`/api/advocacy/shares/${withoutUrl.id}/confirm`, {})).json();
    assert.deepEqual([first.status, first.publishedUrl], ['published', null]);
    const later = (await as(sharer).post(`/api/advocacy/shares/${withoutUrl.id}/confirm`, { publishedUrl: 'https://facebook.com/jo/posts/1' })).json();
    assert.deepEqual([later.publishedAt, later.publishedUrl], [first.publishedAt, 'https://facebook.com/jo/posts/1'], 'the address may come later');

    const scheduled = await share(sharer, { network: 'x', text: 'Later.', scheduledFor: '2027-03-02T09:00' });
    const notYet = await as(sharer).post(`/api/advocacy/shares/${scheduled.id}/confirm`, {});
    assert.deepEqual([notYet.statusCode, notYet.json().error.details.reason], [409, 'not_opened']);
    const audit = (await as(admin).get(`/api/audit?targetId=${opened.id}`)).json().items.map((entry: { action: string }) => entry.action);
    assert.ok(audit.includes('share.confirmed'));
  });

  it('never shows a token or app password in shares or the audit log', async () => {
    const audit = (await as(admin).get('/api/audit?limit=200')).body;
    for (const secret of [GOOD_TOKEN, READ_ONLY_TOKEN, APP_PASSWORD]) assert.ok(!audit.includes(secret), secret);
    const sealed = await db().select({ credential: advocateAccounts.credential }).from(advocateAccounts);
    const credentials = sealed.map((row) => row.credential).filter((credential) => credential !== null);
    assert.ok(credentials.length > 0);
    for (const credential of credentials) assert.ok(!audit.includes(credential), 'not even sealed');
  });
}, { secretKey: generateSecretKey() });
