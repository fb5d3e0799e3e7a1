// Checks a story's fields share whether it is created or changed: the spokes it names
// belong to the organization, its dates are in order, and audiences are compared
// case-free (skills and languages as lower case).
import type { Database } from '../../../db/index.ts';
import { invalid, notFound } from '../../../errors.ts';
import { spokeNamesOf } from '../../people/index.ts';

export interface StoryFields {
  title?: string;
  summary?: string;
  imageUrl?: string | null;
  talkingPoints?: string[];
  hashtags?: string[];
  audienceSpokeIds?: string[];
  audienceSkills?: string[];
  audienceLanguages?: string[];
  startsAt?: string | null;
  endsAt?: string | null;
  spokeId?: string | null;
}

const lowerUnique = (values: string[]) => [...new Set(values.map((value) => value.trim().toLowerCase()).filter(Boolean))];
const hashtag = (tag: string) => `#${tag.trim().replace(/^#+/, '')}`;
const dateOf = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));

/** The columns the fields set, checked against the organization's spokes; `before` holds the dates not being changed. */
export async function storyColumns(db: Database, orgId: string, fields: StoryFields, before: { startsAt: Date | null; endsAt: Date | null } = { startsAt: null, endsAt: null }) {
  if (fields.spokeId) {
    const known = await spokeNamesOf(db, orgId, [fields.spokeId]);
    if (!known.has(fields.spokeId)) throw notFound('The spoke');
  }
  if (fields.audienceSpokeIds?.length) {
    const known = await spokeNamesOf(db, orgId, fields.audienceSpokeIds);
    const unknown = fields.audienceSpokeIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw invalid([{ field: 'body.audienceSpokeIds', message: `names spokes that do not exist: ${unknown.join(', ')}` }]);
  }
  const startsAt = dateOf(fields.startsAt);
  const endsAt = dateOf(fields.endsAt);
  const start = startsAt === undefined ? before.startsAt : startsAt;
  const end = endsAt === undefined ? before.endsAt : endsAt;
  if (start && end && end <= start) throw invalid([{ field: 'body.endsAt', message: 'is not after startsAt' }]);
  return {
    ...(fields.title !== undefined && { title: fields.title.trim() }),
    ...(fields.summary !== undefined && { summary: fields.summary.trim() }),
    ...(fields.imageUrl !== undefined && { imageUrl: fields.imageUrl }),
    ...(fields.talkingPoints !== undefined && { talkingPoints: fields.talkingPoints.map((point) => point.trim()).filter(Boolean) }),
    ...(fields.hashtags !== undefined && { hashtags: [...new Set(fields.hashtags.map(hashtag))] }),
    ...(fields.audienceSpokeIds !== undefined && { audienceSpokeIds: [...new Set(fields.audienceSpokeIds)] }),
    ...(fields.audienceSkills !== undefined && { audienceSkills: lowerUnique(fields.audienceSkills) }),
    ...(fields.audienceLanguages !== undefined && { audienceLanguages: lowerUnique(fields.audienceLanguages) }),
    ...(startsAt !== undefined && { startsAt }),
    ...(endsAt !== undefined && { endsAt }),
    ...(fields.spokeId !== undefined && { spokeId: fields.spokeId }),
  };
}
