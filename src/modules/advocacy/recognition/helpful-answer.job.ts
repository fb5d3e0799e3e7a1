// Points for a helpful answer: a person's reply to a customer was published (through
// the network or confirmed as sent by hand). Respond tells us with its event; each
// reply scores once (refId = the reply), however often the event is delivered.
import { defineJob } from '../../../jobs/index.ts';
import type { Database } from '../../../db/index.ts';
import { replyPublished } from '../../respond/index.ts';
import { advocacySettingsOf } from '../shares/advocacy-settings.ts';
import { awardPoints } from './points.ts';

export const awardHelpfulAnswerJob = defineJob({
  kind: 'advocacy.award-helpful-answer',
  on: replyPublished,
  payload: replyPublished.payload,
  handle: async ({ replyId, authorId }, { db, orgId }) => { if (orgId) await awardHelpfulAnswer(db, orgId, authorId, replyId); },
});

export async function awardHelpfulAnswer(db: Database, orgId: string, personId: string, replyId: string): Promise<boolean> {
  return db.transaction(async (tx) => awardPoints(tx, await advocacySettingsOf(tx, orgId), { orgId, personId, action: 'helpful_answer', refId: replyId }));
}
