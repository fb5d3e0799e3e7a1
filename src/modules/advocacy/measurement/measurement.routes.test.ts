import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { describeHttp, type SignedIn } from '../../../server/test-app.ts';
import { shares } from '../advocacy.schema.ts';
import { startStoryPages, type StoryPages } from '../stories/story-pages.fixture.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';

describeHttp('advocacy measurement over HTTP', (herd) => {
  let pages: StoryPages;
  let admin: SignedIn;
  let careLead: SignedIn;
  let carer: SignedIn;
  let storer: SignedIn;
  let analyst: SignedIn;
  let careId: string;
  let storeId: string;
  let storyId: string;

  const get = (who: SignedIn | null, url: string) => herd().app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  const as = (who: SignedIn) => ({
    post: (url: string, payload: object) => herd().app.inject({ method: 'POST', url, headers: who.headers, payload }),
    patch: (url: string, payload: object) => herd().app.inject({ method: 'PATCH', url, headers: who.headers, payload }),
  });
  /** Shares the story through its compose link; the account shared to had `reach` followers. */
  const share = async (who: SignedIn, network: string, text: string, reach: number) => {
    const made = await as(who).post('/api/advocacy/shares', { storyId, network, text });
    assert.equal(made.statusCode, 201, made.body);
    const { id, shortUrl } = made.json().share;
    await herd().database.db.update(shares).set({ reach }).where(eq(shares.id, id));
    return { id, path: new URL(shortUrl, 'http://x').pathname };
  };
  const click = (path: string, userAgent: string) => herd().app.inject({ method: 'GET', url: path, remoteAddress: '203.0.113.9', headers: { 'user-agent': userAgent } });

  before(async () => {
    pages = await startStoryPages();
    admin = await herd().signInAs('hub_admin');
    careId = (await as(admin).post('/api/spokes', { kind: 'department', name: 'Care' })).json().id;
    storeId = (await as(admin).post('/api/spokes', { kind: 'store', name: 'Leeds' })).json().id;
    careLead = await herd().signInAs('spoke_lead', { spokeId: careId });
    carer = await herd().signInAs('volunteer', { spokeId: careId });
    storer = await herd().signInAs('volunteer', { spokeId: storeId });
    analyst = await herd().signInAs('analyst');
    assert.equal((await as(admin).patch(`/api/people/${carer.personId}`, { name: '=Carer, "the" volunteer' })).statusCode, 200);
    const settings = await as(admin).patch('/api/advocacy/settings', {
      sharingHours: { start: '00:00', end: '00:00' }, earnedMediaValue: { costPerClick: 0.5, costPerThousandImpressions: 4, currency: 'USD' },
    });
    assert.equal(settings.statusCode, 200, settings.body);
    const story = await as(admin).post('/api/advocacy/stories', { url: `${pages.origin}/blog/spring` });
    assert.equal(story.statusCode, 201, story.body);
    storyId = story.json().id;

    const cared = await share(carer, 'linkedin', 'We planted trees with our customers this spring, and I got my hands dirty too.', 2000);
    await share(storer, 'x', 'Our Leeds store joined the spring planting: what a morning with the neighbours.', 1000);
    // Two people clicking the carer's link, one of them twice; a bot's preview does not count.
    for (const agent of [FIREFOX, FIREFOX, SAFARI, 'LinkedInBot/1.0 (compatible; Mozilla/5.0)']) assert.equal((await click(cared.path, agent)).statusCode, 302);
  });
  after(() => pages.close());

  it('sums shares, clicks from the tracked links, unique clicks and reach, with the value at the hub\'s rates and its formula', async () => {
    const response = await get(admin, '/api/advocacy/measurement/summary');
    assert.equal(response.statusCode, 200, response.body);
    const summary = response.json();
    assert.deepEqual([summary.totals.shares, summary.totals.sharers, summary.totals.clicks, summary.totals.uniqueClicks, summary.totals.reach], [2, 2, 3, 2, 3000]);
    assert.deepEqual(summary.totals.earnedMediaValue, { value: 13.5, currency: 'USD', expression: '3 × 0.50 + 3,000 ÷ 1000 × 4.00 = 13.50 USD' });
    assert.deepEqual(summary.earnedMediaValueFormula, { formula: 'clicks × cost per click + reach ÷ 1000 × cost per thousand impressions', rates: { costPerClick: 0.5, costPerThousandImpressions: 4, currency: 'USD' } });
    assert.equal(summary.days.length, 30);
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(summary.days.at(-1), { day: today, shares: 2, clicks: 3, uniqueClicks: 2, reach: 3000 });

    const perShare = (await get(admin, `/api/advocacy/measurement/shares?storyId=${storyId}&sort=reach`)).json();
    assert.deepEqual(perShare.items.map((row: { personName: string; network: string; clicks: number; reach: number }) => [row.personName, row.network, row.clicks, row.reach]), [
      ['=Carer, "the" volunteer', 'linkedin', 3, 2000], [perShare.items[1].personName, 'x', 0, 1000],
    ]);
  });

  it('shows the hub and analysts everything, a spoke lead their spoke, a volunteer only their own impact', async () => {
    assert.equal((await get(analyst, '/api/advocacy/measurement/summary')).json().totals.shares, 2);
    const lead = await get(careLead, '/api/advocacy/measurement/summary');
    assert.equal(lead.statusCode, 200, lead.body);
    assert.deepEqual([lead.json().spokeIds, lead.json().totals.shares, lead.json().totals.clicks], [[careId], 1, 3]);
    assert.deepEqual((await get(careLead, '/api/advocacy/measurement/spokes')).json().items.map((row: { name: string }) => row.name), ['Care']);
    assert.equal((await get(careLead, `/api/advocacy/measurement/summary?spokeId=${storeId}`)).statusCode, 403);
    const spokes = (await get(admin, '/api/advocacy/measurement/spokes?sort=reach')).json();
    assert.deepEqual(spokes.items.map((row: { name: string; shares: number; reach: number }) => [row.name, row.shares, row.reach]), [['Care', 1, 2000], ['Leeds', 1, 1000]]);

    for (const path of ['summary', 'stories', 'people', 'spokes', 'shares']) {
      const refused = await get(carer, `/api/advocacy/measurement/${path}`);
      assert.equal(refused.statusCode, 403, path);
      assert.equal(refused.json().error.code, 'FORBIDDEN');
      assert.equal((await get(null, `/api/advocacy/measurement/${path}`)).statusCode, 401);
    }
    const mine = await get(carer, '/api/advocacy/me/impact');
    assert.equal(mine.statusCode, 200, mine.body);
    assert.deepEqual([mine.json().totals.shares, mine.json().totals.clicks, mine.json().totals.uniqueClicks, mine.json().totals.reach], [1, 3, 2, 2000]);
    assert.equal(mine.json().topShares.length, 1);
    assert.equal(mine.json().totals.earnedMediaValue.expression, '3 × 0.50 + 2,000 ÷ 1000 × 4.00 = 9.50 USD');
    const theirs = (await get(storer, '/api/advocacy/me/impact')).json();
    assert.deepEqual([theirs.totals.shares, theirs.totals.clicks], [1, 0]);
  });

  it('exports each table as CSV, with the worked value and nothing a spreadsheet would run', async () => {
    const csv = await get(admin, '/api/advocacy/measurement/people?format=csv&from=2020-01-01');
    assert.equal(csv.statusCode, 200, csv.body);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /^attachment; filename="advocacy-people-2020-01-01-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body.trimEnd().split('\r\n');
    assert.equal(lines[0], 'person_id,name,stories,shares,clicks,unique_clicks,reach,earned_media_value,currency,earned_media_value_sum');
    assert.equal(lines.length, 3);
    assert.equal(lines[1], `${carer.personId},"'=Carer, ""the"" volunteer",1,1,3,2,2000,9.5,USD,"3 × 0.50 + 2,000 ÷ 1000 × 4.00 = 9.50 USD"`);
    for (const table of ['stories', 'spokes', 'shares']) {
      const response = await get(admin, `/api/advocacy/measurement/${table}?format=csv`);
      assert.equal(response.statusCode, 200, table);
      assert.equal(response.body.trimEnd().split('\r\n').length, table === 'stories' ? 2 : 3, table);
    }
  });

  it('refuses impossible days and unknown sorts', async () => {
    for (const query of ['from=2025-13-01', 'to=yesterday', 'from=2025-06-10&to=2025-06-01', 'sort=loudest', 'limit=0']) {
      const response = await get(admin, `/api/advocacy/measurement/stories?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.json().error.code, 'VALIDATION_FAILED', query);
    }
  });
});
