// The sections of Herd in the order of the main navigation, mirroring the server's modules.
import type { Role } from '../api/vocabulary.ts';

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to people who hold the hub_admin role. */
  hubAdminOnly?: boolean;
  /** Shown only to people who hold one of these roles (anywhere). */
  forRoles?: Role[];
  /** Shown only to people who hold one of these roles across the organization (not only for a spoke). */
  forOrgWideRoles?: Role[];
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
  { to: '/crisis', label: 'Crisis', forOrgWideRoles: ['hub_admin', 'pr_lead'] },
  { to: '/moderation', label: 'Moderation' },
  { to: '/training', label: 'Training' },
  // The server narrows a spoke lead to their spokes, and PR leads and analysts must hold the role across the organization (the page says so).
  { to: '/insights', label: 'Insights', forRoles: ['hub_admin', 'pr_lead', 'analyst', 'spoke_lead'] },
  { to: '/people', label: 'People' },
  { to: '/spokes', label: 'Spokes' },
  { to: '/audit', label: 'Audit log', hubAdminOnly: true },
  { to: '/settings', label: 'Settings' },
];
