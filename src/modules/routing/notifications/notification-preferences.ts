// A person's e-mail preferences; without a row they get instant mail with no quiet hours.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { invalid } from '../../../errors.ts';
import type { Actor } from '../../people/index.ts';
import { notificationPreferences } from '../routing.schema.ts';
import type { Preferences } from './notifications.contract.ts';
import { personOf } from './my-notifications.ts';

const DEFAULTS: Preferences = { email: 'instant', quietStart: null, quietEnd: null, digestHour: 8 };

export async function myPreferences(db: Database, actor: Actor): Promise<Preferences> {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.personId, personOf(actor)));
  return row ? { email: row.email, quietStart: row.quietStart, quietEnd: row.quietEnd, digestHour: row.digestHour } : DEFAULTS;
}

export async function setMyPreferences(db: Database, actor: Actor, input: Preferences): Promise<Preferences> {
  const personId = personOf(actor);
  if ((input.quietStart === null) !== (input.quietEnd === null)) {
    throw invalid([{ field: input.quietStart === null ? 'body.quietStart' : 'body.quietEnd', message: 'quiet hours need both a start and an end' }]);
  }
  if (input.quietStart !== null && input.quietStart === input.quietEnd) throw invalid([{ field: 'body.quietEnd', message: 'must differ from quietStart' }]);
  const values = { ...input, orgId: actor.orgId, updatedAt: new Date() };
  await db.insert(notificationPreferences).values({ personId, ...values }).onConflictDoUpdate({ target: notificationPreferences.personId, set: values });
  return myPreferences(db, actor);
}

/** Of these people, those who chose never to get e-mail from Herd (other modules' mail respects it too). */
export async function peopleWithEmailOff(db: Database, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.select({ personId: notificationPreferences.personId }).from(notificationPreferences)
    .where(and(inArray(notificationPreferences.personId, [...personIds]), eq(notificationPreferences.email, 'off')));
  return new Set(rows.map((row) => row.personId));
}
