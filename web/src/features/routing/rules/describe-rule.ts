// Rules in words, for the list and the preview: "Keywords any of refund, invoice".
import { conditionFields, priorityLabels, weekdays, type Condition, type RuleActions } from '../types.ts';

export type NameOf = (id: string) => string;

const dayShort = (day: number) => weekdays[day - 1]?.label.slice(0, 3) ?? String(day);

export function describeCondition(condition: Condition | Record<string, unknown>, nameOf: NameOf): string {
  const c = condition as Condition;
  const label = conditionFields.find((field) => field.value === c.field)?.label ?? String(c.field);
  const not = c.negate ? 'not ' : '';
  if ('anyOf' in c && Array.isArray(c.anyOf)) {
    const named = ['topic', 'category', 'source', 'place'].includes(c.field) ? c.anyOf.map(nameOf) : c.anyOf;
    return `${label} ${not}any of ${named.join(', ') || '(nothing)'}`;
  }
  if ('hours' in c && c.hours) {
    return `${not}within business hours (${c.hours.slots.map((slot) => `${dayShort(slot.day)} ${slot.start}–${slot.end}`).join(', ')}, ${c.hours.timeZone})`;
  }
  if ('atLeast' in c || 'atMost' in c) {
    const parts = [c.atLeast !== undefined ? `at least ${c.atLeast}` : '', c.atMost !== undefined ? `at most ${c.atMost}` : ''].filter(Boolean);
    return `${label} ${not}${parts.join(' and ')}`;
  }
  return `${label}`;
}

export function describeActions(actions: RuleActions, nameOf: NameOf, policyName: NameOf): string[] {
  const parts: string[] = [];
  if (actions.routeTo) parts.push('place' in actions.routeTo ? 'Route to the store it is about' : `Route to ${nameOf(actions.routeTo.spokeId)}`);
  if (actions.priority) parts.push(`Priority ${priorityLabels[actions.priority] ?? actions.priority}`);
  if (actions.tags?.length) parts.push(`Tag ${actions.tags.join(', ')}`);
  if (actions.slaPolicyId) parts.push(`SLA ${policyName(actions.slaPolicyId)}`);
  if (actions.requireApproval) parts.push('Replies need approval');
  if (actions.noReplyNeeded) parts.push('No reply needed');
  const notified = (actions.notify?.personIds?.length ?? 0) + (actions.notify?.channelIds?.length ?? 0);
  if (notified > 0) parts.push(`Notify ${notified}`);
  return parts;
}
