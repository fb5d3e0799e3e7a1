// Triage's verdicts for modules above it (routing), read by the system: the fields
// rules test and the inbox shows, without the reasons.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { categories, mentionTriage } from './triage.schema.ts';

export interface TriageVerdicts {
  mentionId: string;
  language: string | null;
  sentiment: 'negative' | 'neutral' | 'positive';
  categoryId: string | null;
  categoryName: string | null;
  urgency: number;
  placeSpokeId: string | null;
  spam: boolean;
}

export async function triageVerdictsOf(db: Database, orgId: string, mentionIds: readonly string[]): Promise<TriageVerdicts[]> {
  if (mentionIds.length === 0) return [];
  return db.select({
    mentionId: mentionTriage.mentionId, language: mentionTriage.language, sentiment: mentionTriage.sentiment,
    categoryId: mentionTriage.categoryId, categoryName: categories.name, urgency: mentionTriage.urgency,
    placeSpokeId: mentionTriage.placeSpokeId, spam: mentionTriage.spam,
  }).from(mentionTriage).leftJoin(categories, eq(categories.id, mentionTriage.categoryId))
    .where(and(eq(mentionTriage.orgId, orgId), inArray(mentionTriage.mentionId, [...mentionIds])));
}
