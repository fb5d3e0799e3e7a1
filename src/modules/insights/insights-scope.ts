// Whose numbers a person may read: the hub (hub admins, organization-wide PR leads and
// analysts) the whole organization, or one spoke when it asks; a spoke lead the spokes
// they lead (all of them unless they name one). A spoke of another organization is not
// found, whoever asks.
import type { Database } from '../../db/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { can, requireAccess, spokeNamesOf, type Actor } from '../people/index.ts';

export interface InsightsScope {
  orgId: string;
  /** Null: the whole organization. */
  spokeIds: string[] | null;
}

const ledSpokes = (actor: Actor) => [...new Set(actor.roles.filter((grant) => grant.role === 'spoke_lead' && grant.spokeId).map((grant) => grant.spokeId!))];

export async function insightsScopeOf(db: Database, actor: Actor, spokeId?: string): Promise<InsightsScope> {
  if (spokeId) {
    if (!(await spokeNamesOf(db, actor.orgId, [spokeId])).has(spokeId)) throw notFound('The spoke');
    requireAccess(actor, 'insights.read', { spokeId });
    return { orgId: actor.orgId, spokeIds: [spokeId] };
  }
  if (can(actor, 'insights.read')) return { orgId: actor.orgId, spokeIds: null };
  const spokeIds = ledSpokes(actor);
  if (spokeIds.length === 0) throw new AppError('FORBIDDEN', 'Your roles do not allow insights.read.');
  return { orgId: actor.orgId, spokeIds };
}

/** The whole organization's numbers only (crises are the hub's to measure). */
export function organizationScopeOf(actor: Actor): InsightsScope {
  requireAccess(actor, 'insights.read');
  return { orgId: actor.orgId, spokeIds: null };
}
