import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { describeHttp, type SignedIn } from '../../../server/test-app.ts';
import { createGuardedHttp } from '../../../connectors/index.ts';
import { statusToPost } from '../../../connectors/mastodon/mastodon-status.ts';
import { GOOD_TOKEN, TAG, startMastodonTestServer, type MastodonTestServer } from '../../../connectors/mastodon/mastodon-test-server.ts';
import { runDueJobs } from '../../../jobs/index.ts';
import { jobs } from '../../../jobs/jobs.schema.ts';
import { ingestPosts, type IngestTarget, type PostToStore } from '../../listening/index.ts';
import { enrichMentions } from '../../triage/index.ts';
import { routeStoredMentions } from '../../routing/index.ts';
import { respondModule } from '../../respond/index.ts';
import { advocacyModule } from '../advocacy.module.ts';
import { advocacyBadges, advocacyPoints, linkClicks, shares } from '../advocacy.schema.ts';
import { advocacySettingsOf } from '../shares/advocacy-settings.ts';
import { startStoryPages, type StoryPages } from '../stories/story-pages.fixture.ts';
import { awardPoints } from './points.ts';
import { awardBadges } from './badge-awards.ts';
import { awardClickPoints } from './click-points.job.ts';
import { awardHelpfulAnswer } from './helpful-answer.job.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
const DAY_MS = 86_400_000;
const ALL_DAY = { sharingHours: { start: '00:00', end: '00:00' }, maxSharesPerPersonPerDay: 50, maxSharesPerStoryPerHour: 500, identicalTextWindowMinutes: 0 };
const utcDay = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

