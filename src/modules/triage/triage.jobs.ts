// Triage's background work: enriching mentions as listening stores them, and learning categories.
import { defineJob } from '../../jobs/index.ts';
import { mentionsStored } from '../listening/index.ts';
import { enrichMentions } from './enrich-mentions.ts';
import { learnCategoriesJob } from './category-learning.ts';

export const enrichStoredMentionsJob = defineJob({
  kind: 'triage.enrich-mentions',
  on: mentionsStored,
  payload: mentionsStored.payload,
  handle: async ({ mentionIds }, { db, orgId }) => { await enrichMentions(db, orgId!, mentionIds); },
});

export const triageJobs = [enrichStoredMentionsJob, learnCategoriesJob];
