// Creating or changing a rule: its name and switches, the conditions (all must hold),
// and what happens when they do. Pickers name spokes, topics and people; the server's
// problems appear beside the input they are about.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { RowsField } from '../../../ui/rows-field.tsx';
import { usePickCategories, usePickPeople, usePickSources, usePickSpokes, usePickTopics } from '../api/pickers.ts';
import { useSlaPolicies } from '../api/sla-policies.ts';
import { useChannels } from '../api/channels.ts';
import { CheckboxList } from '../../../ui/checkbox-list.tsx';
import { HoursEditor } from '../hours-editor.tsx';
import { conditionFields, priorities, priorityLabels, type ConditionField, type Named, type RuleInput } from '../types.ts';
import { newCondition, pickedListFields, rangeFields, typedListFields, type ConditionDraft, type RuleDraft, draftToRule } from './rule-draft.ts';

const toOptions = (items: Named[] | undefined) => items?.map((item) => ({ value: item.id, label: item.name }));
const sentimentOptions = [
  { value: 'negative', label: 'Negative' }, { value: 'neutral', label: 'Neutral' }, { value: 'positive', label: 'Positive' },
];

function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="checkbox-label">
      <input type="checkbox" className="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

interface RuleFormProps {
  initial: RuleDraft;
  submitLabel: string;
  busy: boolean;
  error: Error | null;
  onSubmit: (rule: RuleInput) => void;
  onCancel: () => void;
}

