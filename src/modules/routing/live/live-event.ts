// What the web app hears live, and how a change announces it: a NOTIFY sent in the
// change's own transaction, so Postgres delivers it to every Herd process exactly when
// (and only if) the change commits. Payloads carry ids only; clients refetch the rest.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';

export const LIVE_CHANNEL = 'herd_live';
/** Postgres refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7999;

export type LiveEvent =
  | { orgId: string; type: 'conversation.changed'; conversationId: string; spokeId: string | null; assigneeId: string | null; participantIds: string[] }
  | { orgId: string; type: 'notification.created'; personId: string; notificationId: number }
  // An alert raised or acknowledged, a crisis room opened or changed: heard by those who watch for crises.
  | { orgId: string; type: 'crisis.changed'; alertId: string | null; crisisId: string | null };

export function publishLive(tx: Database, event: LiveEvent): Promise<void> {
  return publishLiveEvents(tx, [event]);
}

/** Many events in one statement, as a batch of routed conversations announces them. */
export async function publishLiveEvents(tx: Database, events: readonly LiveEvent[]): Promise<void> {
  if (events.length === 0) return;
  const payloads = events.map((event) => {
    const payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new RangeError(`a ${event.type} live event of ${Buffer.byteLength(payload)} bytes exceeds the NOTIFY limit`);
    return payload;
  });
  // One JSON parameter binds the same on PGlite and node-postgres.
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, payload) from jsonb_array_elements_text(${JSON.stringify(payloads)}::jsonb) as payload`);
}

/** The event a NOTIFY payload carries, or undefined when it is not one of ours. */
export function parseLiveEvent(payload: string): LiveEvent | undefined {
  try {
    const event = JSON.parse(payload) as LiveEvent;
    return typeof event?.orgId === 'string' && ['conversation.changed', 'notification.created', 'crisis.changed'].includes(event.type) ? event : undefined;
  } catch {
    return undefined;
  }
}
