// The fields of a story: its page (read for the title, summary and image when new), the
// talking points (points to make, never a script) and suggested hashtags, who looks
// after it, its audience (spokes, skills, languages; empty: everyone) and its dates;
// reviewers adding one choose whether it goes live now. The server's objections show
// beside each field.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { CheckboxList } from '../../../ui/checkbox-list.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { RowsField } from '../../../ui/rows-field.tsx';
import { useSpokeChoices } from '../api/list-spokes.ts';
import { newStoryStatusLabels, type NewStoryStatus, type Story } from '../types.ts';
import type { AdvocacyAccess } from '../use-advocacy-access.ts';
import { draftOf, type StoryDraft } from './story-draft.ts';
import { StoryUrlField } from './story-url-field.tsx';

interface StoryFormProps {
  /** The story to change; without one the form adds (or suggests) a story. */
  story?: Story;
  access: AdvocacyAccess;
  submitLabel: string;
  busy: boolean;
  error: Error | null;
  onSubmit: (draft: StoryDraft) => void;
  onCancel: () => void;
}

/** The story's image as cards will show it, or a word when it cannot be loaded (cards then show none). */
function ImagePreview({ url }: { url: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <p className="story-form__image-missing muted">The image cannot be loaded; the story shows without one.</p>;
  return <img className="story-form__image-preview" src={url} alt="The story’s image as it will show" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
}

/** Who may look after the story: reviewers of every spoke choose any; spoke leads their spokes (or suggest to the hub); others suggest to anyone. */
function spokeOptions(access: AdvocacyAccess, spokes: { id: string; name: string }[], editing: boolean) {
  const led = access.reviewsAll ? spokes : spokes.filter((spoke) => access.ledSpokeIds.includes(spoke.id));
  if (!access.publishes) return [{ value: '', label: 'The hub' }, ...spokes.map((spoke) => ({ value: spoke.id, label: spoke.name }))];
  const hub = access.reviewsAll ? [{ value: '', label: 'The hub' }] : editing ? [] : [{ value: '', label: 'The hub (as a suggestion)' }];
  return [...hub, ...led.map((spoke) => ({ value: spoke.id, label: spoke.name }))];
}

export function StoryForm({ story, access, submitLabel, busy, error, onSubmit, onCancel }: StoryFormProps) {
  const spokes = useSpokeChoices();
  const [draft, setDraft] = useState<StoryDraft>(() => {
    const initial = draftOf(story);
    // A spoke lead publishes for a spoke they lead unless they choose otherwise.
    if (!story && access.publishes && !access.reviewsAll) initial.spokeId = access.ledSpokeIds[0] ?? '';
    return initial;
  });
  const update = (patch: Partial<StoryDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const spokeList = spokes.data ?? [];
  const spokesHint = spokes.isPending ? 'Loading the spokes…' : spokes.isError ? `The spokes could not be loaded: ${spokes.error.message}` : undefined;

  return (
    <Form onSubmit={() => onSubmit(draft)} error={error} className="story-form">
      {story ? <p className="story-form__url">Page: <a href={story.url} target="_blank" rel="noopener noreferrer">{story.url}</a></p> : (
        <StoryUrlField url={draft.url} onUrlChange={(url) => update({ url })} saveError={error}
          onRead={(page) => update({ title: page.title, summary: page.summary, imageUrl: page.imageUrl ?? '', siteName: page.siteName ?? '' })} />
      )}
      <TextField label={story ? 'Title' : 'Title (optional: the page’s own when empty)'} field="title" required={Boolean(story)} maxLength={500}
        value={draft.title} onChange={(event) => update({ title: event.target.value })} />
      <TextAreaField label="Summary" field="summary" rows={3} maxLength={2000} value={draft.summary} onChange={(event) => update({ summary: event.target.value })} />
      <div className="story-form__image">
        <TextField label="Image address (optional)" field="imageUrl" type="url" value={draft.imageUrl} placeholder="https://…"
          onChange={(event) => update({ imageUrl: event.target.value })} />
        {draft.imageUrl && <ImagePreview key={draft.imageUrl} url={draft.imageUrl} />}
      </div>
      <RowsField legend="Talking points" field="talkingPoints" itemName="talking point" rows={draft.talkingPoints}
        onChange={(talkingPoints) => update({ talkingPoints })} newRow={() => ({ text: '' })}
        renderRow={(row, change, index) => (
          <TextAreaField label={`Point ${index + 1}`} field={`talkingPoints.${index}`} rows={2} maxLength={1000} value={row.text}
            onChange={(event) => change({ text: event.target.value })} />
        )} />
      <p className="field__hint story-form__points-hint">Points people might make, never a script: shares that repeat them get a nudge to say it in their own words.</p>
      <TextField label="Suggested hashtags" field="hashtags" value={draft.hashtags} placeholder="#AcmeSpring #Trees"
        onChange={(event) => update({ hashtags: event.target.value })} hint="Separated by spaces or commas; the # is added where missing." />
      <SelectField label={access.publishes ? 'Looked after by' : 'Suggest it to'} field="spokeId" value={draft.spokeId}
        onChange={(event) => update({ spokeId: event.target.value })} options={spokeOptions(access, spokeList, Boolean(story))}
        hint={spokesHint ?? (access.publishes ? 'Its reviewers: the hub’s PR leads, or the spoke’s lead.' : 'The lead who reviews your suggestion; approved, it goes live for colleagues.')} />
      <fieldset className="form__fieldset story-form__audience">
        <legend>Audience (empty: everyone)</legend>
        <CheckboxList legend="Spokes" field="audienceSpokeIds" value={draft.audienceSpokeIds} onChange={(audienceSpokeIds) => update({ audienceSpokeIds })}
          options={spokes.data?.map((spoke) => ({ value: spoke.id, label: spoke.name }))} />
        <div className="form__grid">
          <TextField label="Skills" field="audienceSkills" value={draft.audienceSkills} placeholder="sustainability, campaigns"
            onChange={(event) => update({ audienceSkills: event.target.value })} hint="People with any of these skills; comma-separated." />
          <TextField label="Languages" field="audienceLanguages" value={draft.audienceLanguages} placeholder="en, fr"
            onChange={(event) => update({ audienceLanguages: event.target.value })} hint="Two-letter codes, comma-separated." />
        </div>
      </fieldset>
      <div className="form__grid">
        <TextField label="Starts (optional)" field="startsAt" type="datetime-local" value={draft.startsAt}
          onChange={(event) => update({ startsAt: event.target.value })} hint="Shown in feeds from then; empty: at once." />
        <TextField label="Ends (optional)" field="endsAt" type="datetime-local" value={draft.endsAt}
          onChange={(event) => update({ endsAt: event.target.value })} hint="No more shares after this; it shows as expired." />
      </div>
      {!story && access.publishes && (
        <SelectField label="Status" field="status" value={draft.status} onChange={(event) => update({ status: event.target.value as NewStoryStatus })}
          options={Object.entries(newStoryStatusLabels).map(([value, label]) => ({ value, label }))} />
      )}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>{submitLabel}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}
