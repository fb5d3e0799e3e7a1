// Runs an organization's routing rules over one mention and explains the outcome:
// for every rule, whether it matched and, condition by condition, why — the preview
// the hub sees, and what each routed conversation keeps as its "why here".
import { isWithinHours } from './weekly-hours.ts';
import { priorities, type Condition, type Priority, type RoutableMention, type RoutingRule } from './routing-rule.ts';

export interface ConditionCheck { condition: Condition; holds: boolean; why: string }

export interface RuleTrace {
  ruleId: string;
  name: string;
  outcome: 'matched' | 'not matched' | 'disabled' | 'failed' | 'not reached';
  checks: ConditionCheck[];
  /** Why the rule failed to evaluate (a bad time zone, say); it is skipped. */
  warning?: string;
}

export interface RoutingDecision {
  /** Where the conversation goes; null means the hub's queue (no rule routed it). */
  spokeId: string | null;
  /** The rule that chose the spoke. */
  routedBy: string | null;
  priority: Priority;
  tags: string[];
  slaPolicyId: string | null;
  requireApproval: boolean;
  notify: { personIds: string[]; channelIds: string[] };
  noReplyNeeded: boolean;
  trace: RuleTrace[];
}

const words = (text: string) => ` ${text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}#@]+/gu, ' ')} `;

function valuesOf(field: 'topic' | 'category' | 'source' | 'language' | 'place' | 'sentiment', mention: RoutableMention): (string | null)[] {
  switch (field) {
    case 'topic': return [...mention.topicIds];
    case 'category': return [mention.categoryId];
    case 'source': return [mention.sourceId];
    case 'language': return [mention.language];
    case 'place': return [mention.placeSpokeId];
    case 'sentiment': return [mention.sentiment];
  }
}

function inRange(value: number | null, atLeast: number | undefined, atMost: number | undefined): boolean {
  return value !== null && (atLeast === undefined || value >= atLeast) && (atMost === undefined || value <= atMost);
}

const rangeText = (atLeast?: number, atMost?: number) =>
  [atLeast !== undefined ? `≥ ${atLeast}` : '', atMost !== undefined ? `≤ ${atMost}` : ''].filter(Boolean).join(' and ');

/** Whether the condition holds (before negation), and why, in words a person reads. */
function check(condition: Condition, mention: RoutableMention, padded: () => string): { holds: boolean; why: string } {
  switch (condition.field) {
    case 'urgency': case 'authorFollowers': {
      const value = condition.field === 'urgency' ? mention.urgency : mention.authorFollowers;
      return { holds: inRange(value, condition.atLeast, condition.atMost), why: `${condition.field} is ${value ?? 'unknown'}, wanted ${rangeText(condition.atLeast, condition.atMost)}` };
    }
    case 'keywords': {
      const found = condition.anyOf.find((keyword) => padded().includes(words(keyword)));
      return { holds: found !== undefined, why: found ? `says "${found}"` : `says none of ${condition.anyOf.map((k) => `"${k}"`).join(', ')}` };
    }
    case 'businessHours': {
      const inside = isWithinHours(mention.postedAt, condition.hours);
      return { holds: inside, why: `posted ${inside ? 'inside' : 'outside'} the hours (${condition.hours.timeZone})` };
    }
    default: {
      const values = valuesOf(condition.field, mention);
      const hit = values.find((value) => value !== null && condition.anyOf.includes(value));
      return { holds: hit !== undefined, why: `${condition.field} is ${values.filter(Boolean).join(', ') || 'unknown'}` };
    }
  }
}

function checkRule(rule: RoutingRule, mention: RoutableMention, padded: () => string): ConditionCheck[] {
  return rule.conditions.map((condition) => {
    const { holds, why } = check(condition, mention, padded);
    return { condition, holds: condition.negate ? !holds : holds, why: condition.negate ? `not: ${why}` : why };
  });
}

const higher = (a: Priority, b: Priority) => (priorities.indexOf(a) >= priorities.indexOf(b) ? a : b);

export function evaluateRules(rules: readonly RoutingRule[], mention: RoutableMention): RoutingDecision {
  let padded: string | undefined;
  const text = () => (padded ??= words(mention.text));
  const decision: RoutingDecision = {
    spokeId: null, routedBy: null, priority: 'normal', tags: [], slaPolicyId: null, requireApproval: false,
    notify: { personIds: [], channelIds: [] }, noReplyNeeded: false, trace: [],
  };
  let stopped = false;
  for (const rule of rules) {
    const trace: RuleTrace = { ruleId: rule.id, name: rule.name, outcome: 'not reached', checks: [] };
    decision.trace.push(trace);
    if (stopped) continue;
    if (!rule.enabled) {
      trace.outcome = 'disabled';
      continue;
    }
    try {
      trace.checks = checkRule(rule, mention, text);
    } catch (error) {
      // A rule that cannot be evaluated is skipped, visibly; the others still decide.
      trace.outcome = 'failed';
      trace.warning = (error as Error).message;
      continue;
    }
    if (!trace.checks.every((c) => c.holds)) {
      trace.outcome = 'not matched';
      continue;
    }
    trace.outcome = 'matched';
    apply(rule, mention, decision);
    stopped = rule.stop === true;
  }
  return decision;
}

function apply(rule: RoutingRule, mention: RoutableMention, decision: RoutingDecision): void {
  const { actions } = rule;
  if (actions.routeTo && decision.spokeId === null) {
    const spokeId = actions.routeTo.place ? mention.placeSpokeId : actions.routeTo.spokeId ?? null;
    if (spokeId) {
      decision.spokeId = spokeId;
      decision.routedBy = rule.id;
    }
  }
  if (actions.priority) decision.priority = higher(actions.priority, decision.priority);
  for (const tag of actions.tags ?? []) if (!decision.tags.includes(tag)) decision.tags.push(tag);
  if (actions.slaPolicyId && decision.slaPolicyId === null) decision.slaPolicyId = actions.slaPolicyId;
  if (actions.requireApproval) decision.requireApproval = true;
  if (actions.noReplyNeeded) decision.noReplyNeeded = true;
  for (const id of actions.notify?.personIds ?? []) if (!decision.notify.personIds.includes(id)) decision.notify.personIds.push(id);
  for (const id of actions.notify?.channelIds ?? []) if (!decision.notify.channelIds.includes(id)) decision.notify.channelIds.push(id);
}
