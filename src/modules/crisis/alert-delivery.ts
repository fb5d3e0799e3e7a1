// Raising an alert: stored, and in the same transaction told to the hub admins, the
// organization-wide PR leads and the settings' recipients (in the app, by e-mail as each
// prefers), posted to the settings' chat channels, announced live to those who watch
// for crises, and its escalation timer set. So an alert is never stored untold, nor told
// and then lost with a rolled-back batch.
import type { Database } from '../../db/index.ts';
import { enqueueJobs } from '../../jobs/index.ts';
import { peopleWithOrgRole } from '../people/index.ts';
import { notifyChannels, notifyPeople, publishLiveEvents } from '../routing/index.ts';
import { escalateCrisisAlertJob } from './alert-escalation.ts';
import { alertPath, alertTitle, crisisChanged, topicNamesOf } from './alert-messages.ts';
import { crisisAlerts } from './crisis.schema.ts';
import type { StoredCrisisSettings } from './crisis-settings-document.ts';
import type { CrisisAlert } from './detectors/crisis-alert.ts';

const MINUTE = 60_000;

/** Stores the alerts and tells everyone who must know; `now` is the wall clock the escalation counts from. */
export async function storeAndDeliverAlerts(tx: Database, orgId: string, settings: StoredCrisisSettings, alerts: readonly CrisisAlert[], now = new Date()): Promise<void> {
  if (alerts.length === 0) return;
  const rows = await tx.insert(crisisAlerts).values(alerts.map(rowOfAlert)).returning({ id: crisisAlerts.id, topicId: crisisAlerts.topicId, summary: crisisAlerts.summary });
  const hub = await peopleWithOrgRole(tx, orgId, ['hub_admin', 'pr_lead']);
  const names = await topicNamesOf(tx, orgId, rows.map((row) => row.topicId));
  const personIds = [...hub.map((person) => person.personId), ...settings.recipientIds];
  await notifyPeople(tx, orgId, rows.map((row) => ({
    personIds, kind: 'crisis.alert', conversationId: null, title: alertTitle(names.get(row.topicId)!), body: row.summary,
  })), now);
  for (const row of rows) {
    await notifyChannels(tx, orgId, settings.channelIds, { title: alertTitle(names.get(row.topicId)!), text: row.summary, url: alertPath(row.id) });
  }
  await publishLiveEvents(tx, rows.map((row) => crisisChanged(orgId, row.id)));
  const escalateAt = new Date(now.getTime() + settings.escalateAfterMinutes * MINUTE);
  await enqueueJobs(tx, escalateCrisisAlertJob, rows.map((row) => ({
    payload: { alertId: row.id, afterMinutes: settings.escalateAfterMinutes },
    options: { orgId, runAt: escalateAt, key: `crisis-escalate:${row.id}` },
  })));
}

const rowOfAlert = (alert: CrisisAlert): typeof crisisAlerts.$inferInsert => ({
  orgId: alert.organizationId, topicId: alert.topicId, detector: alert.detector, summary: alert.summary,
  explanation: alert, sampleMentionIds: alert.sampleMentionIds, raisedAt: new Date(alert.at),
});
