import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { describeHttp } from '../../../server/test-app.ts';
import { linkClicks } from '../advocacy.schema.ts';
import { createTrackedLink, linkStatsOf } from './tracked-links.ts';
import { DAILY_CLICKS_PER_VISITOR } from './click-recorder.ts';
import { VISITORS_PER_SOURCE } from './source-flood-guard.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';

describeHttp('tracked links: the /s/:code redirect and its click counts', (herd) => {
  let orgId: string;
  let otherOrgId: string;
  const utm = { source: 'linkedin', medium: 'employee-share', campaign: 'spring-sale', content: 'share-1' };
  const newLink = (storyUrl = 'https://acme.example/blog/spring?ref=home#top') => createTrackedLink(herd().database.db, orgId, { storyUrl, utm });
  const follow = (code: string, { userAgent = FIREFOX, address = '203.0.113.1' }: { userAgent?: string; address?: string } = {}) =>
    herd().app.inject({ method: 'GET', url: `/s/${code}`, remoteAddress: address, headers: { 'user-agent': userAgent } });
  const statsOf = async (code: string) => (await linkStatsOf(herd().database.db, orgId, [code])).get(code)!;

  before(async () => {
    orgId = await herd().orgIdOf('acme');
    otherOrgId = await herd().orgIdOf('globex');
  });

  it('redirects to the story with its UTM tags, keeping the story\'s query and fragment, uncached', async () => {
    const link = await newLink();
    assert.match(link.code, /^[0-9A-Za-z]{8}$/);
    assert.equal(link.shortUrl, `/s/${link.code}`);
    assert.equal(link.targetUrl, 'https://acme.example/blog/spring?ref=home&utm_source=linkedin&utm_medium=employee-share&utm_campaign=spring-sale&utm_content=share-1#top');
    const response = await follow(link.code);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, link.targetUrl);
    assert.equal(response.headers['cache-control'], 'no-store', 'a cached redirect would never be counted again');
    assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal((await follow(link.code)).headers.location, link.targetUrl, 'the second time from memory');
  });

  it('answers 404 for unknown and malformed codes, every time', async () => {
    for (const code of ['zzzzzzzz', 'zzzzzzzz', 'not-a-code!', 'x'.repeat(65)]) {
      const response = await follow(encodeURIComponent(code));
      assert.equal(response.statusCode, 404, code);
      assert.equal(response.json().error.code, 'NOT_FOUND');
    }
  });

  it('refuses story URLs that are not http(s)', async () => {
    await assert.rejects(newLink('javascript:alert(1)'), { code: 'VALIDATION_FAILED' });
    await assert.rejects(newLink('not a url'), { code: 'VALIDATION_FAILED' });
  });

  it('redirects bots, previewers and agent-less requests without counting them', async () => {
    const link = await newLink();
    // (Without a user-agent header, inject sends its own "lightMyRequest"; bot-filter.test.ts covers a missing one.)
    for (const userAgent of ['LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', 'curl/8.4.0', '']) {
      const response = await follow(link.code, { userAgent });
      assert.equal(response.statusCode, 302, String(userAgent));
    }
    const head = await herd().app.inject({ method: 'HEAD', url: `/s/${link.code}`, headers: { 'user-agent': FIREFOX } });
    assert.equal(head.statusCode, 302, 'a link checker\'s HEAD is answered but not counted');
    assert.deepEqual(await statsOf(link.code), { clicks: 0, uniqueVisitors: 0 });
  });

  it('counts unique visitors by address and browser: two different ones are 2, the same one twice is 1', async () => {
    const link = await newLink();
    await follow(link.code, { address: '203.0.113.10', userAgent: FIREFOX });
    await follow(link.code, { address: '203.0.113.11', userAgent: SAFARI });
    assert.deepEqual(await statsOf(link.code), { clicks: 2, uniqueVisitors: 2 });
    const again = await newLink();
    await follow(again.code, { address: '203.0.113.10', userAgent: FIREFOX });
    await follow(again.code, { address: '203.0.113.10', userAgent: FIREFOX });
    assert.deepEqual(await statsOf(again.code), { clicks: 2, uniqueVisitors: 1 });
  });

  it('has the click in the database when the redirect arrives (durable before the 302), and stores no address', async () => {
    const link = await newLink();
    const response = await follow(link.code, { address: '198.51.100.77' });
    assert.equal(response.statusCode, 302);
    const rows = await herd().database.db.select().from(linkClicks).where(eq(linkClicks.code, link.code));
    assert.equal(rows.length, 1, 'read at once, without waiting for anything');
    assert.equal(rows[0]!.clicks, 1);
    assert.equal(rows[0]!.day, new Date().toISOString().slice(0, 10));
    assert.equal(JSON.stringify(rows).includes('198.51.100.77'), false);
  });

  it(`counts a flood of 1,000 clicks from one visitor as at most ${DAILY_CLICKS_PER_VISITOR} clicks and 1 visitor, and still redirects them all`, async () => {
    const link = await newLink();
    const responses = await Promise.all(Array.from({ length: 1000 }, () => follow(link.code, { address: '192.0.2.66' })));
    assert.ok(responses.every((r) => r.statusCode === 302));
    assert.deepEqual(await statsOf(link.code), { clicks: DAILY_CLICKS_PER_VISITOR, uniqueVisitors: 1 });
  });

  it(`counts a flood from one address that varies its browser as at most ${VISITORS_PER_SOURCE} visitors`, async () => {
    const link = await newLink();
    const responses = await Promise.all(Array.from({ length: 300 }, (_, i) => follow(link.code, { address: '192.0.2.99', userAgent: `${FIREFOX} build/${i}` })));
    assert.ok(responses.every((r) => r.statusCode === 302));
    const stats = await statsOf(link.code);
    assert.equal(stats.uniqueVisitors, VISITORS_PER_SOURCE);
    assert.equal(stats.clicks, VISITORS_PER_SOURCE);
  });

  it('sums many links\' stats in one query, and shows another organization nothing', async () => {
    const [a, b] = [await newLink(), await newLink()];
    await follow(a.code, { address: '203.0.113.30' });
    await follow(b.code, { address: '203.0.113.31' });
    await follow(b.code, { address: '203.0.113.32' });
    const stats = await linkStatsOf(herd().database.db, orgId, [a.code, b.code, 'unknown1']);
    assert.deepEqual(Object.fromEntries(stats), { [a.code]: { clicks: 1, uniqueVisitors: 1 }, [b.code]: { clicks: 2, uniqueVisitors: 2 }, unknown1: { clicks: 0, uniqueVisitors: 0 } });
    const foreign = await linkStatsOf(herd().database.db, otherOrgId, [b.code]);
    assert.deepEqual(foreign.get(b.code), { clicks: 0, uniqueVisitors: 0 });
    assert.equal((await linkStatsOf(herd().database.db, orgId, [])).size, 0);
  });

  it('is not swallowed by the web app\'s fallback and needs no sign-in', async () => {
    const link = await newLink();
    const response = await herd().app.inject({ method: 'GET', url: `/s/${link.code}?via=qr`, headers: { 'user-agent': FIREFOX } });
    assert.equal(response.statusCode, 302);
    const [{ count }] = (await herd().database.db.execute(sql`select count(*)::int as count from link_clicks where code = ${link.code}`) as unknown as { rows: [{ count: number }] }).rows;
    assert.equal(count, 1);
  });
});
