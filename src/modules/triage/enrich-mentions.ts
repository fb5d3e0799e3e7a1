// The triage step of the pipeline: for each new mention, triagePost with the
// organization's models, its near-duplicate group (an earlier mention within a few
// bits, stored or in the same batch), and one row in mention_triage. Re-running it
// for the same mentions replaces their rows, so a retried job does no harm.
import { getTableColumns, sql } from 'drizzle-orm';
import { insertRows, type Database } from '../../db/index.ts';
import { publishEvent } from '../../jobs/index.ts';
import { mentionsTriaged, type TriagedMention } from './triage.events.ts';
import { mentionsForEnrichment, type MentionToEnrich } from '../listening/index.ts';
import { bandsOf, hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE } from './near-duplicates.ts';
import { mentionTriage } from './triage.schema.ts';
import { triagePost, type TriageModels, type TriageResult } from './triage-post.ts';
import { triageModelsFor } from './triage-models.ts';

/** How far back a copy still joins an earlier mention's group. */
const DUPLICATE_WINDOW_MS = 7 * 24 * 3600_000;

interface Fingerprinted { mentionId: string; fingerprint: bigint; leader: string; postedAt: Date }

/** Per band value, how many of the newest mentions are looked at for a copy: a wave of ten thousand copies costs what fifty do. */
const CANDIDATES_PER_BAND = 50;

/**
 * For each fingerprint of the batch and each of its bands, the newest recent stored copy
 * (within the distance) among the newest mentions sharing that band: every copy carries
 * its group's leader, so one per band is enough, and the distance is checked where the
 * rows are (bit_count) instead of sending every candidate over.
 */
async function storedCopies(db: Database, orgId: string, fingerprints: bigint[], since: Date): Promise<Fingerprinted[]> {
  if (fingerprints.length === 0) return [];
  const wanted = JSON.stringify([...new Set(fingerprints)].map((fingerprint) => [String(fingerprint), ...bandsOf(fingerprint)]));
  const perBand = ([0, 1, 2, 3] as const).map((band) => {
    const column = sql.identifier(`band${band}`);
    return sql`select copy.mention_id, copy.fingerprint, copy.duplicate_of, copy.posted_at
      from jsonb_array_elements(${wanted}::jsonb) as wanted
      cross join lateral (select * from (select mention_id, fingerprint, duplicate_of, posted_at from ${mentionTriage}
          where org_id = ${orgId} and ${column} = (wanted->>${sql.raw(String(band + 1))})::int and posted_at > ${since.toISOString()}::timestamptz
          order by posted_at desc limit ${CANDIDATES_PER_BAND}) as recent
        where bit_count((recent.fingerprint # (wanted->>0)::bigint)::bit(64)) <= ${NEAR_DUPLICATE_MAX_DISTANCE} limit 1) as copy`;
  });
  const { rows } = await db.execute(sql.join(perBand, sql` union `)) as unknown as { rows: { mention_id: string; fingerprint: string | bigint; duplicate_of: string | null; posted_at: string | Date }[] };
  return rows.map((row) => ({ mentionId: row.mention_id, fingerprint: BigInt(row.fingerprint), leader: row.duplicate_of ?? row.mention_id, postedAt: new Date(row.posted_at) }));
}

/** The group each mention joins: the earliest near-copy's leader, else itself. */
function assignGroups(batch: { mention: MentionToEnrich; result: TriageResult }[], stored: Fingerprinted[]): Map<string, string> {
  // Bucketed by band: copies within 3 bits share at least one of the four 16-bit bands, so only a bucket's members are compared.
  const buckets = new Map<string, Fingerprinted[]>();
  const remember = (known: Fingerprinted) => bandsOf(known.fingerprint).forEach((value, band) => {
    const bucket = buckets.get(`${band}:${value}`);
    if (bucket) bucket.push(known);
    else buckets.set(`${band}:${value}`, [known]);
  });
  stored.forEach(remember);
  const groups = new Map<string, string>();
  const inOrder = [...batch].sort((a, b) => a.mention.postedAt.getTime() - b.mention.postedAt.getTime());
  for (const { mention, result } of inOrder) {
    const fingerprint = result.fingerprint;
    if (fingerprint === null) continue;
    const nearby = new Set(bandsOf(fingerprint).flatMap((value, band) => buckets.get(`${band}:${value}`) ?? []));
    const copies = [...nearby].filter((other) => other.mentionId !== mention.id && hammingDistance(other.fingerprint, fingerprint) <= NEAR_DUPLICATE_MAX_DISTANCE);
    const earliest = copies.sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime())[0];
    const leader = earliest?.leader ?? mention.id;
    groups.set(mention.id, leader);
    remember({ mentionId: mention.id, fingerprint, leader, postedAt: mention.postedAt });
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

function triagedMention(mention: MentionToEnrich, result: TriageResult, models: TriageModels): TriagedMention {
  const categoryId = result.category?.label ?? null;
  return {
    id: mention.id, conversationId: mention.conversationId, sourceId: mention.sourceId, seq: mention.seq, title: mention.title, text: mention.text,
    authorHandle: mention.authorHandle, authorFollowers: mention.authorFollowers, postedAt: mention.postedAt.toISOString(), topicIds: mention.topicIds,
    language: result.language.language, sentiment: result.sentiment.label, categoryId, categoryName: categoryId ? models.categoryNames?.get(categoryId) ?? null : null,
    urgency: result.urgency.score, placeSpokeId: result.place?.spokeId ?? null, spam: result.spam.spam,
  };
}

/** A re-run replaces every verdict of the mention's row. */
const replacedColumns = sql.join(Object.values(getTableColumns(mentionTriage))
  .filter((column) => column.name !== 'mention_id' && column.name !== 'org_id')
  .map((column) => sql`${sql.identifier(column.name)} = excluded.${sql.identifier(column.name)}`), sql`, `);

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
  const stored = await storedCopies(db, orgId, batch.flatMap(({ result }) => (result.fingerprint === null ? [] : [result.fingerprint])), new Date(earliest - DUPLICATE_WINDOW_MS));
  const groups = assignGroups(batch, stored);
  const rows = batch.map(({ mention, result }) => rowOf(orgId, mention, result, groups.get(mention.id)));
  await db.transaction(async (tx) => {
    // A person's category stays: re-triage must not undo a correction.
    await tx.execute(sql`${insertRows(mentionTriage, rows)} on conflict (mention_id) do update set ${replacedColumns}
      where ${mentionTriage.categoryDecidedBy} is distinct from 'person'`);
    await publishEvent(tx, mentionsTriaged, { mentions: batch.map(({ mention, result }) => triagedMention(mention, result, models)) }, { orgId });
  });
  return rows.length;
}
