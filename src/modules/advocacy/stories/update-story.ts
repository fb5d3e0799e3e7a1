// Changing a story's content, audience, dates or spoke: for whoever looks after it
// (and, when it moves to another spoke, after that one too). Status changes go
// through review-story.ts, so every decision is recorded as one.
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { recordAudit, requireAccess, type Actor } from '../../people/index.ts';
import { stories } from '../advocacy.schema.ts';
import { storyColumns, type StoryFields } from './story-input.ts';
import { storyFor, viewStory, type StoryView } from './story-views.ts';

export async function updateStory(db: Database, actor: Actor, storyId: string, patch: StoryFields): Promise<StoryView> {
  const story = await storyFor(db, actor, storyId);
  requireAccess(actor, 'stories.review', { spokeId: story.spokeId });
  if (patch.spokeId !== undefined) requireAccess(actor, 'stories.review', { spokeId: patch.spokeId });
  const columns = await storyColumns(db, actor.orgId, patch, story);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(stories).set({ ...columns, updatedAt: new Date() }).where(eq(stories.id, story.id)).returning();
    await recordAudit(tx, actor, { action: 'story.updated', targetType: 'story', targetId: story.id, targetLabel: row!.title, before: Object.fromEntries(Object.keys(columns).map((key) => [key, story[key as keyof typeof story]])), after: columns });
    return viewStory(row!);
  });
}
