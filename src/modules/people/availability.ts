// A person says whether they take new conversations: "away" keeps routing from assigning
// them anything new (what is open stays theirs) until they say they are back. Leaving the
// company is a manager's change (updatePerson), not this one.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from './access.ts';
import { recordAudit } from './audit-log.ts';
import { people } from './people.schema.ts';

export const availabilities = ['active', 'away'] as const;
export type Availability = (typeof availabilities)[number];

export async function setMyAvailability(db: Database, actor: Actor, status: Availability): Promise<Availability> {
  const personId = actor.personId;
  if (!personId || actor.via !== 'session') throw new AppError('BAD_REQUEST', 'Only a signed-in person can say they are away; an API token cannot.');
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ status: people.status, email: people.email }).from(people)
      .where(and(eq(people.id, personId), eq(people.orgId, actor.orgId))).for('update');
    if (!before) throw notFound('The person');
    if (before.status === status) return status;
    await tx.update(people).set({ status, updatedAt: new Date() }).where(eq(people.id, personId));
    await recordAudit(tx, actor, { action: 'person.availability', targetType: 'person', targetId: personId, targetLabel: before.email, before: { status: before.status }, after: { status } });
    return status;
  });
}
