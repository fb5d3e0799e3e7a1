// Respond: replies written in people's own words under the organization's policy
// (checked live and at send), risk-tiered approval by PR and spoke leads, publishing
// back through the source's connector exactly once, and the library to start from.
export { respondModule } from './respond.module.ts';
export { currentPolicy, savePolicy, acknowledgePolicy, type PolicyInForce } from './policy/policy-store.ts';
export { compilePolicy, checkReply, worstSeverity, type PolicyFinding, type CompiledPolicy, type ReplyContext } from './policy/check-reply.ts';
export { parsePolicyRules, type PolicyRule, type Severity } from './policy/policy-rule.ts';
export { checkNetworkLimits, measureReply } from './policy/network-limits.ts';
export { setCrisisTopics, riskSettingsOf, saveRiskSettings } from './risk/risk-settings-store.ts';
export { submitReply, reviseReply, checkReplyDraft } from './replies/submit-reply.ts';
export { reviewReply } from './replies/review-reply.ts';
export { nextPublishAttemptAt } from './publishing/publish-reply.job.ts';
export { createLibraryEntry, listLibrary, type LibraryEntryView } from './library/reply-library.ts';
export { publishedReplies, type PublishedReply, type PublishedRepliesOptions } from './replies/published-replies.ts';
export { replyPublished } from './respond.events.ts';
/** A policy finding as the HTTP API shows it, for other modules' contracts. */
export { Finding as FindingSchema } from './respond.contract.ts';
