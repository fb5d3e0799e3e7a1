// The shapes of the inbox API: conversations as the list shows them, one conversation
// with its thread, author, timeline and experts, bulk results and notifications.

export const conversationStatuses = ['new', 'assigned', 'waiting', 'resolved'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];
export const statusLabels: Record<ConversationStatus, string> = { new: 'New', assigned: 'Assigned', waiting: 'Waiting', resolved: 'Resolved' };

import type { ComponentType } from 'react';
import type { Priority } from '../../api/vocabulary.ts';

export { priorities, priorityLabels, type Priority } from '../../api/vocabulary.ts';

export const inboxViews = ['mine', 'spoke', 'all', 'escalated', 'waiting'] as const;
export type InboxView = (typeof inboxViews)[number];
export const viewLabels: Record<InboxView, string> = {
  mine: 'My conversations',
  spoke: 'My spoke',
  all: 'Everything',
  escalated: 'Escalated',
  waiting: 'Waiting',
};

export type InboxSort = 'due' | 'recent';

export interface InboxFilters {
  view: InboxView;
  status: ConversationStatus | '';
  priority: Priority | '';
  spokeId: string;
  q: string;
  sort: InboxSort;
}

export interface Headline {
  title: string | null;
  text: string;
  authorHandle: string | null;
  authorName: string | null;
  authorFollowers: number | null;
  sourceName: string;
  sourceKind: string;
  url: string | null;
  mentionCount: number;
}

export interface InboxItem {
  conversationId: string;
  status: ConversationStatus;
  priority: Priority;
  tags: string[];
  spokeId: string | null;
  spokeName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  escalationLevel: number;
  snoozedUntil: string | null;
  firstResponseDueAt: string | null;
  /** When the first reply went out: the first-response clock has stopped. */
  firstRespondedAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  /** The nearest running clock. */
  dueAt: string | null;
  lastCustomerAt: string;
  headline: Headline;
}

export interface Conversation extends InboxItem {
  requireApproval: boolean;
  noReplyNeeded: boolean;
  mergedInto: string | null;
}

export interface Weighted {
  term: string;
  weight: number;
}

export interface ThreadTriage {
  language: string | null;
  sentiment: { label: 'negative' | 'neutral' | 'positive'; score: number; reasons: (Weighted | string)[] };
  category: null | { id: string; name: string; confidence: number; reasons: (Weighted | string)[]; decidedBy: string };
  urgency: { score: number; reasons: string[] };
  place: null | { spokeId: string; name: string };
  spam: { spam: boolean; reasons: string[] };
}

export interface ThreadMention {
  id: string;
  sourceName: string;
  sourceKind: string;
  authorHandle: string | null;
  authorName: string | null;
  authorFollowers: number | null;
  title: string | null;
  text: string;
  url: string | null;
  language: string | null;
  postedAt: string;
  triage: ThreadTriage | null;
}

export interface Author {
  handle: string | null;
  name: string | null;
  followers: number | null;
  history: { mentions: number; conversations: number; firstSeenAt: string | null };
}

export interface TraceStep {
  ruleId: string;
  name: string;
  outcome: string;
  warning?: string;
}

export interface TimelineEntry {
  id: string | number;
  at: string;
  kind: string;
  actorPersonId: string | null;
  actorName: string | null;
  details: Record<string, unknown>;
}

export interface Participant {
  personId: string;
  name: string;
  reason: string;
}

export interface ExpertRequest {
  id: string;
  skill: string;
  question: string;
  requestedBy: string;
  acceptedBy: string | null;
  createdAt: string;
}

export interface ConversationDetail {
  conversation: Conversation;
  thread: ThreadMention[];
  author: Author | null;
  timeline: TimelineEntry[];
  participants: Participant[];
  expertRequests: ExpertRequest[];
  canWork: boolean;
}

export type BulkAction = 'claim' | 'resolve' | 'waiting' | 'assign' | 'transfer';

export interface BulkInput {
  conversationIds: string[];
  action: BulkAction;
  personId?: string;
  spokeId?: string;
  note?: string;
}

export interface BulkResult {
  conversationId: string;
  ok: boolean;
  error?: { code: string; message: string };
}

export interface Notification {
  id: number | string;
  kind: string;
  conversationId: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPreferences {
  email: 'instant' | 'digest' | 'off';
  quietStart: string | null;
  quietEnd: string | null;
  digestHour: number;
}

/** People and spokes as the pickers need them. */
export interface PersonChoice {
  id: string;
  name: string;
  email?: string;
  title?: string | null;
}

export interface SpokeChoice {
  id: string;
  name: string;
}

/**
 * What another section shows inside an open conversation, e.g. respond's replies and
 * composer. Features never import each other, so web/src/app hands it to the inbox
 * routes; it gets the conversation's id, whether the person may work on it, and its posts.
 */
export type ConversationExtra = ComponentType<{ conversationId: string; canWork: boolean; posts: readonly ThreadMention[] }>;
