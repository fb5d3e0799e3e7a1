// Routing: which spoke and person get each conversation, how fast they must answer,
// and what happens when they do not. So far: the rules engine, pure and explained
// (rules/), choosing a person in a spoke with "why me" (assignment/), and business time
// for SLA clocks (sla/); tables, timers, the inbox and notifications follow (issue 5).
export { evaluateRules, type RoutingDecision, type RuleTrace, type ConditionCheck } from './rules/evaluate-rules.ts';
export { priorities, type Priority, type RoutingRule, type RuleActions, type Condition, type RoutableMention } from './rules/routing-rule.ts';
export { isWithinHours, localTimeOf, type WeeklyHours, type WeeklySlot } from './rules/weekly-hours.ts';
export { addBusinessMinutes, businessMinutesBetween } from './sla/business-time.ts';
export { chooseAssignee, type Candidate, type ConversationNeeds, type AssigneeChoice, type CandidateVerdict } from './assignment/choose-assignee.ts';
