// Triage's background work: enriching mentions as listening stores them, and learning categories.
import { defineJob } from '../../jobs/index.ts';
import { mentionsStored } from '../listening/index.ts';
import { enrichMentions } from './enrich-mentions.ts';
import { learnCategoriesJob } from './category-learning.ts';

export const enrichStoredMentionsJob = defineJob({
  kind: 'triage.enrich-mentions',
  on: mentionsStored,
  payload: mentionsStored.payload,
  // Under load, several stored batches are enriched as one; the source is only informative.
  combine: (payloads) => ({ sourceId: payloads[0]!.sourceId, mentionIds: payloads.flatMap((p) => p.mentionIds) }),
  // Ahead of work beside the pipeline (crisis watch, learning, notifications), behind routing.
  priority: 5,
  handle: async ({ mentionIds }, { db, orgId }) => { await enrichMentions(db, orgId!, mentionIds); },
});

export const triageJobs = [enrichStoredMentionsJob, learnCategoriesJob];