describeHttp('recognition: points, badges, leaderboards, participation', (herd) => {
  let pages: StoryPages;
  let mastodon: MastodonTestServer;
  let admin: SignedIn;
  let careId: string;
  let fileSource: IngestTarget;
  let mastodonSource: IngestTarget;
  let people = 0;
  let texts = 0;
  const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 1_000 });
  const db = () => herd().database.db;

  const as = (who: SignedIn) => ({
    get: (url: string) => herd().app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object = {}) => herd().app.inject({ method: 'POST', url, headers: who.headers, payload }),
    patch: (url: string, payload: object) => herd().app.inject({ method: 'PATCH', url, headers: who.headers, payload }),
  });
  const ok = async (response: Awaited<ReturnType<ReturnType<typeof as>['get']>>, status = 200) => {
    assert.equal(response.statusCode, status, response.body);
    return response.json();
  };
  const signIn = (role: Parameters<ReturnType<typeof herd>['signInAs']>[0], org: string, spokeId: string | null = null) =>
    herd().signInAs(role, { org, spokeId, email: `${role}-${++people}@${org}.test` });
  const spoke = async (who: SignedIn, name: string, kind = 'department') => (await ok(await as(who).post('/api/spokes', { kind, name }), 201)).id as string;
  const liveStory = async (who: SignedIn) => ok(await as(who).post('/api/advocacy/stories', { url: `${pages.origin}/blog/spring` }), 201);
  const share = async (who: SignedIn, storyId: string, network = 'linkedin') =>
    (await ok(await as(who).post('/api/advocacy/shares', { storyId, network, text: `My own words, take ${++texts}: we planted trees.` }), 201)).share as { id: string; shortUrl: string };
  const pointsOf = async (personId: string) => db().select().from(advocacyPoints).where(eq(advocacyPoints.personId, personId)).orderBy(advocacyPoints.refId);
  const badgesOf = async (personId: string) => (await db().select().from(advocacyBadges).where(eq(advocacyBadges.personId, personId))).map((row) => row.badge).sort();
  /** A worker's turns, until nothing is due: respond publishes, events fan out, advocacy scores. */
  const runWorkers = async () => {
    for (let pass = 0; pass < 5; pass++) {
      if (await runDueJobs({ db: db(), definitions: [...respondModule.jobs!, ...advocacyModule.jobs!], workerId: 'test', http }) === 0) return;
    }
  };

  before(async () => {
    pages = await startStoryPages();
    mastodon = await startMastodonTestServer();
    admin = await herd().signInAs('hub_admin');
    careId = await spoke(admin, 'Care');
    await ok(await as(admin).patch('/api/advocacy/settings', ALL_DAY));
    // Conversations reach Care; no reply needs approval, so a reply goes out as it is sent.
    await ok(await as(admin).post('/api/routing/rules', { name: 'All to Care', conditions: [], actions: { routeTo: { spokeId: careId } } }), 201);
    await ok(await as(admin).patch('/api/respond/settings', { urgencyThreshold: 101, reachThreshold: 1_000_000, approvalForFindings: 'none' }));
    const file = await ok(await as(admin).post('/api/sources', { kind: 'file', name: 'Reviews', config: {}, matchMode: 'all' }), 201);
    fileSource = { id: file.id, orgId: admin.orgId, name: 'Reviews', matchMode: 'all' };
    const toots = await ok(await as(admin).post('/api/sources', { kind: 'mastodon', name: 'Mastodon', config: { instanceUrl: mastodon.origin, mode: 'hashtag', value: TAG, accessToken: GOOD_TOKEN }, matchMode: 'all' }), 201);
    mastodonSource = { id: toots.id, orgId: admin.orgId, name: 'Mastodon', matchMode: 'all' };
  });
  after(async () => {
    await pages.close();
    await mastodon.close();
  });

  it('scores a share and an approved story once, however often the award is retried', async () => {
    const sharer = await signIn('volunteer', 'acme', careId);
    const story = await liveStory(admin);
    const shared = await share(sharer, story.id);
    const settings = await advocacySettingsOf(db(), admin.orgId);
    assert.equal(await awardPoints(db(), settings, { orgId: admin.orgId, personId: sharer.personId, action: 'share', refId: shared.id }), false, 'a retried award adds nothing');

    const suggested = await ok(await as(sharer).post('/api/advocacy/stories', { url: `${pages.origin}/blog/plain` }), 201);
    await ok(await as(admin).post(`/api/advocacy/stories/${suggested.id}/review`, { decision: 'approve' }));
    assert.equal(await awardPoints(db(), settings, { orgId: admin.orgId, personId: sharer.personId, action: 'story_approved', refId: suggested.id }), false);
    assert.deepEqual((await pointsOf(sharer.personId)).map((p) => [p.action, p.points, p.refId]).sort(), [['share', 10, shared.id], ['story_approved', 20, suggested.id]]);
    assert.deepEqual(await badgesOf(sharer.personId), ['first-share', 'story-scout']);
  });

  it('turns the recorded clicks into points per share and day: open days recomputed, closed days kept, nothing twice', async () => {
    await ok(await as(admin).patch('/api/advocacy/settings', { points: { share: 10, click: 2, story_approved: 20, helpful_answer: 5 } }));
    const sharer = await signIn('volunteer', 'acme', careId);
    const shared = await share(sharer, (await liveStory(admin)).id, 'x');
    const code = shared.shortUrl.split('/s/')[1]!;
    const follow = async (visitor: number) => {
      const response = await herd().app.inject({ method: 'GET', url: `/s/${code}`, remoteAddress: `203.0.113.${visitor}`, headers: { 'user-agent': FIREFOX } });
      assert.equal(response.statusCode, 302);
    };
    for (const visitor of [1, 2, 3, 1]) await follow(visitor);
    const oldFirstClick = new Date(`${utcDay(5)}T08:30:00.000Z`);
    await db().insert(linkClicks).values([
      { code, day: utcDay(1), visitor: 'yesterday-1', firstAt: new Date(`${utcDay(1)}T10:00:00.000Z`) },
      { code, day: utcDay(1), visitor: 'yesterday-2', firstAt: new Date(`${utcDay(1)}T11:00:00.000Z`) },
      { code, day: utcDay(5), visitor: 'earlier-1', firstAt: oldFirstClick },
    ]);
    const clickRows = async () => (await pointsOf(sharer.personId)).filter((p) => p.action === 'click').map((p) => [p.refId, p.points]);

    assert.deepEqual(await awardClickPoints(db(), admin.orgId), { added: 3, updated: 0 });
    assert.deepEqual(await clickRows(), [[`${utcDay(5)}:${shared.id}`, 2], [`${utcDay(1)}:${shared.id}`, 4], [`${utcDay(0)}:${shared.id}`, 6]], 'unique visitors × 2 per day');
    const [old] = await db().select().from(advocacyPoints).where(eq(advocacyPoints.refId, `${utcDay(5)}:${shared.id}`));
    assert.equal(old!.at.toISOString(), oldFirstClick.toISOString(), 'dated by the day\'s first click, so periods count it on its day');
    assert.deepEqual(await awardClickPoints(db(), admin.orgId), { added: 0, updated: 0 }, 'a second sweep changes nothing');

    await follow(4);
    await db().insert(linkClicks).values({ code, day: utcDay(5), visitor: 'earlier-late', firstAt: oldFirstClick });
    assert.deepEqual(await awardClickPoints(db(), admin.orgId), { added: 0, updated: 1 });
    assert.deepEqual(await clickRows(), [[`${utcDay(5)}:${shared.id}`, 2], [`${utcDay(1)}:${shared.id}`, 4], [`${utcDay(0)}:${shared.id}`, 8]], 'today recomputed; a closed day keeps its points');
    assert.ok((await badgesOf(sharer.personId)).includes('first-click'));

    const next = await db().select().from(jobs).where(and(eq(jobs.kind, 'advocacy.award-click-points'), like(jobs.key, `advocacy-click-points:${admin.orgId}:%`), eq(jobs.status, 'queued')));
    assert.ok(next.length >= 1, 'the sweep waits for the next hour slot');
    assert.ok(next.every((job) => job.runAt.getTime() > Date.now() && job.runAt.getTime() <= Date.now() + 60 * 60_000));

    // The worker's sweep (brought forward) counts the new click and puts the next slot on the queue.
    await follow(5);
    await db().update(jobs).set({ runAt: new Date() }).where(and(eq(jobs.kind, 'advocacy.award-click-points'), eq(jobs.status, 'queued')));
    await runWorkers();
    assert.equal((await clickRows()).at(-1)![1], 10);
    const after = await db().select().from(jobs).where(and(eq(jobs.kind, 'advocacy.award-click-points'), eq(jobs.status, 'queued')));
    const lastSlot = Math.max(...next.map((job) => job.runAt.getTime()));
    assert.deepEqual(after.map((job) => job.runAt.getTime()), [lastSlot + 60 * 60_000], 'the slot after the one that ran');
    await ok(await as(admin).patch('/api/advocacy/settings', { points: { share: 10, click: 1, story_approved: 20, helpful_answer: 5 } }));
  });

  it('gives a helpful answer its points once when the reply is published, by hand or through the network', async () => {
    const answerer = await signIn('volunteer', 'acme', careId);
    const conversationFor = async (mentionIds: string[]) => {
      await enrichMentions(db(), admin.orgId, mentionIds);
      const [routed] = await routeStoredMentions(db(), admin.orgId, mentionIds);
      await ok(await as(admin).post(`/api/conversations/${routed!.conversationId}/assign`, { personId: answerer.personId }));
      return routed!.conversationId;
    };
    const reply = async (conversationId: string, text: string) => (await ok(await as(answerer).post(`/api/conversations/${conversationId}/replies`, { text }), 201)).reply as { id: string; status: string };

    const { mentionIds } = await ingestPosts(db(), fileSource, [{ externalId: 'review-1', text: 'Where is my parcel?', language: 'en', createdAt: new Date().toISOString() }]);
    const byHand = await reply(await conversationFor(mentionIds), 'It left our depot this morning, it should be with you tomorrow.');
    assert.equal(byHand.status, 'awaiting_manual');
    await runWorkers();
    assert.equal((await pointsOf(answerer.personId)).length, 0, 'not before it is out');
    await ok(await as(answerer).post(`/api/replies/${byHand.id}/sent-by-hand`, { url: 'https://reviews.example/r/1' }));
    await runWorkers();
    assert.deepEqual((await pointsOf(answerer.personId)).map((p) => [p.action, p.points, p.refId]), [['helpful_answer', 5, byHand.id]]);
    assert.equal(await awardHelpfulAnswer(db(), admin.orgId, answerer.personId, byHand.id), false, 'the event delivered again scores nothing');

    const post = statusToPost(mastodon.tagStatuses[0]!, new URL(mastodon.origin).hostname) as PostToStore;
    const stored = await ingestPosts(db(), mastodonSource, [JSON.parse(JSON.stringify(post))]);
    const published = await reply(await conversationFor(stored.mentionIds), 'Sorry about that! A replacement is on its way. (I work at Acme)');
    assert.equal(published.status, 'approved');
    await runWorkers();
    assert.equal(mastodon.posted.length, 1, 'published through the network');
    const helpful = (await pointsOf(answerer.personId)).filter((p) => p.action === 'helpful_answer').map((p) => p.refId).sort();
    assert.deepEqual(helpful, [byHand.id, published.id].sort());
  });

  it('awards each badge once, dated, and shows a person their points, badges and rank', async () => {
    const sharer = await signIn('volunteer', 'acme', careId);
    const story = await liveStory(admin);
    for (const network of ['linkedin', 'x', 'facebook']) await share(sharer, story.id, network);
    assert.deepEqual(await badgesOf(sharer.personId), ['first-share', 'three-networks']);
    assert.deepEqual(await awardBadges(db(), admin.orgId, sharer.personId), [], 'held badges are not awarded again');
    assert.equal((await badgesOf(sharer.personId)).length, 2);

    const mine = await ok(await as(sharer).get('/api/advocacy/me/recognition'));
    assert.equal(mine.points, 30);
    assert.deepEqual(mine.byAction, [{ action: 'share', points: 30 }, { action: 'click', points: 0 }, { action: 'story_approved', points: 0 }, { action: 'helpful_answer', points: 0 }]);
    assert.deepEqual(mine.stats, { shares: 3, networks: 3, clicks: 0, storiesApproved: 0, helpfulAnswers: 0 });
    assert.deepEqual(mine.badges.map((b: { id: string }) => b.id).sort(), ['first-share', 'three-networks']);
    assert.ok(mine.badges.every((b: { awardedAt: string }) => Math.abs(Date.parse(b.awardedAt) - Date.now()) < 60_000), 'dated today');
    assert.ok(mine.toEarn.some((b: { id: string }) => b.id === 'ten-shares'));
    assert.equal(mine.leaderboards, true);
    assert.equal(typeof mine.rank.all, 'number');
  });

  it('ranks people by points in a period, overall or per spoke, with ties broken the same way every time', async () => {
    const boss = await signIn('hub_admin', 'board');
    const [north, south] = [await spoke(boss, 'North'), await spoke(boss, 'South', 'store')];
    const [ann, bob, cat, dan] = [await signIn('volunteer', 'board', north), await signIn('volunteer', 'board', north), await signIn('volunteer', 'board', south), await signIn('volunteer', 'board', south)];
    const award = (who: SignedIn, points: number, at?: string) =>
      db().insert(advocacyPoints).values({ orgId: boss.orgId, personId: who.personId, action: 'share', points, refId: randomUUID(), ...(at && { at: new Date(at) }) });
    await award(ann, 20, '2024-03-10T12:00:00Z');
    await award(ann, 10);
    await award(bob, 30, '2024-03-05T12:00:00Z');
    await award(cat, 25);
    await award(dan, 100);
    await db().insert(advocacyBadges).values({ orgId: boss.orgId, personId: bob.personId, badge: 'first-share' });
    await ok(await as(boss).patch(`/api/people/${dan.personId}`, { status: 'left' }));
    const board = async (who: SignedIn, query: string) => ok(await as(who).get(`/api/advocacy/leaderboard?${query}`));
    const names = (body: { items: { name: string; points: number; rank: number }[] }) => body.items.map((item) => [item.rank, item.name, item.points]);
    const nameOf = async (who: SignedIn) => (await ok(await as(boss).get(`/api/people/${who.personId}`))).name as string;
    const [annName, bobName, catName] = [await nameOf(ann), await nameOf(bob), await nameOf(cat)];

    const allTime = await board(ann, 'period=all');
    assert.deepEqual(names(allTime), [[1, bobName, 30], [2, annName, 30], [3, catName, 25]], 'bob reached 30 first; dan left; the admin has no points');
    assert.deepEqual(allTime.items[0].spokes, [{ id: north, name: 'North' }]);
    assert.deepEqual(allTime.items.map((item: { badges: number }) => item.badges), [1, 0, 0]);
    assert.deepEqual([allTime.ranked, allTime.myRank, allTime.period.name], [3, 2, 'all']);
    assert.deepEqual(names(await board(ann, 'period=week')), [[1, catName, 25], [2, annName, 10]]);
    assert.deepEqual(names(await board(ann, '')), [[1, catName, 25], [2, annName, 10]], 'this month by default');
    const march = await board(ann, 'from=2024-03-01&to=2024-03-31');
    assert.deepEqual(names(march), [[1, bobName, 30], [2, annName, 20]]);
    assert.deepEqual(march.period, { name: 'custom', from: '2024-03-01T00:00:00.000Z', to: '2024-04-01T00:00:00.000Z' });
    const southBoard = await board(cat, `period=all&spokeId=${south}`);
    assert.deepEqual([names(southBoard), southBoard.spoke], [[[1, catName, 25]], { id: south, name: 'South' }]);
    const top = await board(cat, 'period=all&limit=1');
    assert.deepEqual([top.items.length, top.ranked, top.myRank], [1, 3, 3]);
    assert.equal((await as(ann).get(`/api/advocacy/leaderboard?spokeId=${careId}`)).statusCode, 404, 'another organization\'s spoke');
    assert.equal((await as(ann).get('/api/advocacy/leaderboard?from=2024-03-31&to=2024-03-01')).statusCode, 400);

    await ok(await as(boss).patch('/api/advocacy/settings', { leaderboards: false }));
    for (const who of [ann, boss]) {
      const off = await as(who).get('/api/advocacy/leaderboard');
      assert.equal(off.statusCode, 403);
      assert.equal(off.json().error.code, 'LEADERBOARDS_OFF');
    }
    const mine = await ok(await as(ann).get('/api/advocacy/me/recognition'));
    assert.deepEqual([mine.points, mine.leaderboards, mine.rank], [30, false, null], 'one\'s own points stay visible');
    await ok(await as(boss).patch('/api/advocacy/settings', { leaderboards: true }));
    assert.deepEqual((await ok(await as(ann).get('/api/advocacy/me/recognition'))).rank, { week: 2, month: 2, all: 2 });
  });

  it('shows participation by spoke in a period to the hub, PR leads and analysts', async () => {
    const boss = await signIn('hub_admin', 'reach');
    await ok(await as(boss).patch('/api/advocacy/settings', ALL_DAY));
    const [marketing, care, leeds] = [await spoke(boss, 'Marketing'), await spoke(boss, 'Care'), await spoke(boss, 'Leeds', 'store')];
    const [mk1, mk2] = [await signIn('volunteer', 'reach', marketing), await signIn('volunteer', 'reach', marketing)];
    await signIn('volunteer', 'reach', marketing);
    const [care1, care2] = [await signIn('volunteer', 'reach', care), await signIn('volunteer', 'reach', care)];
    const leeds1 = await signIn('spoke_lead', 'reach', leeds);
    await ok(await as(boss).post('/api/memberships', { personId: care2.personId, spokeId: leeds, role: 'volunteer' }), 201);
    const story = await liveStory(boss);
    await share(mk1, story.id, 'linkedin');
    await share(mk1, story.id, 'x');
    await share(mk2, story.id);
    await share(care2, story.id);
    const old = await share(leeds1, story.id);
    await db().update(shares).set({ createdAt: new Date('2024-01-01T09:00:00Z') }).where(eq(shares.id, old.id));
    await awardHelpfulAnswer(db(), boss.orgId, care1.personId, randomUUID());

    const month = await ok(await as(await signIn('analyst', 'reach')).get('/api/advocacy/participation'));
    const counts = ['members', 'sharers', 'answerers', 'participants', 'participation', 'shares'] as const;
    const row = (body: { items: Record<string, unknown>[] }, name: string) => {
      const item = body.items.find((candidate) => candidate.name === name)!;
      return Object.fromEntries(counts.map((count) => [count, item[count]])) as Record<(typeof counts)[number], number>;
    };
    assert.deepEqual(row(month, 'Marketing'), { members: 3, sharers: 2, answerers: 0, participants: 2, participation: 0.667, shares: 3 });
    assert.deepEqual(row(month, 'Care'), { members: 2, sharers: 1, answerers: 1, participants: 2, participation: 1, shares: 1 });
    assert.deepEqual(row(month, 'Leeds'), { members: 2, sharers: 1, answerers: 0, participants: 1, participation: 0.5, shares: 1 }, 'care2 counts in both spokes; the old share is outside the month');
    assert.deepEqual(month.totals, { members: 6, sharers: 3, answerers: 1, participants: 4, participation: 0.667, shares: 4 });
    assert.equal(month.items.find((item: { name: string }) => item.name === 'Leeds').kind, 'store');

    const allTime = await ok(await as(boss).get('/api/advocacy/participation?period=all'));
    assert.deepEqual([row(allTime, 'Leeds').sharers, row(allTime, 'Leeds').shares, allTime.totals.shares], [2, 2, 5]);
    const newYear = await ok(await as(await signIn('pr_lead', 'reach')).get('/api/advocacy/participation?from=2024-01-01&to=2024-01-01'));
    assert.deepEqual([row(newYear, 'Leeds').shares, newYear.totals.shares, newYear.totals.sharers], [1, 1, 1]);

    for (const who of [mk1, leeds1]) assert.equal((await as(who).get('/api/advocacy/participation')).statusCode, 403, 'volunteers and spoke leads do not measure the programme');
  });
});
