// Cache keys of the routing admin section.
export const routingKeys = {
  rules: ['routing', 'rules'] as const,
  slaPolicies: ['routing', 'sla-policies'] as const,
  calendar: (spokeId: string) => ['routing', 'calendar', spokeId] as const,
  channels: ['routing', 'channels'] as const,
  spokes: ['routing', 'pick', 'spokes'] as const,
  people: ['routing', 'pick', 'people'] as const,
  categories: ['routing', 'pick', 'categories'] as const,
  sources: ['routing', 'pick', 'sources'] as const,
  topics: ['routing', 'pick', 'topics'] as const,
  mentions: ['routing', 'pick', 'mentions'] as const,
};
