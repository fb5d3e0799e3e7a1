// The closed sets of values the Herd API speaks in, with the words the UI shows for
// them. Several features need them (a spoke lists its members' roles, a person's page
// edits them), so they live with the API contract rather than in one feature.
export const roles = ['hub_admin', 'pr_lead', 'spoke_lead', 'volunteer', 'analyst'] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Record<Role, string> = {
  hub_admin: 'Hub admin',
  pr_lead: 'PR lead',
  spoke_lead: 'Spoke lead',
  volunteer: 'Volunteer',
  analyst: 'Analyst',
};

export const personStatuses = ['active', 'away', 'left'] as const;
export type PersonStatus = (typeof personStatuses)[number];
export const personStatusLabels: Record<PersonStatus, string> = { active: 'Active', away: 'Away', left: 'Left' };

export const spokeKinds = ['department', 'business_unit', 'store', 'region', 'other'] as const;
export type SpokeKind = (typeof spokeKinds)[number];
export const spokeKindLabels: Record<SpokeKind, string> = {
  department: 'Department',
  business_unit: 'Business unit',
  store: 'Store',
  region: 'Region',
  other: 'Other',
};

/** Select options for one of the sets above, in its documented order. */
export const optionsOf = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** How urgently a conversation needs an answer (routing rules set it; the inbox shows it). */
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];
export const priorityLabels: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
