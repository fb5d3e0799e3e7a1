// The crisis settings, changed by hub admins: each detector's switch, sensitivity,
// minimum volume, cool-down, warm-up and window; the trigger words; topics with settings
// of their own; who is told of an alert and through which channels; and whom to tell
// when nobody acknowledges it in time. The server's problems show beside the field they name.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { CheckboxList } from '../../../ui/checkbox-list.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useCrisisSettings, useSaveCrisisSettings } from '../api/crisis-settings.ts';
import { usePickChannels, usePickPeople, usePickTopics } from '../api/pickers.ts';
import { detectorSettingNames, type CrisisSettings, type Named } from '../types.ts';
import { useCrisisAccess } from '../use-crisis-access.ts';
import { DetectorFieldset } from './detector-fieldset.tsx';
import { TopicOverridesEditor } from './topic-overrides-editor.tsx';
import { settingsDraftOf, settingsInputOf, type DetectorDraft, type SettingsDraft } from './settings-draft.ts';

const optionsOf = (named: Named[] | undefined) => named?.map((item) => ({ value: item.id, label: item.name }));

function SettingsForm({ settings }: { settings: CrisisSettings }) {
  const save = useSaveCrisisSettings();
  const people = usePickPeople();
  const channels = usePickChannels();
  const topics = usePickTopics();
  const toast = useToast();
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraftOf(settings));
  const update = (patch: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const updateDetector = (name: keyof SettingsDraft['detectors']) => (patch: Partial<DetectorDraft>) =>
    setDraft((current) => ({ ...current, detectors: { ...current.detectors, [name]: { ...current.detectors[name], ...patch } } }));

  return (
    <Form className="crisis-settings" error={save.error}
      onSubmit={() => save.mutate(settingsInputOf(draft), { onSuccess: (saved) => { setDraft(settingsDraftOf(saved)); toast('Crisis settings saved.'); } })}>
      <section aria-labelledby="crisis-detectors">
        <h2 id="crisis-detectors">Detectors</h2>
        <p className="muted">For every topic, unless a topic has its own settings.</p>
        {detectorSettingNames.map((name) => (
          <DetectorFieldset key={name} name={name} draft={draft.detectors[name]} onChange={updateDetector(name)}>
            {name === 'triggerWords' && (
              <TextAreaField label="Trigger words" field="detectors.triggerWords.words" rows={6} value={draft.triggerWords} onChange={(event) => update({ triggerWords: event.target.value })}
                hint="One a line (or separated by commas), any case and accents; a trailing * matches any ending: “recall*” finds “recalled”." />
            )}
          </DetectorFieldset>
        ))}
      </section>

      <section className="section" aria-labelledby="crisis-topic-overrides">
        <h2 id="crisis-topic-overrides">Topics with their own settings</h2>
        <p className="muted">Laid over the detectors above, detector by detector; the rest follows every topic.</p>
        <TopicOverridesEditor overrides={draft.topicOverrides} topics={topics.data} onChange={(topicOverrides) => update({ topicOverrides })} />
      </section>

      <section className="section" aria-labelledby="crisis-recipients">
        <h2 id="crisis-recipients">Who is told</h2>
        <p className="muted">Hub admins and PR leads are always told of an alert; these people and channels too.</p>
        <CheckboxList legend="Also tell" field="recipientIds" options={optionsOf(people.data)} value={draft.recipientIds} onChange={(recipientIds) => update({ recipientIds })} />
        {channels.isError ? <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
          : <CheckboxList legend="Channels" field="channelIds" options={optionsOf(channels.data)} value={draft.channelIds} onChange={(channelIds) => update({ channelIds })} />}
      </section>

      <section className="section" aria-labelledby="crisis-escalation">
        <h2 id="crisis-escalation">Escalation</h2>
        <TextField label="Escalate after (minutes)" field="escalateAfterMinutes" type="number" inputMode="numeric" required min={1} max={1440} step="1"
          value={draft.escalateAfterMinutes} onChange={(event) => update({ escalateAfterMinutes: event.target.value })}
          hint="When nobody acknowledged an alert by then, it goes to the people below." />
        <CheckboxList legend="Escalate to" field="escalateToIds" options={optionsOf(people.data)} value={draft.escalateToIds} onChange={(escalateToIds) => update({ escalateToIds })} />
        <p className="field__hint">Nobody chosen: every hub admin.</p>
      </section>

      <div className="form__actions">
        <Button type="submit" variant="primary" busy={save.isPending}>Save settings</Button>
      </div>
    </Form>
  );
}

export function CrisisSettingsPage() {
  const settings = useCrisisSettings();
  const { configures } = useCrisisAccess();
  if (!configures) return <><PageHeader title="Crisis settings" /><p>Hub admins set how the crisis detectors work and who they tell.</p></>;
  return (
    <>
      <PageHeader title="Crisis settings" description="How sensitive the detectors are, who hears of an alert, and whom to tell when nobody answers." />
      {settings.isPending ? <Loading label="Loading the settings…" />
        : !settings.data ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        : <SettingsForm settings={settings.data} />}
    </>
  );
}
