// Counting conversations as routing records their milestones: opened (when routing took
// the conversation in, under the spoke it went to), each reply (by its author), the first
// response (the time from opening to routing's first-responded mark, and whether it met
// the first-response due time), and the first resolution (the time from opening, and
// whether it met the resolution due time). Each is counted once per conversation (per
// reply for replies), per UTC day and month, for the organization, the conversation's
// spoke (NONE: the hub's queue) and the person who did it; times also go into the
// response-time histograms.
import type { Database } from '../../db/index.ts';
import { conversationMeasuresOf, type ConversationMeasures, type ConversationMilestone } from '../routing/index.ts';
import { conversationPeriods, insightsConversationCounts, insightsResponseHistograms, type ResponseMetric } from './insights.schema.ts';
import { ALL, NONE, bucketOf } from './rollup-keys.ts';
import { addToRollup, claimUncounted, isClaimed, type Claim } from './rollup-store.ts';
import { BIN_COUNT, binOf } from './response-time-bins.ts';

type Counters = Omit<typeof insightsConversationCounts.$inferInsert, 'orgId' | 'period' | 'scope' | 'bucketStart' | 'key'>;
type CountRow = typeof insightsConversationCounts.$inferInsert;
type HistogramRow = typeof insightsResponseHistograms.$inferInsert & { bins: number[] };

/** Something to count once: what, when, for whom, adding which counters, and a time for a histogram. */
interface Contribution extends Claim {
  at: Date;
  spokeId: string | null;
  personId: string | null;
  counters: Counters;
  time?: { metric: ResponseMetric; seconds: number };
}

const COUNT_KEYS = ['orgId', 'period', 'scope', 'bucketStart', 'key'] as const;
const HISTOGRAM_KEYS = ['orgId', 'period', 'metric', 'scope', 'key', 'bucketStart'] as const;
const ANSWERED = new Set(['waiting', 'resolved']);

const secondsBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
const slaOf = (at: Date, dueAt: Date | null) => (dueAt === null ? { met: 0, missed: 0 } : at <= dueAt ? { met: 1, missed: 0 } : { met: 0, missed: 1 });

function contributionsOf(milestone: ConversationMilestone, measures: ConversationMeasures): Contribution[] {
  const { conversationId: ref, spokeId, openedAt, firstRespondedAt } = measures;
  const at = new Date(milestone.at);
  const by = { spokeId, personId: milestone.personId };
  const found: Contribution[] = [];
  if (milestone.kind === 'routed') found.push({ kind: 'opened', ref, at: openedAt, spokeId, personId: null, counters: { opened: 1 } });
  if (milestone.kind === 'replied' && milestone.replyId) found.push({ kind: 'reply', ref: milestone.replyId, at, ...by, counters: { replies: 1 } });
  const answers = milestone.kind === 'replied' || (milestone.kind === 'status' && ANSWERED.has(milestone.status ?? ''));
  if (answers && firstRespondedAt) {
    const seconds = secondsBetween(openedAt, firstRespondedAt);
    const sla = slaOf(firstRespondedAt, measures.firstResponseDueAt);
    found.push({
      kind: 'firstResponse', ref, at: firstRespondedAt, ...by, time: { metric: 'first_response', seconds },
      counters: { firstResponses: 1, firstResponseSeconds: seconds, firstResponseSlaMet: sla.met, firstResponseSlaMissed: sla.missed },
    });
  }
  if (milestone.kind === 'status' && milestone.status === 'resolved') {
    const seconds = secondsBetween(openedAt, at);
    const sla = slaOf(at, measures.resolutionDueAt);
    found.push({
      kind: 'resolution', ref, at, ...by, time: { metric: 'resolution', seconds },
      counters: { resolutions: 1, resolutionSeconds: seconds, resolutionSlaMet: sla.met, resolutionSlaMissed: sla.missed },
    });
  }
  return found;
}

/** The rollup rows a contribution adds to: per day and month, for the organization, its spoke and its person. */
function addContribution(counts: Map<string, CountRow>, histograms: Map<string, HistogramRow>, orgId: string, contribution: Contribution): void {
  const scopes = [
    { scope: 'org' as const, key: ALL },
    { scope: 'spoke' as const, key: contribution.spokeId ?? NONE },
    ...(contribution.personId ? [{ scope: 'person' as const, key: contribution.personId }] : []),
  ];
  for (const period of conversationPeriods) {
    const bucketStart = bucketOf(contribution.at, period);
    for (const { scope, key } of scopes) {
      const id = `${period}|${scope}|${bucketStart.getTime()}|${key}`;
      const row = counts.get(id) ?? { orgId, period, scope, bucketStart, key, ...emptyCounters() };
      for (const [name, value] of Object.entries(contribution.counters) as [keyof Counters, number][]) row[name] = (row[name] ?? 0) + value;
      counts.set(id, row);
      if (!contribution.time) continue;
      const histogramId = `${id}|${contribution.time.metric}`;
      const histogram = histograms.get(histogramId) ?? { orgId, period, metric: contribution.time.metric, scope, key, bucketStart, bins: new Array<number>(BIN_COUNT).fill(0) };
      histogram.bins[binOf(contribution.time.seconds)]! += 1;
      histograms.set(histogramId, histogram);
    }
  }
}

const emptyCounters = (): Required<Counters> => ({
  opened: 0, replies: 0, firstResponses: 0, firstResponseSeconds: 0, resolutions: 0, resolutionSeconds: 0,
  firstResponseSlaMet: 0, firstResponseSlaMissed: 0, resolutionSlaMet: 0, resolutionSlaMissed: 0,
});

/** Adds what the milestones newly tell to the rollups, in one transaction; returns how many things were counted. */
export async function countConversationMilestones(db: Database, orgId: string, milestones: readonly ConversationMilestone[]): Promise<number> {
  if (milestones.length === 0) return 0;
  return db.transaction(async (tx) => {
    const measures = new Map((await conversationMeasuresOf(tx, orgId, [...new Set(milestones.map((m) => m.conversationId))])).map((m) => [m.conversationId, m]));
    // A conversation gone since (deleted with its source) has nothing left to measure.
    const contributions = milestones.flatMap((milestone) => {
      const measured = measures.get(milestone.conversationId);
      return measured ? contributionsOf(milestone, measured) : [];
    });
    const claimed = await claimUncounted(tx, orgId, contributions);
    const counts = new Map<string, CountRow>();
    const histograms = new Map<string, HistogramRow>();
    const done = new Set<string>();
    for (const contribution of contributions) {
      const id = `${contribution.kind}:${contribution.ref}`;
      if (done.has(id) || !isClaimed(claimed, contribution)) continue;
      done.add(id);
      addContribution(counts, histograms, orgId, contribution);
    }
    await addToRollup(tx, insightsConversationCounts, COUNT_KEYS, [...counts.values()]);
    await addToRollup(tx, insightsResponseHistograms, HISTOGRAM_KEYS, [...histograms.values()]);
    return done.size;
  });
}
