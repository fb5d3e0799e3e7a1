import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { createOrganization, systemActor } from '../people/index.ts';
import { createTopic } from '../listening/index.ts';
import { listCrisisAlerts, openCrisis, watchTriagedMentions } from '../crisis/index.ts';
import type { TriagedMention } from '../triage/index.ts';
import { insightsRangeOf } from './insights-range.ts';
import { crisesPerMonth } from './crises-per-month.ts';

describeOnEachDatabase('insights: crises per month', (database) => {
  const db = () => database().db;
  /** A negative post by an author with a million followers: the high-reach detector alerts at once. */
  const loudPost = (topicId: string, author: string): TriagedMention => ({
    id: randomUUID(), conversationId: randomUUID(), sourceId: randomUUID(), seq: 0, title: null, text: 'This is a disgrace, never again',
    authorHandle: author, authorFollowers: 1_000_000, postedAt: new Date(Date.now() - 60_000).toISOString(), topicIds: [topicId],
    language: 'en', sentiment: 'negative', categoryId: null, categoryName: null, urgency: 50, placeSpokeId: null, spam: false,
  });

  it('counts the crises opened and the alerts raised (and acknowledged) in each month of the range, on the topics asked', async () => {
    const { id: orgId } = await createOrganization(db(), { slug: 'crises-per-month', name: 'Crises per month' });
    const hub = systemActor(orgId);
    const brand = (await createTopic(db(), hub, { name: 'Brand', query: 'brand' })).id;
    const stores = (await createTopic(db(), hub, { name: 'Stores', query: 'stores' })).id;
    const { alerts } = await watchTriagedMentions(db(), orgId, [loudPost(brand, '@critic'), loudPost(brand, '@reporter'), loudPost(stores, '@celebrity')]);
    assert.equal(alerts.length, 3);
    // One crisis from a Brand alert (which acknowledges it), one by hand on Stores.
    const brandAlert = (await listCrisisAlerts(db(), hub, { limit: 10 })).items.find((alert) => alert.topicId === brand)!;
    await openCrisis(db(), hub, { title: 'Brand storm', severity: 'high', topicIds: [], fromAlertId: brandAlert.id, status: 'active' });
    await openCrisis(db(), hub, { title: 'Store queues', severity: 'low', topicIds: [stores], status: 'monitoring' });

    const thisYear = insightsRangeOf({ from: `${new Date().getUTCFullYear()}-01-01` });
    const month = new Date().toISOString().slice(0, 7);
    const all = await crisesPerMonth(db(), orgId, thisYear);
    assert.deepEqual([all.crises, all.alerts], [2, 3]);
    assert.deepEqual(all.months.find((row) => row.month === month), { month, crises: 2, alerts: 3, acknowledged: 1 });
    assert.ok(all.months.every((row) => row.month === month || row.crises + row.alerts === 0), 'nothing in other months');

    const onBrand = await crisesPerMonth(db(), orgId, thisYear, [brand]);
    assert.deepEqual([onBrand.crises, onBrand.alerts], [1, 2]);

    const lastYear = insightsRangeOf({ from: `${new Date().getUTCFullYear() - 1}-01-01`, to: `${new Date().getUTCFullYear() - 1}-12-31` });
    const before = await crisesPerMonth(db(), orgId, lastYear);
    assert.deepEqual([before.crises, before.alerts, before.months.length], [0, 0, 12]);
  });
});
