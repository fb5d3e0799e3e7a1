// Routing rules as data: conditions on what triage and listening know of a mention,
// and what to do when all of them hold. Rules are tried in order; the first rule that
// routes decides where the conversation goes, and the other actions of every matching
// rule up to a rule that says "stop" add up (tags, notifications, the highest priority).
import type { WeeklyHours } from './weekly-hours.ts';

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

/** What rules can test: a mention as triaged, in its conversation. */
export interface RoutableMention {
  text: string;
  topicIds: readonly string[];
  sourceId: string;
  categoryId: string | null;
  sentiment: 'negative' | 'neutral' | 'positive';
  urgency: number;
  language: string | null;
  /** The store spoke the mention is about, if triage found one. */
  placeSpokeId: string | null;
  authorFollowers: number | null;
  postedAt: Date;
}

export type Condition =
  | { field: 'topic' | 'category' | 'source' | 'language' | 'place' | 'sentiment'; anyOf: string[]; negate?: boolean }
  | { field: 'urgency' | 'authorFollowers'; atLeast?: number; atMost?: number; negate?: boolean }
  | { field: 'keywords'; anyOf: string[]; negate?: boolean }
  | { field: 'businessHours'; hours: WeeklyHours; negate?: boolean };

export interface RuleActions {
  /** A spoke, or (place: true) the store the mention is about, when triage found one; exactly one of the two. */
  routeTo?: { spokeId?: string; place?: true };
  priority?: Priority;
  tags?: string[];
  slaPolicyId?: string;
  requireApproval?: boolean;
  notify?: { personIds?: string[]; channelIds?: string[] };
  noReplyNeeded?: boolean;
}

export interface RoutingRule {
  id: string;
  name: string;
  enabled: boolean;
  conditions: Condition[];
  actions: RuleActions;
  /** No later rule is tried once this one matched. */
  stop?: boolean;
}
