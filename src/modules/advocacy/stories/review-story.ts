// Decisions on a story by whoever looks after it (PR leads and hub admins; the lead of
// the story's spoke): approve a suggestion or draft (it goes live, and a suggester
// earns the hub's points), reject it with a note, pause and resume a live story.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conflict } from '../../../errors.ts';
import { recordAudit, requireAccess, type Actor } from '../../people/index.ts';
import { stories, storyStatuses } from '../advocacy.schema.ts';
import { awardPoints } from '../recognition/points.ts';
import { advocacySettingsOf } from '../shares/advocacy-settings.ts';
import { storyFor, viewStory, type StoryRow, type StoryView } from './story-views.ts';

type StoryStatus = (typeof storyStatuses)[number];
export interface StoryReview { decision: 'approve' | 'reject'; note?: string }

const REVIEWABLE: StoryStatus[] = ['suggested', 'draft', 'in_review'];

async function changeStatus(db: Database, actor: Actor, story: StoryRow, from: StoryStatus[], patch: Partial<StoryRow> & { status: StoryStatus }, action: string): Promise<StoryRow> {
  if (!from.includes(story.status)) throw conflict(`A story that is ${story.status.replace('_', ' ')} cannot be ${action.split('.')[1]}.`, { status: story.status });
  const [row] = await db.update(stories).set({ ...patch, updatedAt: new Date() })
    .where(and(eq(stories.id, story.id), inArray(stories.status, from))).returning();
  if (!row) throw conflict('The story changed meanwhile; reload it.');
  await recordAudit(db, actor, { action, targetType: 'story', targetId: row.id, targetLabel: row.title, before: { status: story.status }, after: { status: row.status, reviewNote: row.reviewNote } });
  return row;
}

export async function reviewStory(db: Database, actor: Actor, storyId: string, review: StoryReview): Promise<StoryView> {
  const story = await storyFor(db, actor, storyId);
  requireAccess(actor, 'stories.review', { spokeId: story.spokeId });
  const approved = review.decision === 'approve';
  return db.transaction(async (tx) => {
    const row = await changeStatus(tx, actor, story, REVIEWABLE, {
      status: approved ? 'live' : 'rejected', reviewedBy: actor.personId, reviewedAt: new Date(), reviewNote: review.note?.trim() || null,
    }, approved ? 'story.approved' : 'story.rejected');
    if (approved && story.origin === 'employee' && story.createdBy) {
      await awardPoints(tx, await advocacySettingsOf(tx, actor.orgId), { orgId: actor.orgId, personId: story.createdBy, action: 'story_approved', refId: story.id });
    }
    return viewStory(row);
  });
}

export async function pauseStory(db: Database, actor: Actor, storyId: string, paused: boolean): Promise<StoryView> {
  const story = await storyFor(db, actor, storyId);
  requireAccess(actor, 'stories.review', { spokeId: story.spokeId });
  return db.transaction(async (tx) => viewStory(paused
    ? await changeStatus(tx, actor, story, ['live'], { status: 'paused' }, 'story.paused')
    : await changeStatus(tx, actor, story, ['paused'], { status: 'live' }, 'story.resumed')));
}
