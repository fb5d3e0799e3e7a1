// The dashboards' questions as the HTTP API and the digest ask them: each checks who
// asks (insights.read, scoped to the spokes they may see), reads the range, and with
// `compare=previous` answers the previous period of the same length beside it.
import type { Database } from '../../db/index.ts';
import type { Actor } from '../people/index.ts';
import { advocacyNumbers } from './advocacy-numbers.ts';
import { backlog } from './backlog.ts';
import { conversationTable, type ConversationRow } from './conversation-tables.ts';
import type { Grouping } from './conversation-numbers.ts';
import { crisesPerMonth } from './crises-per-month.ts';
import { insightsRangeOf, previousRangeOf, type InsightsRange } from './insights-range.ts';
import { insightsScopeOf, organizationScopeOf } from './insights-scope.ts';
import { mentionVolume, shareOfVoice } from './mention-volume.ts';
import { participation } from './participation.ts';
import { requireIntervalFits, type Interval } from './time-buckets.ts';

export interface RangeQuery { from?: string; to?: string; compare?: 'previous' }
export interface ScopedQuery extends RangeQuery { spokeId?: string }
export interface VolumeQuery extends ScopedQuery { interval: Interval; topicIds?: string[] }
export interface ShareOfVoiceQuery extends ScopedQuery { topicIds?: string[] }
/** `limit` and `offset` page the people of `by=person`, busiest first. */
export interface TableQuery extends ScopedQuery { by: Grouping; limit: number; offset: number }
export interface CrisesQuery extends RangeQuery { topicIds?: string[] }

type Compared<Answer> = Answer & { from: string; to: string; previous?: Answer & { from: string; to: string } };

/** The answer for the range, and for the period before it when asked (both read at once). */
async function compared<Answer extends object>(query: RangeQuery, answer: (range: InsightsRange) => Promise<Answer>, check?: (range: InsightsRange) => void): Promise<Compared<Answer>> {
  const range = insightsRangeOf(query);
  check?.(range);
  const dated = async (period: InsightsRange) => ({ from: period.from, to: period.to, ...(await answer(period)) });
  if (query.compare !== 'previous') return dated(range);
  const [current, previous] = await Promise.all([dated(range), dated(previousRangeOf(range))]);
  return { ...current, previous };
}

export async function volumeDashboard(db: Database, actor: Actor, query: VolumeQuery) {
  const scope = await insightsScopeOf(db, actor, query.spokeId);
  const answer = await compared(query, (range) => mentionVolume(db, scope, range, query), (range) => requireIntervalFits(range, query.interval));
  return { spokeIds: scope.spokeIds, topicIds: query.topicIds ?? null, ...answer };
}

export async function shareOfVoiceDashboard(db: Database, actor: Actor, query: ShareOfVoiceQuery) {
  const scope = await insightsScopeOf(db, actor, query.spokeId);
  return { spokeIds: scope.spokeIds, ...(await compared(query, (range) => shareOfVoice(db, scope, range, query.topicIds))) };
}

async function conversationDashboard<Row>(db: Database, actor: Actor, query: TableQuery, withPercentiles: boolean, rowOf: (row: ConversationRow) => Row) {
  const scope = await insightsScopeOf(db, actor, query.spokeId);
  const page = { limit: query.limit, offset: query.offset };
  const answer = await compared(query, async (range) => {
    const { rows, total } = await conversationTable(db, scope, range, query.by, withPercentiles, page);
    const shown = page.offset + rows.length;
    return { rows: rows.map(rowOf), total, nextOffset: query.by === 'person' && shown < total ? shown : null };
  });
  return { spokeIds: scope.spokeIds, by: query.by, ...answer };
}

export const responseTimesDashboard = (db: Database, actor: Actor, query: TableQuery) =>
  conversationDashboard(db, actor, query, true, (row) => row);

export const slaDashboard = (db: Database, actor: Actor, query: TableQuery) =>
  conversationDashboard(db, actor, query, false, ({ key, name, firstResponse, resolution }) => ({ key, name, firstResponse: firstResponse.sla, resolution: resolution.sla }));

export async function backlogDashboard(db: Database, actor: Actor, query: { spokeId?: string }) {
  const scope = await insightsScopeOf(db, actor, query.spokeId);
  return { spokeIds: scope.spokeIds, ...(await backlog(db, scope)) };
}

export async function participationDashboard(db: Database, actor: Actor, query: ScopedQuery) {
  const scope = await insightsScopeOf(db, actor, query.spokeId);
  return { spokeIds: scope.spokeIds, ...(await compared(query, (range) => participation(db, scope, range))) };
}

export async function advocacyDashboard(db: Database, actor: Actor, query: ScopedQuery) {
  const scope = await insightsScopeOf(db, actor, query.spokeId);
  return { spokeIds: scope.spokeIds, ...(await compared(query, (range) => advocacyNumbers(db, scope, range))) };
}

export async function crisesDashboard(db: Database, actor: Actor, query: CrisesQuery) {
  const scope = organizationScopeOf(actor);
  return { topicIds: query.topicIds ?? null, ...(await compared(query, (range) => crisesPerMonth(db, scope.orgId, range, query.topicIds))) };
}
