import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { describeHttp, type SignedIn } from '../../../server/test-app.ts';
import { createGuardedHttp } from '../../../connectors/index.ts';
import { startFeedTestServer, type FeedTestServer } from '../../../connectors/rss/feed-test-server.ts';
import { jobs } from '../../../jobs/jobs.schema.ts';
import { runDueJobs } from '../../../jobs/index.ts';
import { stories, storyFeeds } from '../advocacy.schema.ts';
import { MAX_NEW_STORIES_PER_POLL, pollDueStoryFeed, pollStoryFeedJob, STORY_FEED_INTERVAL_MS } from './poll-story-feed.job.ts';

const HOUR = 3_600_000;
interface Item { guid: string; hoursAgo?: number; image?: string }

/** A company newsroom feed whose items are dated relative to now. */
const newsroom = (items: Item[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Acme Newsroom</title><link>https://news.acme.example/</link>
${items.map(({ guid, hoursAgo, image }) => `<item><guid isPermaLink="false">${guid}</guid><title>News ${guid}</title>
  <link>https://news.acme.example/${guid}</link>${hoursAgo === undefined ? '' : `<pubDate>${new Date(Date.now() - hoursAgo * HOUR).toUTCString()}</pubDate>`}
  <description>&lt;p&gt;What we did for ${guid}, and why it matters.&lt;/p&gt;</description>${image ? `<enclosure url="${image}" type="image/jpeg" length="1000"/>` : ''}</item>`).join('\n')}
</channel></rss>`;

describeHttp('story feeds', (herd) => {
  let server: FeedTestServer;
  let admin: SignedIn;
  let prLead: SignedIn;
  let careLead: SignedIn;
  let storeLead: SignedIn;
  let volunteer: SignedIn;
  let careId: string;
  let storeId: string;
  let paths = 0;

  const http = createGuardedHttp({ allowHosts: ['127.0.0.1'] });
  const send = (who: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    herd().app.inject({ method, url, headers: who.headers, ...(payload && { payload }) });
  /** A new feed document on the test server, at its own path. */
  const publish = (items: Item[], path = `/news-${++paths}.xml`) => {
    server.setDocument(path, newsroom(items), 'application/rss+xml; charset=utf-8');
    return path;
  };
  const addFeed = async (who: SignedIn, path: string, fields: object = {}) => {
    const response = await send(who, 'POST', '/api/advocacy/feeds', { url: server.url(path), ...fields });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };
  const pollNow = async (who: SignedIn, feedId: string) => {
    const response = await send(who, 'POST', `/api/advocacy/feeds/${feedId}/poll`, {});
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const storiesOf = (feedId: string) => herd().database.db.select().from(stories).where(eq(stories.feedId, feedId));
  const requestsTo = (path: string) => server.requests.filter((request) => request.path === path);

  before(async () => {
    server = await startFeedTestServer();
    admin = await herd().signInAs('hub_admin');
    careId = (await send(admin, 'POST', '/api/spokes', { kind: 'department', name: 'Care' })).json().id;
    storeId = (await send(admin, 'POST', '/api/spokes', { kind: 'store', name: 'Leeds' })).json().id;
    prLead = await herd().signInAs('pr_lead');
    careLead = await herd().signInAs('spoke_lead', { spokeId: careId });
    storeLead = await herd().signInAs('spoke_lead', { spokeId: storeId });
    volunteer = await herd().signInAs('volunteer', { spokeId: careId });
  });
  after(() => server.close());

  it('adds, lists, changes and removes feeds, refusing a second feed at the same address, with audit entries', async () => {
    const path = publish([]);
    const feed = await addFeed(prLead, path, { title: 'Newsroom' });
    assert.deepEqual([feed.title, feed.spokeId, feed.autoApprove, feed.enabled, feed.createdBy], ['Newsroom', null, false, true, prLead.personId]);
    assert.equal('etag' in feed, false);
    const again = await send(admin, 'POST', '/api/advocacy/feeds', { url: server.url(`/.${path}`) });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, 'CONFLICT');
    assert.match(again.json().error.message, /already has a story feed/);
    assert.equal((await send(admin, 'POST', '/api/advocacy/feeds', { url: 'ftp://127.0.0.1/feed.xml' })).statusCode, 400);
    assert.equal((await send(admin, 'POST', '/api/advocacy/feeds', { url: server.url(publish([])), spokeId: '00000000-0000-4000-8000-000000000000' })).statusCode, 404);

    const changed = await send(admin, 'PATCH', `/api/advocacy/feeds/${feed.id}`, { autoApprove: true, spokeId: careId, title: 'Care news' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual([changed.json().autoApprove, changed.json().spokeId, changed.json().title], [true, careId, 'Care news']);
    assert.equal((await send(admin, 'PATCH', `/api/advocacy/feeds/${feed.id}`, {})).statusCode, 400, 'a change changes something');
    const listed = (await send(admin, 'GET', '/api/advocacy/feeds')).json().items;
    assert.ok(listed.some((item: { id: string }) => item.id === feed.id));

    assert.equal((await send(admin, 'DELETE', `/api/advocacy/feeds/${feed.id}`)).statusCode, 204);
    assert.equal((await send(admin, 'PATCH', `/api/advocacy/feeds/${feed.id}`, { enabled: false })).statusCode, 404);
    const audit = (await send(admin, 'GET', `/api/audit?targetId=${feed.id}`)).json().items as { action: string; before: { autoApprove: boolean } | null; after: { autoApprove: boolean } | null }[];
    assert.deepEqual(audit.map((entry) => entry.action).sort(), ['story-feed.added', 'story-feed.changed', 'story-feed.removed']);
    const change = audit.find((entry) => entry.action === 'story-feed.changed')!;
    assert.deepEqual([change.before?.autoApprove, change.after?.autoApprove], [false, true]);
  });

  it('publishes the new items of an auto-approved feed at once, with the image the item names', async () => {
    const path = publish([{ guid: 'trees', hoursAgo: 2, image: 'https://cdn.acme.example/trees.jpg' }, { guid: 'cafe', hoursAgo: 30 }]);
    const feed = await addFeed(careLead, path, { spokeId: careId, autoApprove: true });
    const polled = await pollNow(careLead, feed.id);
    assert.deepEqual([polled.newStories, polled.alreadyKnown, polled.leftOut, polled.notModified, polled.error], [2, 0, 0, false, null]);
    assert.equal(polled.feed.title, 'Acme Newsroom', 'a feed added without a title takes its own');
    assert.equal(polled.feed.consecutiveFailures, 0);
    const made = await storiesOf(feed.id);
    assert.deepEqual(made.map((story) => [story.status, story.origin, story.spokeId]), [['live', 'feed', careId], ['live', 'feed', careId]]);
    const trees = made.find((story) => story.feedItemKey === 'trees')!;
    assert.deepEqual([trees.url, trees.title, trees.imageUrl, trees.siteName], ['https://news.acme.example/trees', 'News trees', 'https://cdn.acme.example/trees.jpg', 'Acme Newsroom']);
    assert.equal(trees.summary, 'What we did for trees, and why it matters.');
    const volunteerFeed = (await send(volunteer, 'GET', '/api/advocacy/feed')).json().items.map((story: { id: string }) => story.id);
    assert.ok(volunteerFeed.includes(trees.id), 'live for volunteers');
    const audit = (await send(admin, 'GET', `/api/audit?targetId=${trees.id}`)).json().items;
    assert.deepEqual(audit.map((entry: { action: string; actorLabel: string }) => [entry.action, entry.actorLabel]), [['story.created', 'story feed']]);
  });

  it('sends the items of other feeds to review, where the spoke\'s leads find and approve them', async () => {
    const feed = await addFeed(prLead, publish([{ guid: 'opening', hoursAgo: 5 }]), { spokeId: storeId });
    assert.equal((await pollNow(prLead, feed.id)).newStories, 1);
    const [story] = await storiesOf(feed.id);
    assert.equal(story!.status, 'in_review');
    const forLead = (await send(storeLead, 'GET', '/api/advocacy/stories?status=in_review&limit=100')).json().items.map((s: { id: string }) => s.id);
    assert.ok(forLead.includes(story!.id), 'the store lead sees it for review');
    assert.equal((await send(careLead, 'GET', `/api/advocacy/stories/${story!.id}`)).statusCode, 404, 'another spoke\'s lead does not');
    assert.equal((await send(volunteer, 'GET', '/api/advocacy/feed')).json().items.some((s: { id: string }) => s.id === story!.id), false);
    const approved = await send(storeLead, 'POST', `/api/advocacy/stories/${story!.id}/review`, { decision: 'approve' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'live');
  });

  it('reads an unchanged feed with a conditional GET and makes nothing of a 304, nor of an item it knows', async () => {
    const items = [{ guid: 'one', hoursAgo: 3 }, { guid: 'two', hoursAgo: 4 }];
    const path = publish(items);
    const feed = await addFeed(admin, path, { autoApprove: true });
    assert.equal((await pollNow(admin, feed.id)).newStories, 2);
    const unchanged = await pollNow(admin, feed.id);
    assert.deepEqual([unchanged.notModified, unchanged.newStories, unchanged.error], [true, 0, null]);
    const last = requestsTo(path).at(-1)!;
    assert.equal(last.status, 304);
    assert.ok(last.ifNoneMatch, 'the ETag of the last read was sent');
    assert.equal((await storiesOf(feed.id)).length, 2);

    publish([{ guid: 'three', hoursAgo: 0.5 }, ...items], path);
    const changed = await pollNow(admin, feed.id);
    assert.deepEqual([changed.notModified, changed.newStories, changed.alreadyKnown], [false, 1, 2]);
    publish([...items, { guid: 'three', hoursAgo: 0.5 }], path);
    assert.deepEqual([(await pollNow(admin, feed.id)).newStories, (await storiesOf(feed.id)).length], [0, 3], 'the same items in another order');
  });

  it('takes only the last two weeks, at most twenty, on the first poll, and not that history later', async () => {
    const recent = Array.from({ length: 25 }, (_, i) => ({ guid: `recent-${i}`, hoursAgo: 12 * (i + 1) }));
    const path = publish([...recent, { guid: 'old-1', hoursAgo: 20 * 24 }, { guid: 'old-2', hoursAgo: 40 * 24 }, { guid: 'undated' }]);
    const feed = await addFeed(admin, path);
    const first = await pollNow(admin, feed.id);
    assert.deepEqual([first.newStories, first.leftOut], [MAX_NEW_STORIES_PER_POLL, 8]);
    const keys = (await storiesOf(feed.id)).map((story) => story.feedItemKey).sort();
    assert.deepEqual(keys, recent.slice(0, 20).map((item) => item.guid).sort(), 'the newest twenty');

    publish([{ guid: 'fresh', hoursAgo: 0 }, ...recent, { guid: 'old-1', hoursAgo: 20 * 24 }], path);
    const later = await pollNow(admin, feed.id);
    assert.deepEqual([later.newStories, later.alreadyKnown], [1, 20], 'only the new post; the history left out stays out');
  });

  it('backs off a failing feed and shows why, then recovers', async () => {
    const path = '/flaky.xml';
    server.setDocument(path, '<html><body>We are moving</body></html>', 'text/html');
    const feed = await addFeed(admin, path);
    const started = Date.now();
    const failed = await pollNow(admin, feed.id);
    assert.match(failed.error, /HTML page, not a feed/);
    assert.equal(failed.feed.consecutiveFailures, 1);
    assert.equal(failed.feed.lastError, failed.error);
    const firstDelay = Date.parse(failed.feed.nextPollAt) - started;
    assert.ok(firstDelay >= STORY_FEED_INTERVAL_MS && firstDelay <= 2 * STORY_FEED_INTERVAL_MS + 5_000, `${firstDelay} ms`);
    const again = await pollNow(admin, feed.id);
    assert.equal(again.feed.consecutiveFailures, 2);
    assert.ok(Date.parse(again.feed.nextPollAt) - Date.now() >= 2 * STORY_FEED_INTERVAL_MS - 5_000, 'longer after each failure');
    const listed = (await send(admin, 'GET', '/api/advocacy/feeds')).json().items.find((item: { id: string }) => item.id === feed.id);
    assert.deepEqual([listed.consecutiveFailures, listed.lastError], [2, again.error]);

    server.setDocument(path, newsroom([{ guid: 'back', hoursAgo: 1 }]), 'application/rss+xml');
    const recovered = await pollNow(admin, feed.id);
    assert.deepEqual([recovered.error, recovered.newStories, recovered.feed.consecutiveFailures, recovered.feed.lastError], [null, 1, 0, null]);

    const gone = await addFeed(admin, '/fail/gone');
    assert.match((await pollNow(admin, gone.id)).error, /HTTP 410/);
    const blocked = await addFeed(admin, '/fail/redirect-to-metadata');
    assert.match((await pollNow(admin, blocked.id)).error, /cannot be read/);
  });

  it('polls on its own through the job queue, one poll per feed and slot, and keeps polling', async () => {
    const path = publish([{ guid: 'queued', hoursAgo: 1 }]);
    const feed = await addFeed(admin, path, { autoApprove: true });
    const worker = { db: herd().database.db, definitions: [pollStoryFeedJob], workerId: 'test-worker', http };
    const queued = () => herd().database.db.select().from(jobs).where(and(eq(jobs.kind, pollStoryFeedJob.kind), eq(jobs.status, 'queued')));
    assert.ok((await queued()).some((job) => job.key === `story-feed-poll:${feed.id}:${Date.parse(feed.nextPollAt)}`), 'a new feed is polled at once');
    await runDueJobs(worker);
    assert.equal((await storiesOf(feed.id)).length, 1);
    assert.equal(requestsTo(path).length, 1);
    const [row] = await herd().database.db.select().from(storyFeeds).where(eq(storyFeeds.id, feed.id));
    assert.ok(row!.lastPolledAt && row!.nextPollAt.getTime() - row!.lastPolledAt.getTime() === STORY_FEED_INTERVAL_MS);
    const next = (await queued()).filter((job) => (job.payload as { feedId: string }).feedId === feed.id);
    assert.ok(next.some((job) => job.runAt.getTime() === row!.nextPollAt.getTime()), 'the next poll is on the queue');

    // Not due: several workers asking at once poll nothing; once due, exactly one of them reads the feed.
    assert.deepEqual(await Promise.all([pollDueStoryFeed(worker.db, http, feed.id), pollDueStoryFeed(worker.db, http, feed.id)]), [null, null]);
    await herd().database.db.update(storyFeeds).set({ nextPollAt: new Date(Date.now() - 1000) }).where(eq(storyFeeds.id, feed.id));
    const racing = await Promise.all([pollDueStoryFeed(worker.db, http, feed.id), pollDueStoryFeed(worker.db, http, feed.id)]);
    assert.equal(racing.filter((report) => report !== null).length, 1, JSON.stringify(racing));
    assert.equal(requestsTo(path).length, 2);

    assert.equal((await send(admin, 'PATCH', `/api/advocacy/feeds/${feed.id}`, { enabled: false })).statusCode, 200);
    await herd().database.db.update(storyFeeds).set({ nextPollAt: new Date(Date.now() - 1000) }).where(eq(storyFeeds.id, feed.id));
    assert.equal(await pollDueStoryFeed(worker.db, http, feed.id), null, 'a feed switched off is not polled');
    const off = await send(admin, 'POST', `/api/advocacy/feeds/${feed.id}/poll`, {});
    assert.equal(off.statusCode, 409);
    const on = await send(admin, 'PATCH', `/api/advocacy/feeds/${feed.id}`, { enabled: true });
    assert.ok((await queued()).some((job) => job.key === `story-feed-poll:${feed.id}:${Date.parse(on.json().nextPollAt)}`), 'switched on: polled at once');
  });

  it('lets only the hub, PR leads and the feed\'s spoke leads manage a feed', async () => {
    const careFeed = await addFeed(careLead, publish([]), { spokeId: careId });
    const hubFeed = await addFeed(admin, publish([]));
    const attempts = [
      ['GET', '/api/advocacy/feeds'], ['POST', '/api/advocacy/feeds', { url: server.url('/mine.xml'), spokeId: careId }], ['PATCH', `/api/advocacy/feeds/${careFeed.id}`, { title: 'Mine' }],
      ['DELETE', `/api/advocacy/feeds/${careFeed.id}`], ['POST', `/api/advocacy/feeds/${careFeed.id}/poll`, {}],
    ] as const;
    for (const [method, url, payload] of attempts) assert.equal((await send(volunteer, method, url, payload)).statusCode, 403, `volunteer ${method} ${url}`);
    for (const [method, url] of [['PATCH', `/api/advocacy/feeds/${careFeed.id}`], ['DELETE', `/api/advocacy/feeds/${careFeed.id}`], ['POST', `/api/advocacy/feeds/${careFeed.id}/poll`]] as const) {
      const response = await send(storeLead, method, url, method === 'PATCH' ? { enabled: false } : method === 'POST' ? {} : undefined);
      assert.equal(response.statusCode, 404, `store lead ${method} ${url}`);
    }
    const seenByStoreLead = (await send(storeLead, 'GET', '/api/advocacy/feeds')).json().items.map((feed: { id: string }) => feed.id);
    assert.equal(seenByStoreLead.includes(careFeed.id) || seenByStoreLead.includes(hubFeed.id), false);
    assert.equal((await send(careLead, 'POST', '/api/advocacy/feeds', { url: server.url('/hub.xml') })).statusCode, 403, 'a spoke lead adds feeds for their spoke only');
    assert.equal((await send(careLead, 'PATCH', `/api/advocacy/feeds/${careFeed.id}`, { spokeId: storeId })).statusCode, 403, 'nor moves one to another spoke');
    assert.equal((await send(careLead, 'PATCH', `/api/advocacy/feeds/${hubFeed.id}`, { enabled: false })).statusCode, 404);
    assert.equal((await send(careLead, 'PATCH', `/api/advocacy/feeds/${careFeed.id}`, { autoApprove: true })).statusCode, 200);
    const seenByPrLead = (await send(prLead, 'GET', '/api/advocacy/feeds')).json().items.map((feed: { id: string }) => feed.id);
    assert.ok(seenByPrLead.includes(careFeed.id) && seenByPrLead.includes(hubFeed.id));
  });
});
