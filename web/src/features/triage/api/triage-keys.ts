// Cache keys of the triage section, so a change refreshes exactly what it touched.
export const triageKeys = {
  categories: ['triage', 'categories'] as const,
  examples: ['triage', 'examples'] as const,
  examplesOf: (categoryId: string) => ['triage', 'examples', categoryId] as const,
  model: ['triage', 'model'] as const,
  mentions: ['triage', 'mentions'] as const,
  ofMentions: (mentionIds: readonly string[]) => ['triage', 'mentions', mentionIds] as const,
};
