// The shapes of the respond API (src/modules/respond/respond.contract.ts): the live
// judgement of a draft, replies with their reviews, the policy, the library of
// starting points, and the words the UI shows for their closed sets of values.

import type { Finding, Severity, Span } from '../../api/policy-findings.ts';

export { severities, severityLabels, type Finding, type Severity, type Span } from '../../api/policy-findings.ts';

export type PublishingRoute = 'api' | 'copy_and_open';

/** What makes a reply wait for approval, and who may reply publicly (src/modules/respond/risk/risk-settings.ts). */
export interface ReplySettings {
  /** Category names, as triage names them. */
  highRiskCategories: string[];
  highRiskTopicIds: string[];
  /** 101: off. */
  urgencyThreshold: number;
  reachThreshold: number;
  approvalForFindings: 'none' | 'info' | 'warn';
  /** Set by the crisis room while a crisis is active. */
  crisisTopicIds: string[];
  minimumCertificationLevel: number;
  requirePolicyAcknowledgement: boolean;
  approvalValidHours: number;
}
export type RiskTier = 'low' | 'high';

export interface Judgement {
  /** The network the reply goes to, as the source's kind: mastodon, bluesky, email, file… */
  network: string;
  policyVersion: number;
  measure: { network: string; length: number; maxLength: number | null; unit: string; links: number; mentions: number };
  findings: Finding[];
  worst: Severity | null;
  blocked: boolean;
  risk: { tier: RiskTier; reasons: string[] };
  permission: { allowed: boolean; missing: string[]; acknowledgePolicyVersion: number | null };
  publishing: PublishingRoute;
}

export const replyStatuses = [
  'pending_approval', 'changes_requested', 'rejected', 'approved', 'publishing', 'awaiting_manual', 'published', 'failed', 'expired',
] as const;
export type ReplyStatus = (typeof replyStatuses)[number];
export const replyStatusLabels: Record<ReplyStatus, string> = {
  pending_approval: 'Waiting for approval',
  changes_requested: 'Changes requested',
  rejected: 'Rejected',
  approved: 'Approved, publishing soon',
  publishing: 'Publishing',
  awaiting_manual: 'Ready for you to post',
  published: 'Published',
  failed: 'Publishing failed',
  expired: 'Needs another look',
};
/** A reply on its way: its author cannot start another in the same conversation meanwhile. */
export const openReplyStatuses: readonly ReplyStatus[] = ['pending_approval', 'approved', 'publishing', 'awaiting_manual'];
/** The author may revise the text and send it again. */
export const revisableReplyStatuses: readonly ReplyStatus[] = ['changes_requested', 'expired', 'failed'];

export type ReviewDecision = 'approved' | 'changes_requested' | 'rejected';
export const reviewDecisionLabels: Record<ReviewDecision, string> = { approved: 'Approved', changes_requested: 'Asked for changes', rejected: 'Rejected' };

export interface Review {
  id: number;
  reviewerId: string | null;
  reviewerName: string | null;
  decision: ReviewDecision;
  comment: string;
  /** The part of `reviewedText` the comment is about. */
  span: Span | null;
  /** The text as the reviewer saw it (the reply may have been revised since). */
  reviewedText: string;
  at: string;
}

export interface Reply {
  id: string;
  conversationId: string;
  inReplyToMentionId: string;
  authorId: string;
  authorName: string;
  text: string;
  network: string;
  status: ReplyStatus;
  riskTier: RiskTier;
  riskReasons: string[];
  policyVersion: number;
  findings: Finding[];
  startedFrom: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  publishAttempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  publishedUrl: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  reviews: Review[];
}

export interface SubmittedReply {
  reply: Reply;
  judgement: Judgement;
}

/** A post of the conversation, as the inbox hands it to the reply panel. */
export interface ConversationPost {
  id: string;
  url: string | null;
  text: string;
  authorName: string | null;
  authorHandle: string | null;
  sourceName: string;
  postedAt: string;
}

export const libraryKinds = ['saved_reply', 'holding_statement'] as const;
export type LibraryKind = (typeof libraryKinds)[number];
export const libraryKindLabels: Record<LibraryKind, string> = { saved_reply: 'Saved reply', holding_statement: 'Holding statement' };

export interface LibraryEntry {
  id: string;
  kind: LibraryKind;
  title: string;
  text: string;
  ownerId: string | null;
  ownerName: string | null;
  /** Null: for everyone in the organization. */
  spokeId: string | null;
  topicIds: string[];
  language: string | null;
  expiresAt: string | null;
  expired: boolean;
  approvedByName: string | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryEntryInput {
  kind: LibraryKind;
  title: string;
  text: string;
  spokeId: string | null;
  language: string | null;
  expiresAt: string | null;
}

/** One rule of the policy; its other fields depend on `kind` (see policy-rules.tsx). */
export interface PolicyRule {
  kind: string;
  id: string;
  severity: Severity;
  description?: string;
  [field: string]: unknown;
}

export interface Policy {
  /** 0: the built-in starter policy, until the hub saves one. */
  version: number;
  rules: PolicyRule[];
  note: string;
  createdAt: string | null;
  /** The newest version the signed-in person acknowledged, or null. */
  acknowledgedVersion: number | null;
}

export interface PolicyVersion {
  version: number;
  note: string;
  createdBy: string | null;
  createdAt: string;
}

export interface SpokeChoice {
  id: string;
  name: string;
}

/** How the networks are called in sentences ("Will be published on Mastodon"). */
const networkNames: Record<string, string> = {
  mastodon: 'Mastodon', bluesky: 'Bluesky', x: 'X', linkedin: 'LinkedIn', facebook: 'Facebook', email: 'e-mail', rss: 'the feed', file: 'the imported source', webhook: 'the source',
};
export const networkName = (network: string) => networkNames[network.toLowerCase()] ?? network;
