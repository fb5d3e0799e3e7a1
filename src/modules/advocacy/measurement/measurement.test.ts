import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnEachDatabase } from '../../../db/test-database.ts';
import { AppError } from '../../../errors.ts';
import { addMembership, createOrganization, createPerson, createSpoke, systemActor, type Actor, type Role } from '../../people/index.ts';
import { linkClicks, shares, stories, trackedLinks } from '../advocacy.schema.ts';
import { saveAdvocacySettings } from '../shares/advocacy-settings.ts';
import { measurementSummary, myImpact, personMeasurements, shareMeasurements, spokeMeasurements, storyMeasurements } from './measurement.ts';

const JUNE = { from: '2025-06-01', to: '2025-06-30' };
const page = { limit: 25, offset: 0 };
const PUBLIC_URL = 'https://herd.example';

describeOnEachDatabase('advocacy measurement', (database) => {
  let orgId: string;
  let care: string;
  let leeds: string;
  let quiet: string;
  const person: Record<string, string> = {};
  const story: Record<string, string> = {};
  const share: Record<string, string> = {};
  let links = 0;

  const actorOf = (orgOf: string, personId: string | null, roles: { role: Role; spokeId: string | null }[]): Actor => ({ orgId: orgOf, personId, label: 'test', via: 'session', roles });
  const hub = () => actorOf(orgId, person.admin!, [{ role: 'hub_admin', spokeId: null }]);

  /** A share with its tracked link and clicks as [day, visitor, clicks]. */
  const addShare = async (key: string, values: { org?: string; personId: string; storyId: string; status?: 'opened' | 'published' | 'scheduled' | 'cancelled'; createdAt: string; publishedAt?: string; reach: number }, clicks: [string, string, number][] = []) => {
    const { db } = database();
    const code = `Code${String(++links).padStart(4, '0')}`;
    const [row] = await db.insert(shares).values({
      orgId: values.org ?? orgId, storyId: values.storyId, personId: values.personId, text: `share ${key}`, network: 'linkedin', status: values.status ?? 'opened',
      linkCode: code, reach: values.reach, policyVersion: 0, createdAt: new Date(values.createdAt), publishedAt: values.publishedAt ? new Date(values.publishedAt) : null,
    }).returning();
    await db.insert(trackedLinks).values({ code, orgId: values.org ?? orgId, shareId: row!.id, targetUrl: 'https://acme.example/story' });
    if (clicks.length > 0) await db.insert(linkClicks).values(clicks.map(([day, visitor, count]) => ({ code, day, visitor, clicks: count })));
    share[key] = row!.id;
  };

  before(async () => {
    const { db } = database();
    orgId = (await createOrganization(db, { slug: 'acme', name: 'Acme' })).id;
    const system = systemActor(orgId);
    care = (await createSpoke(db, system, { kind: 'department', name: 'Care' })).id;
    leeds = (await createSpoke(db, system, { kind: 'store', name: 'Leeds' })).id;
    quiet = (await createSpoke(db, system, { kind: 'department', name: 'Quiet' })).id;
    const member = async (key: string, grants: [Role, string | null][]) => {
      person[key] = (await createPerson(db, { passwordCost: 10 }, system, { name: key[0]!.toUpperCase() + key.slice(1), email: `${key}@acme.test` })).id;
      for (const [role, spokeId] of grants) await addMembership(db, system, { personId: person[key]!, spokeId, role });
    };
    await member('admin', [['hub_admin', null]]);
    await member('ann', [['volunteer', care]]);
    await member('bob', [['volunteer', leeds]]);
    await member('cat', [['volunteer', care], ['volunteer', leeds]]);
    await member('dan', []);
    await member('eve', [['volunteer', quiet]]);
    await member('lead', [['spoke_lead', care]]);
    for (const [key, title] of [['spring', 'Spring'], ['summer', 'Summer']] as const) {
      const [row] = await db.insert(stories).values({ orgId, url: `https://acme.example/${key}`, title, status: 'live', origin: 'hub' }).returning();
      story[key] = row!.id;
    }
    await addShare('a1', { personId: person.ann!, storyId: story.spring!, createdAt: '2025-06-02T09:00:00Z', reach: 1000 },
      [['2025-06-02', 'v1', 3], ['2025-06-02', 'v2', 1], ['2025-06-03', 'v1', 2]]);
    await addShare('a2', { personId: person.ann!, storyId: story.summer!, status: 'published', createdAt: '2025-05-31T22:00:00Z', publishedAt: '2025-06-05T10:00:00Z', reach: 500 },
      [['2025-06-05', 'v1', 1]]);
    await addShare('b1', { personId: person.bob!, storyId: story.spring!, createdAt: '2025-06-10T12:00:00Z', reach: 2000 },
      [['2025-06-11', 'v1', 4], ['2025-06-11', 'v2', 1], ['2025-06-11', 'v3', 1]]);
    await addShare('c1', { personId: person.cat!, storyId: story.spring!, createdAt: '2025-06-12T12:00:00Z', reach: 300 });
    // Clicks after the range do not count.
    await addShare('d1', { personId: person.dan!, storyId: story.summer!, createdAt: '2025-06-15T12:00:00Z', reach: 10_000 }, [['2025-07-02', 'v1', 5]]);
    // Not gone out, or before the range: not counted at all.
    await addShare('scheduled', { personId: person.ann!, storyId: story.spring!, status: 'scheduled', createdAt: '2025-06-20T12:00:00Z', reach: 700 });
    await addShare('cancelled', { personId: person.ann!, storyId: story.spring!, status: 'cancelled', createdAt: '2025-06-21T12:00:00Z', reach: 700 }, [['2025-06-21', 'v1', 1]]);
    await addShare('may', { personId: person.bob!, storyId: story.spring!, createdAt: '2025-05-20T12:00:00Z', reach: 9_999 }, [['2025-06-02', 'v9', 7]]);
    // Another organization's share, clicked in June.
    const otherOrg = (await createOrganization(db, { slug: 'other', name: 'Other' })).id;
    const stranger = (await createPerson(db, { passwordCost: 10 }, systemActor(otherOrg), { name: 'Stranger', email: 'stranger@other.test' })).id;
    const [otherStory] = await db.insert(stories).values({ orgId: otherOrg, url: 'https://other.example/', title: 'Other', status: 'live', origin: 'hub' }).returning();
    await addShare('other', { org: otherOrg, personId: stranger, storyId: otherStory!.id, createdAt: '2025-06-02T12:00:00Z', reach: 50_000 }, [['2025-06-02', 'v1', 9]]);
    person.stranger = stranger;
  });

  it('sums shares, clicks, unique clicks and reach of the shares that went out in the range, with the value and its sum', async () => {
    const summary = await measurementSummary(database().db, hub(), JUNE);
    const { earnedMediaValue, ...numbers } = summary.totals;
    assert.deepEqual(numbers, { shares: 5, clicks: 13, uniqueClicks: 7, reach: 13_800, sharers: 4, stories: 2 });
    assert.deepEqual(earnedMediaValue, { value: 93.2, currency: 'EUR', expression: '13 × 0.80 + 13,800 ÷ 1000 × 6.00 = 93.20 EUR' });
    assert.deepEqual(summary.earnedMediaValueFormula, { formula: 'clicks × cost per click + reach ÷ 1000 × cost per thousand impressions', rates: { costPerClick: 0.8, costPerThousandImpressions: 6, currency: 'EUR' } });
    assert.deepEqual([summary.from, summary.to, summary.spokeIds], ['2025-06-01', '2025-06-30', null]);

    assert.equal(summary.days.length, 30, 'every day of the range');
    const second = summary.days.find((day) => day.day === '2025-06-02');
    assert.deepEqual(second, { day: '2025-06-02', shares: 1, clicks: 4, uniqueClicks: 2, reach: 1000 }, 'May\'s share clicked that day is not among June\'s shares');
    assert.deepEqual(summary.days.find((day) => day.day === '2025-06-05'), { day: '2025-06-05', shares: 1, clicks: 1, uniqueClicks: 1, reach: 500 }, 'a published share counts from when it was published');
    const sum = (key: 'shares' | 'clicks' | 'uniqueClicks' | 'reach') => summary.days.reduce((total, day) => total + day[key], 0);
    assert.deepEqual([sum('shares'), sum('clicks'), sum('uniqueClicks'), sum('reach')], [5, 13, 7, 13_800]);

    const julyOnly = await measurementSummary(database().db, hub(), { from: '2025-07-01', to: '2025-07-31' });
    assert.equal(julyOnly.totals.shares, 0);
    assert.equal(julyOnly.totals.clicks, 0, 'July\'s clicks belong to a June share');
  });

  it('breaks the numbers down per story, sorted and paged', async () => {
    const byClicks = await storyMeasurements(database().db, hub(), { ...JUNE, ...page });
    assert.deepEqual(byClicks.items.map((row) => [row.title, row.shares, row.sharers, row.clicks, row.uniqueClicks, row.reach, row.earnedMediaValue.value]), [
      ['Spring', 3, 3, 12, 6, 3300, 29.4],
      ['Summer', 2, 2, 1, 1, 10_500, 63.8],
    ]);
    assert.equal(byClicks.items[0]!.earnedMediaValue.expression, '12 × 0.80 + 3,300 ÷ 1000 × 6.00 = 29.40 EUR');
    const byValue = await storyMeasurements(database().db, hub(), { ...JUNE, ...page, sort: 'earnedMediaValue' });
    assert.deepEqual(byValue.items.map((row) => row.title), ['Summer', 'Spring']);
    const first = await storyMeasurements(database().db, hub(), { ...JUNE, limit: 1, offset: 0, sort: 'reach' });
    assert.deepEqual([first.items.map((row) => row.title), first.total, first.nextOffset], [['Summer'], 2, 1]);
    const second = await storyMeasurements(database().db, hub(), { ...JUNE, limit: 1, offset: 1, sort: 'reach' });
    assert.deepEqual([second.items.map((row) => row.title), second.nextOffset], [['Spring'], null]);
  });

  it('breaks them down per person, with names', async () => {
    const top = await personMeasurements(database().db, hub(), { ...JUNE, limit: 2, offset: 0 });
    assert.deepEqual(top.items.map((row) => [row.name, row.shares, row.stories, row.clicks, row.uniqueClicks, row.reach]), [['Ann', 2, 2, 7, 4, 1500], ['Bob', 1, 1, 6, 3, 2000]]);
    assert.deepEqual([top.total, top.nextOffset], [4, 2]);
    const byReach = await personMeasurements(database().db, hub(), { ...JUNE, ...page, sort: 'reach' });
    assert.deepEqual(byReach.items.map((row) => row.name), ['Dan', 'Bob', 'Ann', 'Cat']);
    const ofSpring = await personMeasurements(database().db, hub(), { ...JUNE, ...page, storyId: story.spring });
    // Ann and Bob tie on clicks; Cat's share earned none.
    assert.deepEqual(ofSpring.items.map((row) => [row.name, row.shares, row.clicks]).sort(), [['Ann', 1, 6], ['Bob', 1, 6], ['Cat', 1, 0]]);
    assert.equal(ofSpring.items[2]!.name, 'Cat');
  });

  it('breaks them down per spoke of the sharer: someone in two spokes counts in both, a spoke that shared nothing shows zeros', async () => {
    const bySpoke = await spokeMeasurements(database().db, hub(), { ...JUNE, ...page });
    assert.deepEqual(bySpoke.items.map((row) => [row.name, row.sharers, row.shares, row.clicks, row.uniqueClicks, row.reach]), [
      ['Care', 2, 3, 7, 4, 1800],
      ['Leeds', 2, 2, 6, 3, 2300],
      ['Quiet', 0, 0, 0, 0, 0],
    ]);
  });

  it('lists shares with their own numbers, of one story', async () => {
    const spring = await shareMeasurements(database().db, hub(), PUBLIC_URL, { ...JUNE, ...page, storyId: story.spring, sort: 'reach' });
    assert.deepEqual(spring.items.map((row) => [row.shareId, row.personName, row.clicks, row.uniqueClicks, row.reach]), [
      [share.b1, 'Bob', 6, 3, 2000], [share.a1, 'Ann', 6, 3, 1000], [share.c1, 'Cat', 0, 0, 300],
    ]);
    assert.equal(spring.items[1]!.sharedAt, '2025-06-02T09:00:00.000Z');
    assert.match(spring.items[1]!.shortUrl, /^https:\/\/herd\.example\/s\/Code\d{4}$/);
    assert.equal(spring.items[1]!.earnedMediaValue.expression, '6 × 0.80 + 1,000 ÷ 1000 × 6.00 = 10.80 EUR');
    const latest = await shareMeasurements(database().db, hub(), PUBLIC_URL, { ...JUNE, ...page, sort: 'sharedAt' });
    assert.deepEqual(latest.items.map((row) => row.shareId), [share.d1, share.c1, share.b1, share.a2, share.a1]);
  });

  it('reckons the value at the hub\'s own rates', async () => {
    const { db } = database();
    await saveAdvocacySettings(db, hub(), { earnedMediaValue: { costPerClick: 1.5, costPerThousandImpressions: 10, currency: 'USD' } });
    try {
      const summary = await measurementSummary(db, hub(), JUNE);
      assert.deepEqual(summary.totals.earnedMediaValue, { value: 157.5, currency: 'USD', expression: '13 × 1.50 + 13,800 ÷ 1000 × 10.00 = 157.50 USD' });
      assert.deepEqual(summary.earnedMediaValueFormula.rates, { costPerClick: 1.5, costPerThousandImpressions: 10, currency: 'USD' });
      const people = await personMeasurements(db, hub(), { ...JUNE, ...page, sort: 'earnedMediaValue' });
      // Dan: 0 + 10 × 10 = 100; Bob: 9 + 20 = 29; Ann: 10.5 + 15 = 25.5; Cat: 3.
      assert.deepEqual(people.items.map((row) => [row.name, row.earnedMediaValue.value]), [['Dan', 100], ['Bob', 29], ['Ann', 25.5], ['Cat', 3]]);
    } finally {
      await saveAdvocacySettings(db, hub(), { earnedMediaValue: { costPerClick: 0.8, costPerThousandImpressions: 6, currency: 'EUR' } });
    }
  });

  it('shows a spoke lead their spoke only, analysts everything, and a volunteer nothing but their own impact', async () => {
    const { db } = database();
    const lead = actorOf(orgId, person.lead!, [{ role: 'spoke_lead', spokeId: care }]);
    const mine = await measurementSummary(db, lead, JUNE);
    assert.deepEqual([mine.spokeIds, mine.totals.shares, mine.totals.clicks, mine.totals.reach], [[care], 3, 7, 1800]);
    assert.deepEqual((await spokeMeasurements(db, lead, { ...JUNE, ...page })).items.map((row) => row.name), ['Care']);
    assert.deepEqual(new Set((await personMeasurements(db, lead, { ...JUNE, ...page })).items.map((row) => row.name)), new Set(['Ann', 'Cat']));
    await assert.rejects(measurementSummary(db, lead, { ...JUNE, spokeId: leeds }), (error: AppError) => error.code === 'FORBIDDEN');

    const analyst = actorOf(orgId, null, [{ role: 'analyst', spokeId: null }]);
    assert.equal((await measurementSummary(db, analyst, JUNE)).totals.shares, 5);
    const leedsOnly = await measurementSummary(db, analyst, { ...JUNE, spokeId: leeds });
    assert.deepEqual([leedsOnly.totals.shares, leedsOnly.totals.clicks], [2, 6]);

    const ann = actorOf(orgId, person.ann!, [{ role: 'volunteer', spokeId: care }]);
    for (const view of [measurementSummary(db, ann, JUNE), storyMeasurements(db, ann, { ...JUNE, ...page }), shareMeasurements(db, ann, PUBLIC_URL, { ...JUNE, ...page, personId: person.ann })]) {
      await assert.rejects(view, (error: AppError) => error.code === 'FORBIDDEN');
    }
    const impact = await myImpact(db, ann, PUBLIC_URL, JUNE);
    assert.deepEqual([impact.totals.shares, impact.totals.clicks, impact.totals.uniqueClicks, impact.totals.reach], [2, 7, 4, 1500]);
    assert.deepEqual(impact.topShares.map((row) => row.shareId), [share.a1, share.a2]);
    const eve = await myImpact(db, actorOf(orgId, person.eve!, [{ role: 'volunteer', spokeId: quiet }]), PUBLIC_URL, JUNE);
    assert.deepEqual([eve.totals.shares, eve.topShares.length], [0, 0]);
  });

  it('shows another organization none of this one\'s numbers, even with its ids', async () => {
    const { db } = database();
    const otherOrg = (await createOrganization(db, { slug: 'third', name: 'Third' })).id;
    const stranger = actorOf(otherOrg, null, [{ role: 'hub_admin', spokeId: null }]);
    assert.equal((await measurementSummary(db, stranger, JUNE)).totals.shares, 0);
    assert.equal((await measurementSummary(db, stranger, { ...JUNE, spokeId: care, storyId: story.spring })).totals.clicks, 0);
    assert.deepEqual((await spokeMeasurements(db, stranger, { ...JUNE, ...page, spokeId: care })).items, []);
    assert.deepEqual((await shareMeasurements(db, stranger, PUBLIC_URL, { ...JUNE, ...page, personId: person.ann })).items, []);
    assert.deepEqual((await storyMeasurements(db, stranger, { ...JUNE, ...page })).items, []);
  });
});
