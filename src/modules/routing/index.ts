// Routing: which spoke and person get each conversation, how fast they must answer,
// and what happens when they do not; the inbox people work from, their notes and
// experts, and the notifications that reach them (in the app, by e-mail, by webhook).
export { routingModule } from './routing.module.ts';
export { routeTriagedMentions, routeStoredMentions, type RoutedConversation } from './conversations/route-mentions.ts';
export { evaluateRules, type RoutingDecision, type RuleTrace, type ConditionCheck } from './rules/evaluate-rules.ts';
export { priorities, type Priority, type RoutingRule, type RuleActions, type Condition, type RoutableMention } from './rules/routing-rule.ts';
export { createRule, updateRule, deleteRule, type RuleInput } from './rules/rule-store.ts';
export { createSlaPolicy, setSpokeCalendar } from './sla/sla-policy-store.ts';
export { isWithinHours, localTimeOf, type WeeklyHours, type WeeklySlot } from './rules/weekly-hours.ts';
export { addBusinessMinutes, businessMinutesBetween } from './sla/business-time.ts';
export { chooseAssignee, type Candidate, type ConversationNeeds, type AssigneeChoice, type CandidateVerdict } from './assignment/choose-assignee.ts';
export { conversationToAnswer, visibleConversation, conversationStateOf, recordAnswer, tellAboutConversation, spokesOfConversations, type PublishedAnswer } from './conversations/answering.ts';
export type { ConversationState } from './conversations/conversation-access.ts';
export { firstResponseTimes, type FirstResponseTimes } from './conversations/first-response-times.ts';
// For modules above that tell people and channels, or announce changes live, in their own transaction (crisis alerts).
export { notifyPeople, notifyChannels, channelIdsOf, peopleWithEmailOff, setMyPreferences, type NotificationInput, type ChannelMessage } from './notifications/index.ts';
export { publishLiveEvents, type LiveEvent } from './live/index.ts';
// For insights: a conversation's milestones as they happen, its measures, and the backlog waiting on each spoke.
export { conversationMilestones, conversationMeasuresOf, type ConversationMilestone, type ConversationMeasures } from './conversations/conversation-milestones.ts';
export { openBacklogOf, type SpokeBacklog } from './conversations/open-backlog.ts';
