// The rule editor's draft: every condition kind's inputs at once (so switching the
// field keeps nothing surprising), as text where people type lists or numbers; and
// the conversions to and from the API's rule.
import { linesOf } from '../../../ui/text-lines.ts';
import type { Condition, ConditionField, Priority, Rule, RuleInput, WeeklySlot } from '../types.ts';

export interface ConditionDraft {
  field: ConditionField;
  negate: boolean;
  /** Ids or values chosen from a list (topics, categories, sources, places, sentiments). */
  anyOf: string[];
  /** Typed lists (keywords, languages), comma-separated. */
  text: string;
  atLeast: string;
  atMost: string;
  timeZone: string;
  slots: WeeklySlot[];
}

export interface RuleDraft {
  name: string;
  enabled: boolean;
  stop: boolean;
  conditions: ConditionDraft[];
  routeTo: 'none' | 'spoke' | 'place';
  spokeId: string;
  priority: Priority | '';
  tags: string;
  slaPolicyId: string;
  requireApproval: boolean;
  noReplyNeeded: boolean;
  notifyPersonIds: string[];
  notifyChannelIds: string[];
}

export const typedListFields: ConditionField[] = ['keywords', 'language'];
export const pickedListFields: ConditionField[] = ['topic', 'category', 'source', 'place', 'sentiment'];
export const rangeFields: ConditionField[] = ['urgency', 'authorFollowers'];

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const newCondition = (): ConditionDraft => ({
  field: 'keywords', negate: false, anyOf: [], text: '', atLeast: '', atMost: '', timeZone: browserZone(),
  slots: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
});

export const emptyRule = (): RuleDraft => ({
  name: '', enabled: true, stop: false, conditions: [], routeTo: 'none', spokeId: '', priority: '', tags: '',
  slaPolicyId: '', requireApproval: false, noReplyNeeded: false, notifyPersonIds: [], notifyChannelIds: [],
});

function conditionToDraft(condition: Condition): ConditionDraft {
  const draft = { ...newCondition(), field: condition.field, negate: Boolean(condition.negate) };
  if ('anyOf' in condition) {
    if (typedListFields.includes(condition.field)) draft.text = condition.anyOf.join(', ');
    else draft.anyOf = [...condition.anyOf];
  } else if ('hours' in condition) {
    draft.timeZone = condition.hours.timeZone;
    draft.slots = condition.hours.slots.map((slot) => ({ ...slot }));
  } else {
    draft.atLeast = condition.atLeast === undefined ? '' : String(condition.atLeast);
    draft.atMost = condition.atMost === undefined ? '' : String(condition.atMost);
  }
  return draft;
}

export function ruleToDraft(rule: Rule): RuleDraft {
  const { actions } = rule;
  return {
    name: rule.name,
    enabled: rule.enabled,
    stop: rule.stop,
    conditions: rule.conditions.map(conditionToDraft),
    routeTo: !actions.routeTo ? 'none' : 'place' in actions.routeTo ? 'place' : 'spoke',
    spokeId: actions.routeTo && 'spokeId' in actions.routeTo ? actions.routeTo.spokeId : '',
    priority: actions.priority ?? '',
    tags: (actions.tags ?? []).join(', '),
    slaPolicyId: actions.slaPolicyId ?? '',
    requireApproval: Boolean(actions.requireApproval),
    noReplyNeeded: Boolean(actions.noReplyNeeded),
    notifyPersonIds: actions.notify?.personIds ?? [],
    notifyChannelIds: actions.notify?.channelIds ?? [],
  };
}

const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

function draftToCondition(draft: ConditionDraft): Condition {
  const negate = draft.negate ? { negate: true } : {};
  if (draft.field === 'businessHours') return { field: 'businessHours', hours: { timeZone: draft.timeZone.trim(), slots: draft.slots }, ...negate };
  if (draft.field === 'urgency' || draft.field === 'authorFollowers') {
    const atLeast = numberOrUndefined(draft.atLeast);
    const atMost = numberOrUndefined(draft.atMost);
    return { field: draft.field, ...(atLeast !== undefined ? { atLeast } : {}), ...(atMost !== undefined ? { atMost } : {}), ...negate };
  }
  const anyOf = typedListFields.includes(draft.field) ? linesOf(draft.text, { commas: true }) : draft.anyOf;
  return { field: draft.field, anyOf, ...negate } as Condition;
}

export function draftToRule(draft: RuleDraft): RuleInput {
  const tags = linesOf(draft.tags, { commas: true });
  const { notifyPersonIds: personIds, notifyChannelIds: channelIds } = draft;
  const notify = personIds.length > 0 || channelIds.length > 0
    ? { ...(personIds.length > 0 ? { personIds } : {}), ...(channelIds.length > 0 ? { channelIds } : {}) }
    : undefined;
  return {
    name: draft.name.trim(),
    enabled: draft.enabled,
    stop: draft.stop,
    conditions: draft.conditions.map(draftToCondition),
    actions: {
      ...(draft.routeTo === 'spoke' ? { routeTo: { spokeId: draft.spokeId } } : draft.routeTo === 'place' ? { routeTo: { place: true as const } } : {}),
      ...(draft.priority ? { priority: draft.priority } : {}),
      ...(tags.length > 0 ? { tags } : {}),
      ...(draft.slaPolicyId ? { slaPolicyId: draft.slaPolicyId } : {}),
      ...(draft.requireApproval ? { requireApproval: true } : {}),
      ...(draft.noReplyNeeded ? { noReplyNeeded: true } : {}),
      ...(notify ? { notify } : {}),
    },
  };
}
