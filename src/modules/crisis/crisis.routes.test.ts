import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeHttp, type SignedIn } from '../../server/test-app.ts';
import type { TriagedMention } from '../triage/index.ts';
import { watchTriagedMentions } from './watch-triaged-mentions.ts';

const MINUTE = 60_000;

describeHttp('crisis alerts and radar', (herd) => {
  let admin: SignedIn;
  let topics: string[];
  let people = 0;
  const as = (who: SignedIn) => ({
    get: (url: string) => herd().app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object = {}) => herd().app.inject({ method: 'POST', url, headers: who.headers, payload }),
  });
  const signIn = (role: Parameters<ReturnType<typeof herd>['signInAs']>[0], org = 'acme', spokeId: string | null = null) =>
    herd().signInAs(role, { org, spokeId, email: `${role}-${++people}@${org}.test` });

  /** A negative post by an author with a million followers: the high-reach detector alerts at once (it needs no warm-up). */
  const loudPost = (topicId: string, author: string, minutesAgo: number): TriagedMention => ({
    id: randomUUID(), conversationId: randomUUID(), sourceId: randomUUID(), seq: 0, title: null, text: 'This is a disgrace, never again',
    authorHandle: author, authorFollowers: 1_000_000, postedAt: new Date(Date.now() - minutesAgo * MINUTE).toISOString(), topicIds: [topicId],
    language: 'en', sentiment: 'negative', categoryId: null, categoryName: null, urgency: 50, placeSpokeId: null, spam: false,
  });

  before(async () => {
    admin = await signIn('hub_admin');
    topics = [];
    for (const name of ['Brand', 'Stores']) {
      const response = await as(admin).post('/api/topics', { name, query: name.toLowerCase() });
      assert.equal(response.statusCode, 201, response.body);
      topics.push(response.json().id);
    }
    const report = await watchTriagedMentions(herd().database.db, admin.orgId,
      [loudPost(topics[0]!, '@critic', 30), loudPost(topics[1]!, '@reporter', 20), loudPost(topics[0]!, '@celebrity', 10)]);
    assert.equal(report.alerts.length, 3);
  });

  it('lists the alerts newest first with their explanation, page by page, filtered by topic and acknowledged', async () => {
    const all = await as(admin).get('/api/crisis/alerts');
    assert.equal(all.statusCode, 200, all.body);
    const items = all.json().items;
    assert.deepEqual(items.map((alert: { explanation: { subject: string } }) => alert.explanation.subject), ['@celebrity', '@reporter', '@critic']);
    const [first] = items;
    assert.equal(first.detector, 'high-reach');
    assert.equal(first.summary, first.explanation.summary);
    assert.equal(first.explanation.metric.length > 0, true);
    assert.equal(first.explanation.threshold, first.explanation.baseline);
    assert.equal(first.sampleMentionIds.length, 1);
    assert.equal(first.acknowledgedAt, null);
    assert.equal(first.escalatedAt, null);
    assert.deepEqual(items.map((alert: { topicName: string }) => alert.topicName), ['Brand', 'Stores', 'Brand']);

    const page1 = (await as(admin).get('/api/crisis/alerts?limit=2')).json();
    assert.equal(page1.items.length, 2);
    const page2 = (await as(admin).get(`/api/crisis/alerts?limit=2&cursor=${page1.nextCursor}`)).json();
    assert.deepEqual([...page1.items, ...page2.items].map((alert: { id: string }) => alert.id), items.map((alert: { id: string }) => alert.id));
    assert.equal(page2.nextCursor, null);
    assert.equal((await as(admin).get('/api/crisis/alerts?cursor=nonsense')).statusCode, 400);

    const brand = (await as(admin).get(`/api/crisis/alerts?topicId=${topics[0]}`)).json();
    assert.deepEqual(brand.items.map((alert: { topicId: string }) => alert.topicId), [topics[0], topics[0]]);
  });

  it('shows one alert with its explanation and topic, 404 for an unknown id', async () => {
    const [listed] = (await as(admin).get('/api/crisis/alerts')).json().items;
    const one = await as(admin).get(`/api/crisis/alerts/${listed.id}`);
    assert.equal(one.statusCode, 200, one.body);
    assert.deepEqual(one.json(), listed);
    assert.equal((await as(admin).get(`/api/crisis/alerts/${randomUUID()}`)).statusCode, 404);
    assert.equal((await as(admin).get('/api/crisis/alerts/not-an-id')).statusCode, 400);
  });

  it('shows the radar: every active topic, loudest first, with its level, open alerts and last alert', async () => {
    const quiet = (await as(admin).post('/api/topics', { name: 'Quiet', query: 'quiet' })).json().id;
    const paused = (await as(admin).post('/api/topics', { name: 'Paused', query: 'paused' })).json().id;
    assert.equal((await herd().app.inject({ method: 'PATCH', url: `/api/topics/${paused}`, headers: admin.headers, payload: { active: false } })).statusCode, 200);
    // Three hours of steady mentions teach Busy's baseline: it has a ratio, the others not yet.
    const busy = (await as(admin).post('/api/topics', { name: 'Busy', query: 'busy' })).json().id;
    const steady = Array.from({ length: 36 }, (_, n) => ({ ...loudPost(busy, `@fan-${n}`, 180 - n * 5), sentiment: 'neutral' as const, authorFollowers: 10 }));
    await watchTriagedMentions(herd().database.db, admin.orgId, steady);

    const radar = await as(admin).get('/api/crisis/radar');
    assert.equal(radar.statusCode, 200, radar.body);
    const topicsOnRadar = radar.json().topics;
    assert.deepEqual(topicsOnRadar.map((topic: { topicName: string }) => topic.topicName), ['Busy', 'Brand', 'Quiet', 'Stores']);
    const [busiest, brand, silent] = topicsOnRadar;
    assert.equal(typeof busiest.ratio, 'number');
    assert.equal(busiest.ratio, Math.round((busiest.level.mentionsLast10Minutes / busiest.level.expectedLast10Minutes) * 100) / 100);
    assert.deepEqual([brand.topicId, brand.openAlerts], [topics[0], 2]);
    // Brand's posts 30 to 10 minutes ago may straddle the hour, teaching its baseline a first hour; nothing came in the last ten minutes.
    assert.ok(brand.ratio === null || brand.ratio === 0, `Brand's ratio: ${brand.ratio}`);
    const [newest] = (await as(admin).get(`/api/crisis/alerts?topicId=${topics[0]}&limit=1`)).json().items;
    assert.equal(brand.lastAlertAt, newest.raisedAt);
    assert.ok(brand.clock);
    assert.deepEqual(brand.level.activeEvents.map((event: { detector: string; subject: string }) => [event.detector, event.subject]).sort(), [['high-reach', '@celebrity'], ['high-reach', '@critic']]);
    assert.deepEqual(silent, { topicId: quiet, topicName: 'Quiet', ratio: null, level: null, openAlerts: 0, lastAlertAt: null, clock: null });
  });

  it('lets a PR lead acknowledge an alert once, audited; the hub sees who and when', async () => {
    const prLead = await signIn('pr_lead');
    const [alert] = (await as(prLead).get('/api/crisis/alerts')).json().items;
    const acknowledged = await as(prLead).post(`/api/crisis/alerts/${alert.id}/acknowledge`);
    assert.equal(acknowledged.statusCode, 200, acknowledged.body);
    assert.equal(acknowledged.json().acknowledgedBy, prLead.personId);
    assert.ok(acknowledged.json().acknowledgedAt);
    // Again (by the hub admin) changes nothing: the first acknowledgement stands.
    const again = await as(admin).post(`/api/crisis/alerts/${alert.id}/acknowledge`);
    assert.deepEqual([again.statusCode, again.json().acknowledgedBy, again.json().acknowledgedAt], [200, prLead.personId, acknowledged.json().acknowledgedAt]);

    const waiting = (await as(admin).get('/api/crisis/alerts?acknowledged=false')).json().items;
    assert.equal(waiting.length, 2);
    assert.ok(waiting.every((item: { id: string }) => item.id !== alert.id));
    assert.deepEqual((await as(admin).get('/api/crisis/alerts?acknowledged=true')).json().items.map((item: { id: string }) => item.id), [alert.id]);

    const audit = (await as(admin).get(`/api/audit?targetId=${alert.id}`)).json().items;
    assert.deepEqual(audit.map((entry: { action: string }) => entry.action), ['crisis.alert.acknowledge']);
    assert.equal((await as(admin).post(`/api/crisis/alerts/${randomUUID()}/acknowledge`)).statusCode, 404);
  });

  it('keeps alerts from volunteers, spoke leads, analysts and PR leads of a spoke', async () => {
    const spoke = await as(admin).post('/api/spokes', { kind: 'store', name: 'Downtown' });
    const [alert] = (await as(admin).get('/api/crisis/alerts')).json().items;
    for (const who of [await signIn('volunteer'), await signIn('analyst'), await signIn('spoke_lead', 'acme', spoke.json().id), await signIn('pr_lead', 'acme', spoke.json().id)]) {
      assert.equal((await as(who).get('/api/crisis/alerts')).statusCode, 403);
      assert.equal((await as(who).get(`/api/crisis/alerts/${alert.id}`)).statusCode, 403);
      assert.equal((await as(who).get('/api/crisis/radar')).statusCode, 403);
      assert.equal((await as(who).post(`/api/crisis/alerts/${alert.id}/acknowledge`)).statusCode, 403);
    }
  });

  it("keeps another organization's admin away from these alerts", async () => {
    const other = await signIn('hub_admin', 'other');
    assert.deepEqual((await as(other).get('/api/crisis/alerts')).json().items, []);
    assert.deepEqual((await as(other).get(`/api/crisis/alerts?topicId=${topics[0]}`)).json().items, []);
    const [alert] = (await as(admin).get('/api/crisis/alerts?acknowledged=false')).json().items;
    assert.equal((await as(other).post(`/api/crisis/alerts/${alert.id}/acknowledge`)).statusCode, 404);
    assert.equal((await as(other).get(`/api/crisis/alerts/${alert.id}`)).statusCode, 404);
    assert.deepEqual((await as(other).get('/api/crisis/radar')).json(), { topics: [] });
    assert.equal((await as(admin).get('/api/crisis/alerts?acknowledged=false')).json().items.some((item: { id: string }) => item.id === alert.id), true);
  });
});
