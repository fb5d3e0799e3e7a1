// The organization's advocacy settings, changed by hub admins (others read them): the
// pause switch with its reason, points per action, the leaderboards switch, the rates of
// earned media value, the public page of the company's voice, and the guard rails
// against spam (caps, sharing hours, identical texts).
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAdvocacySettings } from '../api/get-settings.ts';
import { useSaveAdvocacySettings } from '../api/save-settings.ts';
import { pointActionLabels, pointActions, type AdvocacySettings } from '../types.ts';
import { useAdvocacyAccess } from '../use-advocacy-access.ts';
import { PublicVoiceLinks } from '../voice/public-voice-links.tsx';
import { settingsDraftOf, settingsOf, type SettingsDraft } from './settings-draft.ts';

function Switch({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  return (
    <div className="field">
      <label className="checkbox-label">
        <input type="checkbox" className="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      {hint && <p className="field__hint">{hint}</p>}
    </div>
  );
}

function SettingsForm({ settings, editable }: { settings: AdvocacySettings; editable: boolean }) {
  const save = useSaveAdvocacySettings();
  const toast = useToast();
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraftOf(settings));
  const update = (patch: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const number = (label: string, field: string, key: keyof SettingsDraft, props: { min?: number; max?: number; step?: string; hint?: string } = {}) => (
    <TextField label={label} field={field} type="number" inputMode="decimal" required min={props.min ?? 0} max={props.max} step={props.step ?? '1'} hint={props.hint}
      value={draft[key] as string} onChange={(event) => update({ [key]: event.target.value } as Partial<SettingsDraft>)} />
  );

  return (
    <Form className="advocacy-settings" error={save.error}
      onSubmit={() => save.mutate(settingsOf(draft), { onSuccess: (saved) => { setDraft(settingsDraftOf(saved)); toast('Advocacy settings saved.'); } })}>
      <fieldset className="advocacy-settings__all" disabled={!editable}>
        <fieldset className="form__fieldset" data-paused={draft.paused || undefined}>
          <legend>Pause</legend>
          <Switch label="Pause all sharing" checked={draft.paused} onChange={(paused) => update({ paused })}
            hint="Nothing is shared while paused and scheduled shares wait; the crisis room pauses advocacy during a crisis." />
          {draft.paused && (
            <TextAreaField label="Why (sharers see this)" field="pausedReason" rows={2} maxLength={500} value={draft.pausedReason}
              onChange={(event) => update({ pausedReason: event.target.value })} />
          )}
        </fieldset>

        <fieldset className="form__fieldset">
          <legend>Recognition</legend>
          <div className="form__grid">
            {pointActions.map((action) => (
              <TextField key={action} label={`Points: ${pointActionLabels[action].toLowerCase()}`} field={`points.${action}`} type="number" required min={0} max={10000} step="1"
                value={draft.points[action]} onChange={(event) => update({ points: { ...draft.points, [action]: event.target.value } })} />
            ))}
          </div>
          <Switch label="Show leaderboards" checked={draft.leaderboards} onChange={(leaderboards) => update({ leaderboards })}
            hint="Overall and per spoke. Off, people see only their own points and badges." />
        </fieldset>

        <fieldset className="form__fieldset">
          <legend>Earned media value</legend>
          <p className="field__hint">Earned media value = clicks × cost per click + reach ÷ 1000 × cost per thousand impressions.</p>
          <div className="form__grid">
            {number('Cost per click', 'earnedMediaValue.costPerClick', 'costPerClick', { max: 1000, step: '0.01' })}
            {number('Cost per thousand impressions', 'earnedMediaValue.costPerThousandImpressions', 'costPerThousandImpressions', { max: 10000, step: '0.01' })}
            <TextField label="Currency" field="earnedMediaValue.currency" required maxLength={3} pattern="[A-Za-z]{3}" value={draft.currency}
              onChange={(event) => update({ currency: event.target.value })} hint="Three letters, e.g. EUR, GBP, USD." />
          </div>
        </fieldset>

        <fieldset className="form__fieldset">
          <legend>Public voice</legend>
          <Switch label="Publish the public page and feeds" checked={draft.publicVoiceEnabled} onChange={(publicVoiceEnabled) => update({ publicVoiceEnabled })}
            hint="What employees published through Herd (replies and shares), as a public page with Atom and JSON feeds." />
          <TextField label="Title of the public page" field="publicVoice.title" required maxLength={200} value={draft.publicVoiceTitle}
            onChange={(event) => update({ publicVoiceTitle: event.target.value })} />
          <PublicVoiceLinks published={settings.publicVoice.enabled} switchedOn={draft.publicVoiceEnabled} />
        </fieldset>

        <fieldset className="form__fieldset">
          <legend>Guard rails against spam</legend>
          <div className="form__grid">
            {number('Shares per person per day', 'maxSharesPerPersonPerDay', 'maxSharesPerPersonPerDay', { min: 1, max: 1000, hint: 'In any 24 hours.' })}
            {number('Shares per story per hour', 'maxSharesPerStoryPerHour', 'maxSharesPerStoryPerHour', { min: 1, max: 100000, hint: 'By everyone together.' })}
            {number('Identical text window (minutes)', 'identicalTextWindowMinutes', 'identicalTextWindowMinutes', { max: 10080, hint: 'No share of a story may repeat another’s text within it; 0 switches this off.' })}
          </div>
          <div className="form__grid">
            <TextField label="Sharing from" field="sharingHours.start" type="time" required value={draft.sharingStart} onChange={(event) => update({ sharingStart: event.target.value })} />
            <TextField label="Sharing until" field="sharingHours.end" type="time" required value={draft.sharingEnd} onChange={(event) => update({ sharingEnd: event.target.value })}
              hint="In each sharer’s own time zone. Equal times: all day; a start after the end spans midnight." />
          </div>
        </fieldset>
      </fieldset>
      {editable && (
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={save.isPending}>Save settings</Button>
        </div>
      )}
    </Form>
  );
}

export function AdvocacySettingsPage() {
  const settings = useAdvocacySettings();
  const { manages } = useAdvocacyAccess();
  return (
    <>
      <PageHeader title="Advocacy settings"
        description={manages ? 'Points, leaderboards, earned media value, the public page and the guard rails against spam.' : 'Set by the hub admins; shown here for you to read.'} />
      {settings.isPending ? <Loading label="Loading the settings…" />
        : !settings.data ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        : <SettingsForm settings={settings.data} editable={manages} />}
    </>
  );
}
