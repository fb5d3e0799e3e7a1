// Whose shares a person may measure: the hub (hub admins, PR leads and analysts) every
// share, or one spoke's when it asks; a spoke lead the shares of their spoke's members
// (every spoke they lead unless they name one); everyone their own. A spoke is its
// members now: someone who moved counts for their new spoke.
import { AppError } from '../../../errors.ts';
import { can, requireAccess, spokeMembershipsOf, type Actor } from '../../people/index.ts';
import type { Database } from '../../../db/index.ts';

export interface MeasurementScope {
  orgId: string;
  /** Null: every spoke. */
  spokeIds: string[] | null;
  /** Only the shares of these people (the members of `spokeIds`, or the person themselves); null: everyone's. */
  personIds: string[] | null;
}

/** The hub's or a spoke lead's scope, optionally narrowed to one spoke. */
export async function measurementScopeOf(db: Database, actor: Actor, spokeId?: string): Promise<MeasurementScope> {
  let spokeIds: string[] | null;
  if (spokeId) {
    requireAccess(actor, 'advocacy.measure', { spokeId });
    spokeIds = [spokeId];
  } else if (can(actor, 'advocacy.measure')) {
    spokeIds = null;
  } else {
    spokeIds = [...new Set(actor.roles.filter((grant) => grant.role === 'spoke_lead' && grant.spokeId).map((grant) => grant.spokeId!))];
    if (spokeIds.length === 0) throw new AppError('FORBIDDEN', 'Your roles do not allow advocacy.measure; your own numbers are at /api/advocacy/me/impact.');
  }
  if (spokeIds === null) return { orgId: actor.orgId, spokeIds, personIds: null };
  const members = await spokeMembershipsOf(db, actor.orgId, { spokeIds });
  return { orgId: actor.orgId, spokeIds, personIds: [...new Set(members.map((member) => member.personId))] };
}

/** A person's own shares. */
export function ownScopeOf(actor: Actor): MeasurementScope {
  requireAccess(actor, 'advocacy.join');
  return { orgId: actor.orgId, spokeIds: null, personIds: [actor.personId!] };
}
