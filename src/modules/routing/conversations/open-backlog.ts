// The work waiting on each spoke now, for the modules that measure it (insights):
// conversations waiting for an answer (new or assigned, not merged away), how many have
// nobody on them, how many are past an SLA due time, and how long their customers have
// waited. Read per spoke through the (org, spoke, status) index, so the cost follows the
// open conversations, never the organization's history.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { conversationStates } from '../routing.schema.ts';

export interface SpokeBacklog {
  /** Null: the hub's queue. */
  spokeId: string | null;
  open: number;
  unassigned: number;
  /** Past a due time: first response (while unanswered), next response or resolution. */
  overdue: number;
  /** When the customer who has waited longest last wrote; null when nothing is open. */
  oldestWaitingSince: Date | null;
  medianWaitSeconds: number | null;
}

interface BacklogRow { spoke_id: string | null; open: number; unassigned: number; overdue: number; oldest: string | Date | null; median_wait: number | null }

/** The backlog of each spoke asked for (null: the hub's queue), in the order asked. */
export async function openBacklogOf(db: Database, orgId: string, spokeIds: readonly (string | null)[], now = new Date()): Promise<SpokeBacklog[]> {
  if (spokeIds.length === 0) return [];
  const at = sql`${now.toISOString()}::timestamptz`;
  const c = conversationStates;
  const due = sql`least(case when ${c.firstRespondedAt} is null then ${c.firstResponseDueAt} end, ${c.nextResponseDueAt}, ${c.resolutionDueAt})`;
  const backlogWhere = (spoke: SQL) => sql`select count(*)::int as open, (count(*) filter (where ${c.assigneeId} is null))::int as unassigned,
      (count(*) filter (where ${due} < ${at}))::int as overdue, min(${c.lastCustomerAt}) as oldest,
      percentile_cont(0.5) within group (order by extract(epoch from ${at} - ${c.lastCustomerAt}))::float8 as median_wait
    from ${c} where ${c.orgId} = ${orgId} and ${c.status} in ('new', 'assigned') and ${c.mergedInto} is null and ${spoke}`;
  const spokes = spokeIds.filter((id): id is string => id !== null);
  // One probe per spoke, each through the (org, spoke, status) index: `spoke_id = s` and `spoke_id is null` use it, a null-safe comparison would not.
  const probes = [
    ...(spokes.length > 0 ? [sql`select s.spoke_id, b.* from jsonb_array_elements_text(${JSON.stringify(spokes)}::jsonb) as s(spoke_id)
      cross join lateral (${backlogWhere(sql`${c.spokeId} = s.spoke_id::uuid`)}) as b`] : []),
    ...(spokeIds.includes(null) ? [sql`select null as spoke_id, b.* from (${backlogWhere(sql`${c.spokeId} is null`)}) as b`] : []),
  ];
  const { rows } = await db.execute(sql.join(probes, sql` union all `)) as unknown as { rows: BacklogRow[] };
  const bySpoke = new Map(rows.map((row) => [row.spoke_id, row]));
  return spokeIds.map((spokeId) => {
    const row = bySpoke.get(spokeId)!;
    return {
      spokeId, open: row.open, unassigned: row.unassigned, overdue: row.overdue,
      oldestWaitingSince: row.oldest === null ? null : new Date(row.oldest), medianWaitSeconds: row.median_wait === null ? null : Math.round(row.median_wait),
    };
  });
}
