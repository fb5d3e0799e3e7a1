import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { createSource, storeMentions } from '../listening/index.ts';
import { createOrganization, systemActor } from '../people/index.ts';
import { enrichMentions } from './enrich-mentions.ts';
import { mentionTriage } from './triage.schema.ts';
import { topicSentimentSeries } from './topic-sentiment-series.ts';

describeOnEachDatabase('volume and sentiment of topics per bucket', (database) => {
  const db = () => database().db;
  const brand = '00000000-0000-4000-8000-00000000000b';
  const stores = '00000000-0000-4000-8000-00000000000c';
  let orgId: string;

  before(async () => {
    orgId = (await createOrganization(db(), { slug: 'acme', name: 'Acme' })).id;
    const source = await createSource(db(), systemActor(orgId), { kind: 'file', name: 'Import', config: {}, matchMode: 'all' });
    const posts = [
      { text: 'I hate this brand, terrible and awful', at: '2025-03-01T10:01:00Z', topics: [brand] },
      { text: 'Love the brand, wonderful people', at: '2025-03-01T10:04:59Z', topics: [brand, stores] },
      { text: 'Brand spam spam buy now', at: '2025-03-01T10:06:00Z', topics: [brand] },
      { text: 'The brand opened a store', at: '2025-03-01T10:20:00Z', topics: [brand] },
      { text: 'Stores only, not the brand topic', at: '2025-03-01T10:02:00Z', topics: [stores] },
      { text: 'The brand, but too late', at: '2025-03-01T11:00:00Z', topics: [brand] },
    ];
    const stored = await storeMentions(db(), orgId, source.id, posts.map((post, index) => ({ externalId: `p${index}`, text: post.text, createdAt: post.at })),
      (post) => posts[Number(post.externalId.slice(1))]!.topics, () => true);
    // The last on-topic one stays untriaged: it is counted, with no sentiment yet.
    await enrichMentions(db(), orgId, stored.mentionIds.slice(0, 3));
    await enrichMentions(db(), orgId, stored.mentionIds.slice(4));
    await db().update(mentionTriage).set({ spam: true }).where(eq(mentionTriage.mentionId, stored.mentionIds[2]!));
  });

  it('counts the mentions on any of the topics in the window per bucket, by sentiment, without spam', async () => {
    const series = await topicSentimentSeries(db(), orgId, { topicIds: [brand], from: new Date('2025-03-01T10:00:00Z'), to: new Date('2025-03-01T11:00:00Z'), bucketMinutes: 5 });
    assert.deepEqual(series.map((bucket) => [bucket.at.toISOString(), bucket.mentions, bucket.negative + bucket.neutral + bucket.positive]), [
      ['2025-03-01T10:00:00.000Z', 2, 2],
      ['2025-03-01T10:20:00.000Z', 1, 0],
    ], 'the spam is left out, the untriaged one counted, the one at the window\'s end not');
    assert.deepEqual([series[0]!.negative, series[0]!.positive], [1, 1]);
    const both = await topicSentimentSeries(db(), orgId, { topicIds: [brand, stores], from: new Date('2025-03-01T10:00:00Z'), to: new Date('2025-03-01T11:00:00Z'), bucketMinutes: 60 });
    assert.deepEqual(both.map((bucket) => [bucket.at.toISOString(), bucket.mentions]), [['2025-03-01T10:00:00.000Z', 4]], 'each mention once, on either topic');
    assert.deepEqual(await topicSentimentSeries(db(), orgId, { topicIds: [], from: new Date(0), to: new Date(), bucketMinutes: 5 }), []);
  });
});
