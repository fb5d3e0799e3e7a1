// The hub's reply settings: what makes a reply high-risk (it then waits for a PR lead
// or spoke lead) and who may reply publicly at all. The crisis room's topics are shown,
// not edited: they come and go with the crisis.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { CheckboxList } from '../../../ui/checkbox-list.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useCategoryChoices, useTopicChoices } from '../api/pickers.ts';
import { useSaveReplySettings, type ReplySettingsPatch } from '../api/reply-settings.ts';
import type { ReplySettings } from '../types.ts';

/** Urgency 101 is the server's "never by urgency". */
const URGENCY_OFF = 101;

const findingOptions = [
  { value: 'warn', label: 'A warning left in the text' },
  { value: 'info', label: 'Any finding, even a note' },
  { value: 'none', label: 'Never for findings' },
];

/** The form's text inputs as typed; numbers are checked by the server, which names the field. */
type Draft = Omit<ReplySettingsPatch, 'urgencyThreshold' | 'reachThreshold' | 'minimumCertificationLevel' | 'approvalValidHours'> & {
  urgencyOn: boolean; urgencyThreshold: string; reachThreshold: string; minimumCertificationLevel: string; approvalValidHours: string;
};

function draftOf(settings: ReplySettings): Required<Draft> {
  const { crisisTopicIds: _crisis, ...rest } = settings;
  const urgencyOn = settings.urgencyThreshold < URGENCY_OFF;
  return {
    ...rest, urgencyOn, urgencyThreshold: String(urgencyOn ? settings.urgencyThreshold : 70), reachThreshold: String(settings.reachThreshold),
    minimumCertificationLevel: String(settings.minimumCertificationLevel), approvalValidHours: String(settings.approvalValidHours),
  };
}

function patchOf({ urgencyOn, ...draft }: Required<Draft>): ReplySettingsPatch {
  return {
    ...draft, urgencyThreshold: urgencyOn ? Number(draft.urgencyThreshold) : URGENCY_OFF, reachThreshold: Number(draft.reachThreshold),
    minimumCertificationLevel: Number(draft.minimumCertificationLevel), approvalValidHours: Number(draft.approvalValidHours),
  };
}

export function ReplySettingsForm({ settings }: { settings: ReplySettings }) {
  const save = useSaveReplySettings();
  const toast = useToast();
  const topics = useTopicChoices();
  const categories = useCategoryChoices();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const topicName = new Map(topics.data?.map((topic) => [topic.id, topic.name]));

  return (
    <Form className="reply-settings" error={save.error} onSubmit={() => save.mutate(patchOf(draft), { onSuccess: () => toast('Reply settings saved.') })}>
      <h3>A reply waits for approval when</h3>
      <CheckboxList legend="Its conversation is in one of these categories" field="highRiskCategories" value={draft.highRiskCategories}
        options={categories.data?.map((category) => ({ value: category.name, label: category.name }))} onChange={(highRiskCategories) => set({ highRiskCategories })} />
      <CheckboxList legend="Or on one of these topics" field="highRiskTopicIds" value={draft.highRiskTopicIds}
        options={topics.data?.map((topic) => ({ value: topic.id, label: topic.name }))} onChange={(highRiskTopicIds) => set({ highRiskTopicIds })} />
      <label className="checkbox-label">
        <input type="checkbox" className="checkbox" checked={draft.urgencyOn} onChange={(event) => set({ urgencyOn: event.target.checked })} />
        Triage calls the conversation urgent
      </label>
      <TextField label="Urgency at or above (0–100)" field="urgencyThreshold" type="number" min={0} max={100} className="reply-settings__number"
        disabled={!draft.urgencyOn} value={draft.urgencyThreshold} onChange={(event) => set({ urgencyThreshold: event.target.value })} />
      <TextField label="The customer has at least this many followers" field="reachThreshold" type="number" min={0} value={draft.reachThreshold}
        onChange={(event) => set({ reachThreshold: event.target.value })} />
      <SelectField label="The policy check found" field="approvalForFindings" options={findingOptions} value={draft.approvalForFindings}
        onChange={(event) => set({ approvalForFindings: event.target.value as ReplySettings['approvalForFindings'] })} />
      {settings.crisisTopicIds.length > 0 && (
        <p className="reply-settings__crisis">
          During the active crisis, every reply on {settings.crisisTopicIds.map((id) => topicName.get(id) ?? 'a topic').join(', ')} waits for approval too (the crisis room sets this).
        </p>
      )}
      <h3>Who may reply publicly</h3>
      <TextField label="Certification level needed" field="minimumCertificationLevel" type="number" min={0} max={10} value={draft.minimumCertificationLevel}
        hint="0: anyone who may work on the conversation." onChange={(event) => set({ minimumCertificationLevel: event.target.value })} />
      <label className="checkbox-label">
        <input type="checkbox" className="checkbox" checked={draft.requirePolicyAcknowledgement} onChange={(event) => set({ requirePolicyAcknowledgement: event.target.checked })} />
        Only after acknowledging the policy in force
      </label>
      <TextField label="An approval lapses after (hours)" field="approvalValidHours" type="number" min={1} max={336} value={draft.approvalValidHours}
        hint="Unless the conversation changes first; the reviewer judged a moment that has passed." onChange={(event) => set({ approvalValidHours: event.target.value })} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={save.isPending}>Save the reply settings</Button>
        <Button onClick={() => { setDraft(draftOf(settings)); save.reset(); }}>Undo my edits</Button>
      </div>
    </Form>
  );
}
