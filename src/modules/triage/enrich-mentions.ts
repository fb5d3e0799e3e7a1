// The triage step of the pipeline: for each new mention, triagePost with the
// organization's models, its near-duplicate group (an earlier mention within a few
// bits, stored or in the same batch), and one row in mention_triage. Re-running it
// for the same mentions replaces their rows, so a retried job does no harm.
import { and, eq, getTableColumns, gt, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { publishEvent } from '../../jobs/index.ts';
import { mentionsTriaged } from './triage.events.ts';
import { mentionsForEnrichment, type MentionToEnrich } from '../listening/index.ts';
import { bandsOf, hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE } from './near-duplicates.ts';
import { mentionTriage } from './triage.schema.ts';
import { triagePost, type TriageResult } from './triage-post.ts';
import { triageModelsFor } from './triage-models.ts';

/** How far back a copy still joins an earlier mention's group. */
const DUPLICATE_WINDOW_MS = 7 * 24 * 3600_000;

interface Fingerprinted { mentionId: string; fingerprint: bigint; leader: string; postedAt: Date }

/** Stored mentions that share a band with any fingerprint of the batch. */
async function storedCandidates(db: Database, orgId: string, fingerprints: bigint[], since: Date): Promise<Fingerprinted[]> {
  if (fingerprints.length === 0) return [];
  const bands = fingerprints.map(bandsOf);
  const columns = [mentionTriage.band0, mentionTriage.band1, mentionTriage.band2, mentionTriage.band3];
  const rows = await db.select({
    mentionId: mentionTriage.mentionId, fingerprint: mentionTriage.fingerprint, duplicateOf: mentionTriage.duplicateOf, postedAt: mentionTriage.postedAt,
  }).from(mentionTriage).where(and(
    eq(mentionTriage.orgId, orgId), gt(mentionTriage.postedAt, since),
    or(...columns.map((column, band) => inArray(column, [...new Set(bands.map((b) => b[band]!))]))),
  ));
  return rows.filter((row) => row.fingerprint !== null)
    .map((row) => ({ mentionId: row.mentionId, fingerprint: row.fingerprint!, leader: row.duplicateOf ?? row.mentionId, postedAt: row.postedAt }));
}

/** The group each mention joins: the earliest near-copy's leader, else itself. */
function assignGroups(batch: { mention: MentionToEnrich; result: TriageResult }[], stored: Fingerprinted[]): Map<string, string> {
  const known = [...stored];
  const groups = new Map<string, string>();
  const inOrder = [...batch].sort((a, b) => a.mention.postedAt.getTime() - b.mention.postedAt.getTime());
  for (const { mention, result } of inOrder) {
    const fingerprint = result.fingerprint;
    if (fingerprint === null) continue;
    const copies = known.filter((other) => other.mentionId !== mention.id && hammingDistance(other.fingerprint, fingerprint) <= NEAR_DUPLICATE_MAX_DISTANCE);
    const earliest = copies.sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime())[0];
    const leader = earliest?.leader ?? mention.id;
    groups.set(mention.id, leader);
    known.push({ mentionId: mention.id, fingerprint, leader, postedAt: mention.postedAt });
  }
  return groups;
}

function rowOf(orgId: string, mention: MentionToEnrich, result: TriageResult, duplicateOf: string | undefined): typeof mentionTriage.$inferInsert {
  const bands = result.fingerprint === null ? [null, null, null, null] : bandsOf(result.fingerprint);
  return {
    mentionId: mention.id, orgId, postedAt: mention.postedAt,
    language: result.language.language, languageConfidence: result.language.confidence,
    sentiment: result.sentiment.label, sentimentScore: result.sentiment.score, sentimentConfidence: result.sentiment.confidence,
    sentimentReasons: result.sentiment.reasons,
    categoryId: result.category?.label ?? null, categoryConfidence: result.category?.confidence ?? null,
    categoryReasons: result.category?.reasons ?? [], categoryDecidedBy: result.category?.decidedBy ?? null,
    urgency: result.urgency.score, urgencyReasons: result.urgency.reasons,
    placeSpokeId: result.place?.spokeId ?? null, placeMatched: result.place?.matched ?? null, placeConfidence: result.place?.confidence ?? null,
    spam: result.spam.spam, spamReasons: result.spam.reasons,
    fingerprint: result.fingerprint, band0: bands[0], band1: bands[1], band2: bands[2], band3: bands[3],
    duplicateOf: duplicateOf ?? null, triagedAt: new Date(),
  };
}

export async function enrichMentions(db: Database, orgId: string, mentionIds: readonly string[]): Promise<number> {
  const mentions = await mentionsForEnrichment(db, orgId, mentionIds);
  if (mentions.length === 0) return 0;
  const models = await triageModelsFor(db, orgId);
  const batch = mentions.map((mention) => ({
    mention,
    result: triagePost({
      text: mention.title ? `${mention.title}\n${mention.text}` : mention.text, lang: mention.language,
      followers: mention.authorFollowers, threadMentionsLastHour: mention.conversationMentionsLastHour,
    }, models),
  }));
  const earliest = Math.min(...mentions.map((mention) => mention.postedAt.getTime()));
  const stored = await storedCandidates(db, orgId, batch.flatMap(({ result }) => (result.fingerprint === null ? [] : [result.fingerprint])), new Date(earliest - DUPLICATE_WINDOW_MS));
  const groups = assignGroups(batch, stored);
  const rows = batch.map(({ mention, result }) => rowOf(orgId, mention, result, groups.get(mention.id)));
  await db.transaction(async (tx) => {
    await tx.insert(mentionTriage).values(rows).onConflictDoUpdate({
      target: mentionTriage.mentionId,
      // A person's category stays: re-triage must not undo a correction.
      set: Object.fromEntries(Object.entries(getTableColumns(mentionTriage))
        .filter(([key]) => key !== 'mentionId' && key !== 'orgId').map(([key, column]) => [key, sql.raw(`excluded.${column.name}`)])),
      setWhere: sql`${mentionTriage.categoryDecidedBy} is distinct from 'person'`,
    });
    await publishEvent(tx, mentionsTriaged, { mentionIds: rows.map((row) => row.mentionId) }, { orgId });
  });
  return rows.length;
}
