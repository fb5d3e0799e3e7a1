// Who may do what. An Actor is the signed-in person (or the owner of an API token)
// with the roles they hold; every service call checks access through `requireAccess`
// before it touches data, and every query is scoped to the actor's organization.
import { AppError } from '../../errors.ts';
import type { roles } from './people.schema.ts';

export type Role = (typeof roles)[number];
export interface RoleGrant { role: Role; spokeId: string | null }

export interface Actor {
  orgId: string;
  /** Null for the system itself (CLI, demo seeding, background work). */
  personId: string | null;
  label: string;
  via: 'session' | 'api_token' | 'system';
  roles: RoleGrant[];
}

export type Permission =
  | 'directory.read' // see people and spokes: everyone, to find colleagues
  | 'people.manage' // create, edit, import and remove people
  | 'spokes.create'
  | 'spoke.manage' // edit one spoke and its members (scoped)
  | 'audit.read'
  | 'listening.manage' // sources and listening topics
  | 'mentions.read'
  | 'triage.manage' // categories, their keywords and examples
  | 'triage.label' // correct the category of a mention
  | 'routing.manage' // routing rules, SLA policies, calendars, notification channels
  | 'conversations.all' // see every conversation (the hub's view)
  | 'conversations.work' // work on conversations one may see (claim, note, resolve)
  | 'policy.manage' // the social-media policy and the reply risk settings
  | 'replies.approve' // approve high-risk replies (PR leads; spoke leads in their spoke)
  | 'library.manage' // saved replies (PR leads; spoke leads for their spoke's)
  | 'holding.manage' // holding statements (PR leads)
  | 'advocacy.manage' // advocacy settings and hub stories (hub admins)
  | 'stories.review' // publish, approve and pause stories (PR leads; spoke leads for their spoke's)
  | 'advocacy.join' // see the story feed, suggest stories and share them (every member)
  | 'advocacy.measure' // the programme's reach: participation and numbers (hub admins, PR leads, analysts; spoke leads for their spoke)
  | 'insights.read' // dashboards, exports and digests (hub admins, org-wide PR leads and analysts; spoke leads for their spoke)
  | 'crisis.watch' // see the radar, see and acknowledge crisis alerts, read crisis rooms (hub admins, org-wide PR leads)
  | 'crisis.run' // open and run a crisis room: owner, status, notes, holding statements, report (hub admins, org-wide PR leads)
  | 'crisis.configure'; // the detectors' settings, alert recipients, channels and escalation (hub admins)

const orgWide = (actor: Actor, role: Role) => actor.roles.some((g) => g.role === role && g.spokeId === null);
const leadsSpoke = (actor: Actor, spokeId: string | null | undefined) =>
  spokeId != null && actor.roles.some((g) => g.role === 'spoke_lead' && g.spokeId === spokeId);

export function can(actor: Actor, permission: Permission, scope: { spokeId?: string | null } = {}): boolean {
  if (actor.via === 'system' || orgWide(actor, 'hub_admin')) return true;
  switch (permission) {
    case 'directory.read':
    case 'mentions.read':
      return actor.roles.length > 0;
    case 'spoke.manage':
      return leadsSpoke(actor, scope.spokeId);
    case 'triage.label':
      return actor.roles.some((g) => g.role === 'spoke_lead' || g.role === 'pr_lead');
    case 'conversations.all':
      return orgWide(actor, 'pr_lead') || orgWide(actor, 'analyst');
    case 'conversations.work':
      return actor.roles.some((g) => g.role !== 'analyst');
    case 'replies.approve':
    case 'library.manage':
      return orgWide(actor, 'pr_lead') || leadsSpoke(actor, scope.spokeId);
    case 'holding.manage':
    case 'crisis.watch':
    case 'crisis.run':
      return orgWide(actor, 'pr_lead');
    case 'stories.review':
      return orgWide(actor, 'pr_lead') || leadsSpoke(actor, scope.spokeId);
    case 'advocacy.join':
      return actor.personId !== null && actor.roles.length > 0;
    // Measuring the programme is the hub's view: org-wide PR leads and analysts, as for every conversation;
    // a spoke lead measures their own spoke (asked with its spokeId).
    case 'advocacy.measure':
    case 'insights.read':
      return orgWide(actor, 'pr_lead') || orgWide(actor, 'analyst') || leadsSpoke(actor, scope.spokeId);
    default:
      return false;
  }
}

export function requireAccess(actor: Actor, permission: Permission, scope: { spokeId?: string | null } = {}): void {
  if (!can(actor, permission, scope)) throw new AppError('FORBIDDEN', `Your roles do not allow ${permission}.`);
}

export function systemActor(orgId: string, label = 'system'): Actor {
  return { orgId, personId: null, label, via: 'system', roles: [] };
}