export function RuleForm({ initial, submitLabel, busy, error, onSubmit, onCancel }: RuleFormProps) {
  const [draft, setDraft] = useState(initial);
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const spokes = usePickSpokes();
  const people = usePickPeople();
  const channels = useChannels();
  const policies = useSlaPolicies();

  return (
    <Form onSubmit={() => onSubmit(draftToRule(draft))} error={error} className="rule-form">
      <TextField label="Name" field="name" required data-autofocus value={draft.name} onChange={(event) => set({ name: event.target.value })} />
      <div className="rule-form__switches">
        <Checkbox label="Enabled" checked={draft.enabled} onChange={(enabled) => set({ enabled })} />
        <Checkbox label="Stop here when it matches" checked={draft.stop} onChange={(stop) => set({ stop })} />
      </div>

      <RowsField<ConditionDraft>
        legend="Conditions (all must hold; none means every mention)"
        field="conditions"
        itemName="condition"
        rows={draft.conditions}
        onChange={(conditions) => set({ conditions })}
        newRow={newCondition}
        renderRow={(condition, update, index) => <ConditionFields condition={condition} update={update} index={index} />}
      />

      <fieldset className="form__fieldset">
        <legend>Then</legend>
        <SelectField label="Route to" field="actions.routeTo" value={draft.routeTo} onChange={(event) => set({ routeTo: event.target.value as RuleDraft['routeTo'] })}
          options={[{ value: 'none', label: 'Leave to later rules' }, { value: 'spoke', label: 'A spoke' }, { value: 'place', label: 'The store the post is about' }]} />
        {draft.routeTo === 'spoke' && (
          <SelectField label="Spoke" field="actions.routeTo.spokeId" value={draft.spokeId} onChange={(event) => set({ spokeId: event.target.value })}
            options={[{ value: '', label: spokes.data ? 'Choose a spoke' : 'Loading…' }, ...(toOptions(spokes.data) ?? [])]} />
        )}
        <SelectField label="Priority" field="actions.priority" value={draft.priority} onChange={(event) => set({ priority: event.target.value as RuleDraft['priority'] })}
          options={[{ value: '', label: 'Unchanged' }, ...priorities.map((value) => ({ value, label: priorityLabels[value] }))]} />
        <TextField label="Tags" field="actions.tags" hint="Separated by commas." value={draft.tags} onChange={(event) => set({ tags: event.target.value })} />
        <SelectField label="SLA policy" field="actions.slaPolicyId" value={draft.slaPolicyId} onChange={(event) => set({ slaPolicyId: event.target.value })}
          options={[{ value: '', label: 'The default for the priority' }, ...(policies.data ?? []).map((policy) => ({ value: policy.id, label: policy.name }))]} />
        <div className="rule-form__switches">
          <Checkbox label="Replies need approval" checked={draft.requireApproval} onChange={(requireApproval) => set({ requireApproval })} />
          <Checkbox label="No reply needed" checked={draft.noReplyNeeded} onChange={(noReplyNeeded) => set({ noReplyNeeded })} />
        </div>
        <details className="rule-form__notify" open={draft.notifyPersonIds.length > 0 || undefined}>
          <summary>Notify people ({draft.notifyPersonIds.length})</summary>
          <CheckboxList legend="People to notify" field="actions.notify.personIds" options={toOptions(people.data)}
            value={draft.notifyPersonIds} onChange={(notifyPersonIds) => set({ notifyPersonIds })} />
        </details>
        <details className="rule-form__notify" open={draft.notifyChannelIds.length > 0 || undefined}>
          <summary>Notify channels ({draft.notifyChannelIds.length})</summary>
          <CheckboxList legend="Channels to notify (Routing → Channels)" field="actions.notify.channelIds" options={toOptions(channels.data)}
            value={draft.notifyChannelIds} onChange={(notifyChannelIds) => set({ notifyChannelIds })} />
        </details>
      </fieldset>

      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>{submitLabel}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}

function ConditionFields({ condition, update, index }: { condition: ConditionDraft; update: (patch: Partial<ConditionDraft>) => void; index: number }) {
  const topics = usePickTopics();
  const categories = usePickCategories();
  const sources = usePickSources();
  const spokes = usePickSpokes();
  const path = `conditions.${index}`;
  const listOptions: Partial<Record<ConditionField, { value: string; label: string }[] | undefined>> = {
    topic: toOptions(topics.data),
    category: toOptions(categories.data),
    source: toOptions(sources.data),
    place: toOptions(spokes.data),
    sentiment: sentimentOptions,
  };
  const label = conditionFields.find((field) => field.value === condition.field)?.label ?? condition.field;

  return (
    <div className="condition">
      <div className="condition__head">
        <SelectField label="When" field={`${path}.field`} options={conditionFields} value={condition.field}
          onChange={(event) => update({ field: event.target.value as ConditionField, anyOf: [] })} />
        <Checkbox label="Not (negate)" checked={condition.negate} onChange={(negate) => update({ negate })} />
      </div>
      {pickedListFields.includes(condition.field) && (
        <CheckboxList legend={`${label} is any of`} field={`${path}.anyOf`} options={listOptions[condition.field]}
          value={condition.anyOf} onChange={(anyOf) => update({ anyOf })} />
      )}
      {typedListFields.includes(condition.field) && (
        <TextField label={condition.field === 'keywords' ? 'Any of these words or phrases' : 'Any of these languages'} field={`${path}.anyOf`}
          hint={condition.field === 'keywords' ? 'Separated by commas.' : 'Two-letter codes separated by commas, e.g. en, fr.'}
          value={condition.text} onChange={(event) => update({ text: event.target.value })} />
      )}
      {rangeFields.includes(condition.field) && (
        <div className="form__grid">
          <TextField label="At least" type="number" min={0} field={`${path}.atLeast`} value={condition.atLeast} onChange={(event) => update({ atLeast: event.target.value })} />
          <TextField label="At most" type="number" min={0} field={`${path}.atMost`} value={condition.atMost} onChange={(event) => update({ atMost: event.target.value })} />
        </div>
      )}
      {condition.field === 'businessHours' && (
        <HoursEditor field={`${path}.hours`} timeZone={condition.timeZone} slots={condition.slots}
          onChange={(hours) => update({ timeZone: hours.timeZone, slots: hours.slots })} />
      )}
    </div>
  );
}
