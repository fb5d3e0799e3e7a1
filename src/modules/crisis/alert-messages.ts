// What alerts say where they are told (notifications, chat messages, live events), shared
// by raising an alert and escalating it.
import type { Database } from '../../db/index.ts';
import { topicNamesById } from '../listening/index.ts';
import type { LiveEvent } from '../routing/index.ts';

/** Where an alert opens in the web app: the alerts page, naming it (relative: routing makes it absolute for mail and chat). */
export const alertPath = (alertId: string) => `/crisis/alerts?alert=${alertId}`;

export const alertTitle = (topicName: string) => `Crisis alert: ${topicName}`;

export const crisisChanged = (orgId: string, alertId: string): LiveEvent => ({ orgId, type: 'crisis.changed', alertId, crisisId: null });

/** Topic names by id; a topic deleted since still has alerts, and they need a name to show. */
export async function topicNamesOf(db: Database, orgId: string, topicIds: readonly string[]): Promise<Map<string, string>> {
  const names = await topicNamesById(db, orgId, { ids: [...new Set(topicIds)] });
  for (const topicId of topicIds) if (!names.has(topicId)) names.set(topicId, 'a deleted topic');
  return names;
}
