// A story as its form edits it (lists typed as text, dates in the reader's local time,
// the spoke as a select's value), and back to what the API takes.
import { linesOf } from '../../../ui/text-lines.ts';
import { localInputValue } from '../../../ui/local-input-value.ts';
import type { NewStory, NewStoryStatus, Story, StoryFields } from '../types.ts';

export interface StoryDraft {
  url: string;
  title: string;
  summary: string;
  imageUrl: string;
  siteName: string;
  talkingPoints: { text: string }[];
  /** Typed as "#one #two" or "one, two". */
  hashtags: string;
  audienceSpokeIds: string[];
  /** Comma-separated. */
  audienceSkills: string;
  /** Comma-separated two-letter codes. */
  audienceLanguages: string;
  /** "YYYY-MM-DDTHH:MM" in the reader's time zone, or empty. */
  startsAt: string;
  endsAt: string;
  /** '' : the hub. */
  spokeId: string;
  status: NewStoryStatus;
}

export function draftOf(story?: Story): StoryDraft {
  return {
    url: story?.url ?? '',
    title: story?.title ?? '',
    summary: story?.summary ?? '',
    imageUrl: story?.imageUrl ?? '',
    siteName: story?.siteName ?? '',
    talkingPoints: (story?.talkingPoints ?? []).map((text) => ({ text })),
    hashtags: (story?.hashtags ?? []).join(' '),
    audienceSpokeIds: story?.audienceSpokeIds ?? [],
    audienceSkills: (story?.audienceSkills ?? []).join(', '),
    audienceLanguages: (story?.audienceLanguages ?? []).join(', '),
    startsAt: localInputValue(story?.startsAt ?? null),
    endsAt: localInputValue(story?.endsAt ?? null),
    spokeId: story?.spokeId ?? '',
    status: 'live',
  };
}

const instantOf = (local: string) => (local ? new Date(local).toISOString() : null);

/** The fields every save sends: lists, audience, dates and spoke. */
function commonFields(draft: StoryDraft): StoryFields {
  return {
    talkingPoints: draft.talkingPoints.map((point) => point.text.trim()).filter(Boolean),
    hashtags: [...new Set(draft.hashtags.split(/[\s,]+/).map((tag) => tag.replace(/^#+/, '')).filter(Boolean).map((tag) => `#${tag}`))],
    audienceSpokeIds: draft.audienceSpokeIds,
    audienceSkills: linesOf(draft.audienceSkills, { commas: true }),
    audienceLanguages: linesOf(draft.audienceLanguages.toLowerCase(), { commas: true }),
    startsAt: instantOf(draft.startsAt),
    endsAt: instantOf(draft.endsAt),
    spokeId: draft.spokeId || null,
  };
}

/** A new story: what is left empty the server takes from the page itself. */
export function newStoryOf(draft: StoryDraft, withStatus: boolean): NewStory {
  return {
    url: draft.url.trim(),
    ...(draft.title.trim() && { title: draft.title.trim() }),
    ...(draft.summary.trim() && { summary: draft.summary.trim() }),
    ...(draft.imageUrl.trim() && { imageUrl: draft.imageUrl.trim() }),
    ...commonFields(draft),
    ...(withStatus && { status: draft.status }),
  };
}

/** A change to a story: everything the form shows. */
export function storyPatchOf(draft: StoryDraft): StoryFields {
  return { title: draft.title.trim(), summary: draft.summary.trim(), imageUrl: draft.imageUrl.trim() || null, ...commonFields(draft) };
}
