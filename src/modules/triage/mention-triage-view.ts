// Triage as people see it beside a mention: every verdict with its reasons, the
// category and store by name, and how big the mention's near-duplicate group is.
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { listStorePlaces, requireAccess, type Actor } from '../people/index.ts';
import { categories, mentionTriage } from './triage.schema.ts';

export async function triageOfMentions(db: Database, actor: Actor, mentionIds: readonly string[]) {
  requireAccess(actor, 'mentions.read');
  if (mentionIds.length === 0) return [];
  const rows = await db.select({ triage: mentionTriage, categoryName: categories.name }).from(mentionTriage)
    .leftJoin(categories, eq(categories.id, mentionTriage.categoryId))
    .where(and(eq(mentionTriage.orgId, actor.orgId), inArray(mentionTriage.mentionId, [...mentionIds])));
  const leaders = [...new Set(rows.flatMap(({ triage }) => (triage.duplicateOf ? [triage.duplicateOf] : [])))];
  const groupSizes = new Map(leaders.length === 0 ? [] : (await db.select({ leader: mentionTriage.duplicateOf, size: count() }).from(mentionTriage)
    .where(and(eq(mentionTriage.orgId, actor.orgId), inArray(mentionTriage.duplicateOf, leaders))).groupBy(mentionTriage.duplicateOf))
    .map((group) => [group.leader!, group.size]));
  const storeNames = new Map((await listStorePlaces(db, actor.orgId)).map((store) => [store.spokeId, store.name]));
  return rows.map(({ triage, categoryName }) => ({
    mentionId: triage.mentionId,
    language: triage.language, languageConfidence: triage.languageConfidence,
    sentiment: { label: triage.sentiment, score: triage.sentimentScore, confidence: triage.sentimentConfidence, reasons: triage.sentimentReasons },
    category: triage.categoryId === null ? null : {
      id: triage.categoryId, name: categoryName ?? '', confidence: triage.categoryConfidence ?? 0,
      reasons: triage.categoryReasons, decidedBy: triage.categoryDecidedBy ?? 'model',
    },
    urgency: { score: triage.urgency, reasons: triage.urgencyReasons },
    place: triage.placeSpokeId === null ? null
      : { spokeId: triage.placeSpokeId, name: storeNames.get(triage.placeSpokeId) ?? '', matched: triage.placeMatched ?? '', confidence: triage.placeConfidence ?? 0 },
    spam: { spam: triage.spam, reasons: triage.spamReasons },
    duplicates: triage.duplicateOf === null ? null : { firstMentionId: triage.duplicateOf, groupSize: groupSizes.get(triage.duplicateOf) ?? 1 },
    triagedAt: triage.triagedAt,
  }));
}
export type MentionTriageView = Awaited<ReturnType<typeof triageOfMentions>>[number];
