// Topics with their own detector settings, laid over the settings for every topic: a
// noisy topic's volume detector off, a product recall topic watched with high
// sensitivity. Each detector of such a topic follows every topic until told otherwise.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { detectorLabels, detectorOfSetting, detectorSettingNames, type Named } from '../types.ts';
import { choiceOf, detectorChoiceLabels, isChoice, withChoice, withDetector, withMinVolume, type TopicOverrides } from './topic-overrides.ts';

const choiceOptions = Object.entries(detectorChoiceLabels).map(([value, label]) => ({ value, label }));

interface TopicOverridesEditorProps {
  overrides: TopicOverrides;
  topics: Named[] | undefined;
  onChange: (overrides: TopicOverrides) => void;
}

function TopicOverride({ topicId, name, overrides, onChange }: { topicId: string; name: string; overrides: TopicOverrides; onChange: (overrides: TopicOverrides) => void }) {
  const own = overrides[topicId] ?? {};
  const remove = () => onChange(Object.fromEntries(Object.entries(overrides).filter(([id]) => id !== topicId)));
  return (
    <fieldset className="form__fieldset topic-override">
      <legend>{name}</legend>
      {detectorSettingNames.map((detector) => (
        <div key={detector} className="form__grid" role="group" aria-label={`${detectorLabels[detectorOfSetting[detector]]} on ${name}`}>
          <SelectField label={detectorLabels[detectorOfSetting[detector]]} field={`topicOverrides.${topicId}.${detector}`} options={choiceOptions}
            value={choiceOf(own[detector])} onChange={(event) => isChoice(event.target.value) && onChange(withDetector(overrides, topicId, detector, withChoice(own[detector], event.target.value)))} />
          <TextField label="Minimum volume" field={`topicOverrides.${topicId}.${detector}.minVolume`} type="number" inputMode="numeric" min={1} step="1"
            placeholder="As for every topic" value={own[detector]?.minVolume ?? ''}
            onChange={(event) => onChange(withDetector(overrides, topicId, detector, withMinVolume(own[detector], event.target.value)))} />
        </div>
      ))}
      <div className="form__actions">
        <Button onClick={remove}>Use the settings for every topic</Button>
      </div>
    </fieldset>
  );
}

export function TopicOverridesEditor({ overrides, topics, onChange }: TopicOverridesEditorProps) {
  const [adding, setAdding] = useState('');
  const nameOf = new Map(topics?.map((topic) => [topic.id, topic.name]));
  const free = (topics ?? []).filter((topic) => !(topic.id in overrides));
  return (
    <>
      {Object.keys(overrides).length === 0 && <p className="muted">No topic has its own settings.</p>}
      {Object.keys(overrides).map((topicId) => (
        <TopicOverride key={topicId} topicId={topicId} name={nameOf.get(topicId) ?? 'A removed topic'} overrides={overrides} onChange={onChange} />
      ))}
      {free.length > 0 && (
        <div className="form__grid topic-override__add">
          <SelectField label="Give a topic its own settings" value={adding} onChange={(event) => setAdding(event.target.value)}
            options={[{ value: '', label: 'Choose a topic' }, ...free.map((topic) => ({ value: topic.id, label: topic.name }))]} />
          <Button disabled={!adding} onClick={() => { onChange({ ...overrides, [adding]: {} }); setAdding(''); }}>Add topic</Button>
        </div>
      )}
    </>
  );
}
