// The sections of Herd in the order of the main navigation, mirroring the server's modules.
import type { Role } from '../api/vocabulary.ts';

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to people who hold the hub_admin role. */
  hubAdminOnly?: boolean;
  /** Shown only to people who hold one of these roles (anywhere). */
  forRoles?: Role[];
}

export const navItems: NavItem[] = [
  { to: '/inbox', label: 'Inbox' },
  { to: '/listening', label: 'Listening' },
  { to: '/triage', label: 'Triage' },
  { to: '/routing', label: 'Routing', hubAdminOnly: true },
  { to: '/approvals', label: 'Approvals', forRoles: ['hub_admin', 'pr_lead', 'spoke_lead'] },
  { to: '/library', label: 'Reply library' },
  { to: '/policy', label: 'Policy' },
  { to: '/advocacy', label: 'Advocacy' },
  { to: '/crisis', label: 'Crisis' },
  { to: '/moderation', label: 'Moderation' },
  { to: '/training', label: 'Training' },
  { to: '/insights', label: 'Insights' },
  { to: '/people', label: 'People' },
  { to: '/spokes', label: 'Spokes' },
  { to: '/audit', label: 'Audit log', hubAdminOnly: true },
  { to: '/settings', label: 'Settings' },
];
