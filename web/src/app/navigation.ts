// The sections of Herd in the order of the main navigation, mirroring the server's modules.
export interface NavItem {
  to: string;
  label: string;
  /** Shown only to people who hold the hub_admin role. */
  hubAdminOnly?: boolean;
}

export const navItems: NavItem[] = [
  { to: '/inbox', label: 'Inbox' },
  { to: '/listening', label: 'Listening' },
  { to: '/triage', label: 'Triage' },
  { to: '/routing', label: 'Routing', hubAdminOnly: true },
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
