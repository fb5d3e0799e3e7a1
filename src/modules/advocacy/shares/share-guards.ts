// The guard rails against spam, checked when a share is made and again when a
// scheduled one comes due: the pause switch, the story being live, per-person and
// per-story caps, the sharer's hours, and no identical text from many people at once
// (a herd of gazelles, not a bot farm). Each refusal has a code and says why.
import { and, eq, gte, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { shares } from '../advocacy.schema.ts';
import { isShareable, type StoryRow } from '../stories/story-views.ts';
import type { AdvocacySettings } from './advocacy-settings.ts';
import { isWithinLocalHours } from './local-time.ts';

export const shareRefusals = ['paused', 'story_not_live', 'person_cap', 'story_cap', 'outside_sharing_hours', 'identical_text'] as const;
export interface ShareRefusal { code: (typeof shareRefusals)[number]; message: string }

/** Shares that count against caps: everything but the ones that never went out. */
const COUNTED = ['scheduled', 'publishing', 'published', 'opened'] as const;

/** Lower case, links and punctuation removed, spaces collapsed: what makes two texts "the same" to a reader. */
export function normalizedShareText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/https?:\/\/\S+/g, ' ').replace(/[^\p{L}\p{N}#@]+/gu, ' ').trim();
}

export interface GuardInput {
  story: StoryRow;
  personId: string;
  timeZone: string;
  /** The text as it will go out. */
  text: string;
  /** When it goes out. */
  at: Date;
  /** A share already stored (a scheduled one re-checked), left out of its own counts. */
  shareId?: string;
}

export async function shareRefusalsOf(db: Database, settings: AdvocacySettings, input: GuardInput): Promise<ShareRefusal[]> {
  const refusals: ShareRefusal[] = [];
  if (settings.paused) refusals.push({ code: 'paused', message: `Sharing is paused${settings.pausedReason ? `: ${settings.pausedReason}` : ''}.` });
  if (!isShareable(input.story, input.at)) refusals.push({ code: 'story_not_live', message: 'This story cannot be shared then: it is not live, or outside its dates.' });
  const others = and(input.shareId ? ne(shares.id, input.shareId) : undefined, inArray(shares.status, [...COUNTED]));
  const [{ mine } = { mine: 0 }] = await db.select({ mine: sql<number>`count(*)::int` }).from(shares)
    .where(and(eq(shares.personId, input.personId), others, gte(shares.createdAt, new Date(input.at.getTime() - 86_400_000))));
  if (mine >= settings.maxSharesPerPersonPerDay) refusals.push({ code: 'person_cap', message: `You have shared ${mine} times in the last 24 hours; the limit is ${settings.maxSharesPerPersonPerDay}.` });
  const [{ ofStory } = { ofStory: 0 }] = await db.select({ ofStory: sql<number>`count(*)::int` }).from(shares)
    .where(and(eq(shares.storyId, input.story.id), others, gte(shares.createdAt, new Date(input.at.getTime() - 3_600_000))));
  if (ofStory >= settings.maxSharesPerStoryPerHour) refusals.push({ code: 'story_cap', message: `This story was shared ${ofStory} times in the last hour; try again later so it does not flood the networks.` });
  if (!isWithinLocalHours(input.at, input.timeZone, settings.sharingHours)) {
    refusals.push({ code: 'outside_sharing_hours', message: `Shares go out between ${settings.sharingHours.start} and ${settings.sharingHours.end} in your time zone (${input.timeZone}); schedule it for then.` });
  }
  if (settings.identicalTextWindowMinutes > 0 && await hasIdenticalText(db, settings, input, others)) {
    refusals.push({ code: 'identical_text', message: 'Someone shared this story with the same text a moment ago; say it in your own words.' });
  }
  return refusals;
}

async function hasIdenticalText(db: Database, settings: AdvocacySettings, input: GuardInput, others: SQL | undefined): Promise<boolean> {
  const mine = normalizedShareText(input.text);
  const since = new Date(input.at.getTime() - settings.identicalTextWindowMinutes * 60_000);
  const recent = await db.select({ text: shares.text }).from(shares)
    .where(and(eq(shares.storyId, input.story.id), others, gte(shares.createdAt, since))).limit(5000);
  return recent.some((share) => normalizedShareText(share.text) === mine);
}
