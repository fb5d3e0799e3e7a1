// The shapes of the routing admin API: rules (conditions and actions), the preview of
// a routing decision with its trace, SLA policies and spoke calendars.

import type { Priority } from '../../api/vocabulary.ts';

export { priorities, priorityLabels, type Priority } from '../../api/vocabulary.ts';

export interface WeeklySlot { day: number; start: string; end: string }
export interface WeeklyHours { timeZone: string; slots: WeeklySlot[] }

export type ListField = 'topic' | 'category' | 'source' | 'language' | 'place' | 'sentiment' | 'keywords';
export type RangeField = 'urgency' | 'authorFollowers';

export type Condition =
  | { field: ListField; anyOf: string[]; negate?: boolean }
  | { field: RangeField; atLeast?: number; atMost?: number; negate?: boolean }
  | { field: 'businessHours'; hours: WeeklyHours; negate?: boolean };
export type ConditionField = Condition['field'];

export const conditionFields: { value: ConditionField; label: string }[] = [
  { value: 'topic', label: 'Topic' },
  { value: 'category', label: 'Category' },
  { value: 'source', label: 'Source' },
  { value: 'language', label: 'Language' },
  { value: 'place', label: 'Store (place)' },
  { value: 'sentiment', label: 'Sentiment' },
  { value: 'keywords', label: 'Keywords' },
  { value: 'urgency', label: 'Urgency' },
  { value: 'authorFollowers', label: 'Author followers' },
  { value: 'businessHours', label: 'Business hours' },
];

export interface RuleActions {
  routeTo?: { spokeId: string } | { place: true };
  priority?: Priority;
  tags?: string[];
  slaPolicyId?: string;
  requireApproval?: boolean;
  notify?: { personIds?: string[]; channelIds?: string[] };
  noReplyNeeded?: boolean;
}

export interface Rule {
  id: string;
  position: number;
  name: string;
  enabled: boolean;
  stop: boolean;
  conditions: Condition[];
  actions: RuleActions;
}

export type RuleInput = Omit<Rule, 'id' | 'position'>;

export interface PreviewCheck {
  condition: Condition | Record<string, unknown>;
  holds: boolean;
  why: string;
}

export interface PreviewTraceStep {
  ruleId: string;
  name: string;
  outcome: 'matched' | 'not matched' | 'disabled' | 'failed' | 'not reached';
  checks: PreviewCheck[];
  warning?: string;
}

export interface PreviewResult {
  decision: {
    spokeId: string | null;
    spokeName: string | null;
    routedBy: string | null;
    priority: Priority;
    tags: string[];
    slaPolicyId: string | null;
    requireApproval: boolean;
    noReplyNeeded: boolean;
    notify: { personIds?: string[]; channelIds?: string[] } | null;
    trace: PreviewTraceStep[];
  };
  assignee: null | {
    personId: string | null;
    reasons: string[];
    verdicts: { personId: string; name: string; eligible: boolean; score: number; reasons: string[] }[];
  };
}

export type PreviewInput =
  | { mentionId: string }
  | {
    text: string;
    sourceId?: string;
    language?: string;
    sentiment?: 'negative' | 'neutral' | 'positive';
    categoryId?: string;
    urgency?: number;
    placeSpokeId?: string;
    authorFollowers?: number;
    topicIds?: string[];
  };

export const escalationSteps = ['assignee', 'spoke_lead', 'hub'] as const;
export type EscalationStep = (typeof escalationSteps)[number];
export const escalationLabels: Record<EscalationStep, string> = { assignee: 'Assignee', spoke_lead: 'Spoke lead', hub: 'Hub' };

export interface SlaPolicy {
  id: string;
  name: string;
  defaultFor: Priority | null;
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  resolutionMinutes: number;
  warnBeforeMinutes: number;
  escalation: EscalationStep[];
  escalationIntervalMinutes: number;
}

export type SlaPolicyInput = Omit<SlaPolicy, 'id'>;

export interface SpokeCalendar extends WeeklyHours {
  spokeId: string;
}

export interface Named { id: string; name: string }
export interface RecentMention { id: string; text: string; title: string | null; authorHandle: string | null; sourceName: string; postedAt: string }

export const weekdays = [
  { value: '1', label: 'Monday' }, { value: '2', label: 'Tuesday' }, { value: '3', label: 'Wednesday' },
  { value: '4', label: 'Thursday' }, { value: '5', label: 'Friday' }, { value: '6', label: 'Saturday' }, { value: '7', label: 'Sunday' },
];
