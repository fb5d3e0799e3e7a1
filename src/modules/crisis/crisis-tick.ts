// The detectors' clock moves with the mentions: a minute closes only when a later mention
// of its topic arrives, so a topic that suddenly goes quiet would have its last minutes
// judged late, at its next mention. This tick, one keyed job per organization and minute
// slot, moves every topic whose clock stands more than a minute behind up to now, under
// the same row lock as the batch feed (skipping a topic a batch holds: that batch moves
// it), saves the snapshots and delivers any alerts as the feed does.
//
// A topic silent for over a day is left alone. Its next mention catches it up in one go
// (the detector closes every minute and hour in between, exactly as ticks would have),
// and nothing is lost meanwhile: silence cannot raise an alert, and after a day every
// window and minute that could still be judged has been. Ticking it on would only cost a
// lock and a save a minute for each paused, emptied or deleted topic, forever.
//
// The tick re-arms itself while any topic's clock is within the day, and stops when none
// is. A batch arms it when it starts a topic, or wakes one older than the day (less a
// margin, so a tick that read the clock just before that batch committed is covered).
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Database } from '../../db/index.ts';
import { defineJob, enqueueJob, RETRY_WITHOUT_LIMIT } from '../../jobs/index.ts';
import { crisisDetectorStates, crisisFedMentions } from './crisis.schema.ts';
import { crisisSettingsOf } from './crisis-settings.ts';
import { topicSettingsResolver } from './crisis-settings-document.ts';
import { restoreDetector, saveDetectorsAndDeliver } from './detector-states.ts';

const MINUTE = 60_000;
export const TICK_EVERY_MS = MINUTE;
/** A topic whose clock stands further behind is not ticked. */
export const TICK_LEAVES_AFTER_MS = 24 * 60 * MINUTE;
/** A batch re-arms the tick for a topic this close to being left too. */
const REARM_MARGIN_MS = 5 * MINUTE;

export const tickCrisisClocksJob = defineJob({
  kind: 'crisis.tick-clocks',
  payload: Type.Object({ slot: Type.String({ format: 'date-time', description: 'the minute slot this tick was scheduled for' }) }),
  // A batch re-arms the tick only for a new or long-quiet topic, so a tick that gave up would end it for the rest.
  maxAttempts: RETRY_WITHOUT_LIMIT,
  // Slots that piled up while no worker ran are one tick.
  combine: (payloads) => payloads.reduce((latest, payload) => (payload.slot > latest.slot ? payload : latest)),
  handle: async ({ slot }, { db, orgId }) => {
    // Never before its own slot, so the slot it re-arms is a later one (else its key would be this job's).
    if (orgId) await tickCrisisClocks(db, orgId, Math.max(Date.now(), Date.parse(slot)));
  },
});

/** Enqueues the tick at the next minute slot (once per slot, however many ask). */
export async function scheduleCrisisTick(db: Database, orgId: string, now: number): Promise<void> {
  const slot = new Date(Math.floor(now / TICK_EVERY_MS) * TICK_EVERY_MS + TICK_EVERY_MS).toISOString();
  await enqueueJob(db, tickCrisisClocksJob, { slot }, { orgId, runAt: new Date(slot), key: `crisis-tick:${orgId}:${slot}` });
}

/** Whether feeding a topic whose clock stood at `clock` must arm the tick: a new topic, or one the tick may have left. */
export const wakesTick = (clock: Date | null, now: number) => clock === null || clock.getTime() < now - TICK_LEAVES_AFTER_MS + REARM_MARGIN_MS;

export interface CrisisTick {
  /** Topics whose clock was moved to now. */
  advanced: number;
  alerts: number;
}

export async function tickCrisisClocks(db: Database, orgId: string, now = Date.now()): Promise<CrisisTick> {
  return db.transaction(async (tx) => {
    const org = eq(crisisDetectorStates.orgId, orgId);
    const rows = await tx.select({ topicId: crisisDetectorStates.topicId, snapshot: crisisDetectorStates.snapshot }).from(crisisDetectorStates)
      .where(and(org, lt(crisisDetectorStates.clock, new Date(now - MINUTE)), gte(crisisDetectorStates.clock, new Date(now - TICK_LEAVES_AFTER_MS))))
      .orderBy(asc(crisisDetectorStates.topicId)).for('update', { skipLocked: true });
    let alerts = 0;
    if (rows.length > 0) {
      const settings = await crisisSettingsOf(tx, orgId);
      const settingsOf = topicSettingsResolver(settings);
      const detectors = rows.map(({ topicId, snapshot }) => restoreDetector(snapshot, settingsOf(topicId), { organizationId: orgId, topicId }));
      const raised = detectors.flatMap((detector) => [...detector.advanceTo(now)]);
      await saveDetectorsAndDeliver(tx, orgId, settings, detectors, raised, new Date(now));
      alerts = raised.length;
    }
    // The feed never takes a mention posted over a day before it runs, so a day more covers any batch run again.
    await tx.delete(crisisFedMentions).where(and(eq(crisisFedMentions.orgId, orgId), lt(crisisFedMentions.fedAt, sql`now() - interval '2 days'`)));
    const [awake] = await tx.select({ topicId: crisisDetectorStates.topicId }).from(crisisDetectorStates)
      .where(and(org, gte(crisisDetectorStates.clock, new Date(now - TICK_LEAVES_AFTER_MS)))).limit(1);
    if (awake) await scheduleCrisisTick(tx, orgId, now);
    return { advanced: rows.length, alerts };
  });
}
