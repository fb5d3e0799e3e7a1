// When nobody acknowledges an alert in time: one keyed job per alert (set when the alert
// is raised, due its escalation minutes later by the wall clock) tells the escalation
// list (or every hub admin), posts to the channels again and marks the alert escalated.
// It runs once: the job's key admits one job per alert, and the mark is a conditional
// update, so a run repeated after a lost lease finds the alert escalated and does nothing.
// The escalation list and channels are the settings' at that time; the minutes, those
// of when the alert was raised.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Database } from '../../db/index.ts';
import { defineJob, PermanentJobError } from '../../jobs/index.ts';
import { peopleWithOrgRole } from '../people/index.ts';
import { notifyChannels, notifyPeople, publishLiveEvents } from '../routing/index.ts';
import { alertPath, crisisChanged, topicNamesOf } from './alert-messages.ts';
import { crisisAlerts } from './crisis.schema.ts';
import { crisisSettingsOf } from './crisis-settings.ts';

export const escalateCrisisAlertJob = defineJob({
  kind: 'crisis.escalate-alert',
  payload: Type.Object({ alertId: Type.String(), afterMinutes: Type.Integer({ description: 'the escalation minutes when the alert was raised, for the message' }) }),
  handle: async ({ alertId, afterMinutes }, { db, orgId }) => {
    if (!orgId) throw new PermanentJobError('an alert escalation needs its organization');
    await escalateCrisisAlert(db, orgId, alertId, afterMinutes);
  },
});

/** Escalates the alert if it is still unacknowledged and not yet escalated; says whether it did. */
export async function escalateCrisisAlert(db: Database, orgId: string, alertId: string, afterMinutes: number, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [alert] = await tx.update(crisisAlerts).set({ escalatedAt: sql`now()` })
      .where(and(eq(crisisAlerts.orgId, orgId), eq(crisisAlerts.id, alertId), isNull(crisisAlerts.acknowledgedAt), isNull(crisisAlerts.escalatedAt)))
      .returning({ topicId: crisisAlerts.topicId, summary: crisisAlerts.summary });
    if (!alert) return false;
    const settings = await crisisSettingsOf(tx, orgId);
    const personIds = settings.escalateToIds.length > 0 ? settings.escalateToIds : (await peopleWithOrgRole(tx, orgId, ['hub_admin'])).map((person) => person.personId);
    const topicName = (await topicNamesOf(tx, orgId, [alert.topicId])).get(alert.topicId)!;
    const title = `Unacknowledged crisis alert: ${topicName}`;
    const text = `Unacknowledged for ${afterMinutes} minutes: ${alert.summary}`;
    await notifyPeople(tx, orgId, { personIds, kind: 'crisis.alert-escalated', conversationId: null, title, body: text }, now);
    await notifyChannels(tx, orgId, settings.channelIds, { title, text, url: alertPath(alertId) });
    await publishLiveEvents(tx, [crisisChanged(orgId, alertId)]);
    return true;
  });
}
