// The backlog now, per spoke: read live from routing (its open conversations, through
// the spoke index), not rolled up: it is a snapshot, and small however long the history.
// The hub sees every spoke and its own queue; a spoke lead their spokes.
import type { Database } from '../../db/index.ts';
import { openBacklogOf } from '../routing/index.ts';
import type { InsightsScope } from './insights-scope.ts';
import { spokesOf } from './organization-spokes.ts';
import { HUB_QUEUE } from './rollup-keys.ts';


export async function backlog(db: Database, scope: InsightsScope, now = new Date()) {
  const spokes = (await spokesOf(db, scope.orgId)).filter((spoke) => !scope.spokeIds || scope.spokeIds.includes(spoke.id));
  const queues = [...spokes, ...(scope.spokeIds ? [] : [{ id: null, name: HUB_QUEUE }])];
  const waiting = await openBacklogOf(db, scope.orgId, queues.map((queue) => queue.id), now);
  const spokeRows = waiting.map((queue, index) => ({
    spokeId: queue.spokeId, name: queues[index]!.name, open: queue.open, unassigned: queue.unassigned, overdue: queue.overdue,
    oldestWaitSeconds: queue.oldestWaitingSince ? Math.max(0, Math.round((now.getTime() - queue.oldestWaitingSince.getTime()) / 1000)) : null,
    medianWaitSeconds: queue.medianWaitSeconds,
  }));
  return { at: now.toISOString(), spokes: spokeRows };
}
