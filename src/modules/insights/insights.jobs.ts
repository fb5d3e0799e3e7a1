// Insights' background work: counting mentions as triage judges them and conversations
// as routing records their milestones (both combine when they pile up), the hourly sweep
// of advocacy's numbers, and the weekly digest: keyed jobs per organization and slot,
// each scheduling the next.
import { Type } from 'typebox';
import type { Database } from '../../db/index.ts';
import { defineJob, enqueueJob } from '../../jobs/index.ts';
import { mentionsTriaged } from '../triage/index.ts';
import { conversationMilestones } from '../routing/index.ts';
import { countTriagedMentions } from './count-mentions.ts';
import { countConversationMilestones } from './count-milestones.ts';
import { sendWeeklyDigests } from './weekly-digest.ts';
import { sweepAdvocacy } from './sweep-advocacy.ts';

const DAY_MS = 86_400_000;
/** Digests go out on Mondays at 07:00 UTC, about last week. */
const DIGEST_HOUR_UTC = 7;

/** The first Monday 07:00 UTC after `now`. */
export function nextDigestSlot(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysToMonday = (8 - new Date(today).getUTCDay()) % 7;
  const slot = new Date(today + daysToMonday * DAY_MS + DIGEST_HOUR_UTC * 3_600_000);
  return slot > now ? slot : new Date(slot.getTime() + 7 * DAY_MS);
}

export const sendWeeklyDigestJob = defineJob({
  kind: 'insights.send-weekly-digest',
  payload: Type.Object({ slot: Type.String({ format: 'date-time', description: 'the Monday 07:00 UTC this digest was scheduled for' }) }),
  // Slots that piled up while no worker ran: the latest week's digest only.
  combine: (payloads) => payloads.reduce((latest, payload) => (payload.slot > latest.slot ? payload : latest)),
  handle: async ({ slot }, { db, orgId, config }) => {
    if (!orgId) return;
    await sendWeeklyDigests(db, config, orgId, slot.slice(0, 10));
    await scheduleWeeklyDigest(db, orgId, new Date(slot));
  },
});

/** Enqueues the organization's next digest (once per week, however many ask). */
export async function scheduleWeeklyDigest(db: Database, orgId: string, now = new Date()): Promise<void> {
  const slot = nextDigestSlot(now);
  await enqueueJob(db, sendWeeklyDigestJob, { slot: slot.toISOString() }, { orgId, runAt: slot, key: `insights-digest:${orgId}:${slot.toISOString()}` });
}

const HOUR_MS = 3_600_000;

export const sweepAdvocacyJob = defineJob({
  kind: 'insights.sweep-advocacy',
  payload: Type.Object({ slot: Type.String({ format: 'date-time', description: 'the hour this sweep was scheduled for' }) }),
  combine: (payloads) => payloads.reduce((latest, payload) => (payload.slot > latest.slot ? payload : latest)),
  handle: async ({ slot }, { db, orgId }) => {
    if (!orgId) return;
    // Every hour while the programme shares; the next mention counted starts it again after a quiet month.
    if (await sweepAdvocacy(db, orgId) > 0) await scheduleAdvocacySweep(db, orgId, new Date(Math.max(Date.now(), Date.parse(slot))));
  },
});

/** Enqueues the organization's advocacy sweep at the next hour (once per hour, however many ask). */
export async function scheduleAdvocacySweep(db: Database, orgId: string, now = new Date()): Promise<void> {
  const slot = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  await enqueueJob(db, sweepAdvocacyJob, { slot: slot.toISOString() }, { orgId, runAt: slot, key: `insights-advocacy:${orgId}:${slot.toISOString()}` });
}

export const countMentionsJob = defineJob({
  kind: 'insights.count-mentions',
  on: mentionsTriaged,
  payload: mentionsTriaged.payload,
  combine: (payloads) => ({ mentions: payloads.flatMap((payload) => payload.mentions) }),
  handle: async ({ mentions }, { db, orgId }) => {
    await countTriagedMentions(db, orgId!, mentions);
    // An organization hearing mentions gets its digests and advocacy sweeps; they keep themselves going from then on.
    await scheduleWeeklyDigest(db, orgId!);
    await scheduleAdvocacySweep(db, orgId!);
  },
});

export const countMilestonesJob = defineJob({
  kind: 'insights.count-milestones',
  on: conversationMilestones,
  payload: conversationMilestones.payload,
  combine: (payloads) => ({ milestones: payloads.flatMap((payload) => payload.milestones) }),
  handle: async ({ milestones }, { db, orgId }) => { await countConversationMilestones(db, orgId!, milestones); },
});

export const insightsJobs = [countMentionsJob, countMilestonesJob, sendWeeklyDigestJob, sweepAdvocacyJob];
