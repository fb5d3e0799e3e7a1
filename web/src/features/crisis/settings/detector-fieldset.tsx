// One detector's settings: on or off, how sensitive, the least volume it alerts on (what
// it counts is said beside it), how long it stays quiet after an alert, how much history
// it needs first, and its window and followers threshold where it has them.
import type { ReactNode } from 'react';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { detectorLabels, detectorOfSetting, minVolumeMeaning, sensitivities, sensitivityLabels, type DetectorSettingName, type Sensitivity } from '../types.ts';
import type { DetectorDraft } from './settings-draft.ts';

interface DetectorFieldsetProps {
  name: DetectorSettingName;
  draft: DetectorDraft;
  onChange: (patch: Partial<DetectorDraft>) => void;
  /** What only this detector has, below its common fields (the trigger words). */
  children?: ReactNode;
}

export function DetectorFieldset({ name, draft, onChange, children }: DetectorFieldsetProps) {
  const field = (key: string) => `detectors.${name}.${key}`;
  const number = (label: string, key: 'minVolume' | 'cooldownMinutes' | 'warmUpHours' | 'windowMinutes' | 'minFollowers', props: { min: number; max?: number; hint?: string; required?: boolean }) => (
    <TextField label={label} field={field(key)} type="number" inputMode="numeric" step="1" min={props.min} max={props.max} required={props.required ?? true} hint={props.hint}
      value={draft[key] ?? ''} onChange={(event) => onChange({ [key]: event.target.value })} />
  );
  return (
    <fieldset className="form__fieldset detector-fieldset" data-enabled={draft.enabled}>
      <legend>{detectorLabels[detectorOfSetting[name]]}</legend>
      <div className="field">
        <label className="checkbox-label">
          <input type="checkbox" className="checkbox" checked={draft.enabled} onChange={(event) => onChange({ enabled: event.target.checked })} />
          Raise alerts
        </label>
      </div>
      <div className="form__grid">
        <SelectField label="Sensitivity" field={field('sensitivity')} value={draft.sensitivity} onChange={(event) => onChange({ sensitivity: event.target.value as Sensitivity })}
          options={sensitivities.map((value) => ({ value, label: sensitivityLabels[value] }))} hint="High alerts sooner, on smaller rises." />
        {number('Minimum volume', 'minVolume', { min: 1, max: 1_000_000, hint: minVolumeMeaning[name] })}
        {number('Cool-down (minutes)', 'cooldownMinutes', { min: 0, max: 7 * 24 * 60, hint: 'How long it must stay quiet before a new event can alert again.' })}
        {number('Warm-up (hours)', 'warmUpHours', { min: 0, max: 365 * 24, hint: 'Hours with mentions it needs before its first alert.' })}
        {draft.windowMinutes !== undefined && number('Window (minutes)', 'windowMinutes', { min: 1, max: 1440 })}
        {draft.minFollowers !== undefined && number('Followers from', 'minFollowers', { min: 1, required: false, hint: 'Empty: the sensitivity decides (10,000 high, 50,000 medium, 250,000 low).' })}
      </div>
      {children}
    </fieldset>
  );
}
