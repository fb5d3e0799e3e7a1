// Who may hear a live event: the same rules as seeing the thing itself, applied to the
// ids the event carries, because a stream must never leak what a list would not show.
import { can, type Actor } from '../../people/index.ts';
import type { LiveEvent } from './live-event.ts';

export function mayHear(actor: Actor, event: LiveEvent): boolean {
  if (event.orgId !== actor.orgId) return false;
  if (event.type === 'notification.created') return actor.personId !== null && event.personId === actor.personId;
  if (event.type === 'crisis.changed') return can(actor, 'crisis.watch');
  if (actor.personId !== null && (event.assigneeId === actor.personId || event.participantIds.includes(actor.personId))) return true;
  if (event.spokeId !== null && actor.roles.some((grant) => grant.spokeId === event.spokeId)) return true;
  return can(actor, 'conversations.all');
}
