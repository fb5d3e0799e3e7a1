import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnEachDatabase } from '../../../db/test-database.ts';
import { createOrganization, createPerson, systemActor } from '../../people/index.ts';
import { linkClicks, shares, stories, trackedLinks } from '../advocacy.schema.ts';
import { shareNumbersByDay } from './share-numbers-by-day.ts';

describeOnEachDatabase('advocacy numbers per day a share went out, for insights', (database) => {
  let orgId: string;
  let ann: string;
  let bob: string;
  let spring: string;
  let summer: string;
  let links = 0;

  const storyOf = async (org: string, title: string) =>
    (await database().db.insert(stories).values({ orgId: org, url: `https://acme.example/${title}`, title, status: 'live', origin: 'hub' }).returning())[0]!.id;
  const addShare = async (org: string, personId: string, storyId: string, status: 'opened' | 'published' | 'cancelled', sharedAt: string, reach: number, clicks: [string, string, number][]) => {
    const { db } = database();
    const code = `Day${++links}`;
    const [row] = await db.insert(shares).values({
      orgId: org, storyId, personId, text: 'share', network: 'linkedin', status, linkCode: code, reach, policyVersion: 0,
      createdAt: new Date(sharedAt), publishedAt: status === 'published' ? new Date(sharedAt) : null,
    }).returning();
    await db.insert(trackedLinks).values({ code, orgId: org, shareId: row!.id, targetUrl: 'https://acme.example/' });
    if (clicks.length > 0) await db.insert(linkClicks).values(clicks.map(([day, visitor, count]) => ({ code, day, visitor, clicks: count })));
  };

  before(async () => {
    const { db } = database();
    orgId = (await createOrganization(db, { slug: 'days', name: 'Days' })).id;
    const person = async (org: string, name: string) => (await createPerson(db, { passwordCost: 10 }, systemActor(org), { name, email: `${name}@days.test` })).id;
    ann = await person(orgId, 'ann');
    bob = await person(orgId, 'bob');
    spring = await storyOf(orgId, 'spring');
    summer = await storyOf(orgId, 'summer');
    await addShare(orgId, ann, spring, 'opened', '2025-06-02T09:00:00Z', 100, [['2025-06-02', 'v1', 2], ['2025-06-05', 'v2', 1]]);
    await addShare(orgId, ann, spring, 'published', '2025-06-02T23:30:00Z', 40, [['2025-07-10', 'v3', 1]]);
    await addShare(orgId, bob, spring, 'published', '2025-06-02T12:00:00Z', 50, []);
    await addShare(orgId, ann, summer, 'cancelled', '2025-06-03T09:00:00Z', 700, [['2025-06-03', 'v4', 1]]);
    await addShare(orgId, ann, summer, 'opened', '2025-06-10T09:00:00Z', 10, []);
    const other = (await createOrganization(db, { slug: 'other-days', name: 'Other' })).id;
    await addShare(other, await person(other, 'olga'), await storyOf(other, 'olgas'), 'opened', '2025-06-02T09:00:00Z', 999, [['2025-06-02', 'v5', 9]]);
  });

  it('sums each day\'s shares per sharer and story, with every click they earned however late, leaving out shares that never went out', async () => {
    const expected = [
      { day: '2025-06-02', personId: ann, storyId: spring, shares: 2, reach: 140, clicks: 4, uniqueClicks: 3 },
      { day: '2025-06-02', personId: bob, storyId: spring, shares: 1, reach: 50, clicks: 0, uniqueClicks: 0 },
      { day: '2025-06-10', personId: ann, storyId: summer, shares: 1, reach: 10, clicks: 0, uniqueClicks: 0 },
    ].sort((a, b) => a.day.localeCompare(b.day) || (a.personId < b.personId ? -1 : 1));
    assert.deepEqual(await shareNumbersByDay(database().db, orgId), expected);
  });

  it('starts at the day of `since`', async () => {
    const rows = await shareNumbersByDay(database().db, orgId, new Date('2025-06-03T15:00:00Z'));
    assert.deepEqual(rows.map((row) => [row.day, row.storyId, row.shares]), [['2025-06-10', summer, 1]]);
  });
});
