// Adding a story: the page's own metadata is read through the SSRF guard (the author
// may override title, summary and image). The hub and PR leads publish for everyone,
// spoke leads for their spoke; anyone else's story is a suggestion for a lead to
// approve (bottom-up: volunteers help form what gets spread).
import type { Database } from '../../../db/index.ts';
import type { GuardedHttp } from '../../../connectors/index.ts';
import { forbidden } from '../../../errors.ts';
import { can, recordAudit, requireAccess, type Actor } from '../../people/index.ts';
import { stories } from '../advocacy.schema.ts';
import { readStoryMetadata, type StoryMetadata } from './read-story-metadata.ts';
import { storyColumns, type StoryFields } from './story-input.ts';
import { viewStory, type StoryView } from './story-views.ts';

export interface StoryInput extends StoryFields {
  url: string;
  /** For reviewers: publish at once (live, the default), keep as a draft, or send for review. Ignored for suggestions. */
  status?: 'live' | 'draft' | 'in_review';
}

function originAndStatus(actor: Actor, input: StoryInput) {
  if (can(actor, 'stories.review', { spokeId: input.spokeId ?? null })) {
    return { origin: can(actor, 'stories.review', { spokeId: null }) ? 'hub' as const : 'spoke' as const, status: input.status ?? 'live' };
  }
  // A suggestion may name the spoke whose lead should look at it; without one the hub does.
  return { origin: 'employee' as const, status: 'suggested' as const };
}

export async function createStory(db: Database, http: GuardedHttp, actor: Actor, input: StoryInput): Promise<StoryView> {
  requireAccess(actor, 'advocacy.join');
  if (!actor.personId) throw forbidden('Only a person can add a story.');
  return addStory(db, actor, input, await readStoryMetadata(http, input.url));
}

/** Adds a story whose page was read already (or is described by whoever adds it, as the demo does). */
export async function addStory(db: Database, actor: Actor, input: StoryInput, metadata: StoryMetadata): Promise<StoryView> {
  requireAccess(actor, 'advocacy.join');
  if (!actor.personId) throw forbidden('Only a person can add a story.');
  const { origin, status } = originAndStatus(actor, input);
  const columns = await storyColumns(db, actor.orgId, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(stories).values({
      orgId: actor.orgId, url: metadata.url, title: metadata.title, summary: metadata.summary, imageUrl: metadata.imageUrl, siteName: metadata.siteName,
      ...columns, status, origin, createdBy: actor.personId,
    }).returning();
    await recordAudit(tx, actor, { action: 'story.created', targetType: 'story', targetId: row!.id, targetLabel: row!.title, after: { url: row!.url, status, origin, spokeId: row!.spokeId } });
    return viewStory(row!);
  });
}
