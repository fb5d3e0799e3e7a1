// The fields of a story feed: its address (when added), a title of our own, who reviews
// its stories (the hub or a spoke; a spoke lead chooses among their spokes) and whether
// new items go live at once. A refused address says why beside the field: a feed there
// already, or not an http(s) address.
import { useId, useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { Button } from '../../../ui/button.tsx';
import { Field, SelectField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import type { SpokeChoice, StoryFeed } from '../types.ts';
import type { AdvocacyAccess } from '../use-advocacy-access.ts';

export interface StoryFeedDraft {
  url: string;
  title: string;
  /** '': the hub. */
  spokeId: string;
  autoApprove: boolean;
}

/** Why the server refused the address, in words; null when it was not the address. */
export function feedUrlRefusalOf(error: Error | null): string | null {
  if (isApiError(error, 'CONFLICT')) return 'There is already a story feed at this address: find it in the list.';
  if (isApiError(error, 'VALIDATION_FAILED') && error.fieldProblems.some((problem) => problem.field === 'body.url')) {
    return 'Herd reads feeds at web addresses starting with http:// or https://. Check the address.';
  }
  return null;
}

/** Who may review the feed's stories: reviewers of everything choose the hub or any spoke; spoke leads one of their spokes. */
function spokeOptions(access: AdvocacyAccess, spokes: SpokeChoice[]) {
  if (access.reviewsAll) return [{ value: '', label: 'The hub (PR leads review)' }, ...spokes.map((spoke) => ({ value: spoke.id, label: spoke.name }))];
  return spokes.filter((spoke) => access.ledSpokeIds.includes(spoke.id)).map((spoke) => ({ value: spoke.id, label: spoke.name }));
}

export function storyFeedDraftOf(access: AdvocacyAccess, feed?: StoryFeed): StoryFeedDraft {
  return {
    url: feed?.url ?? '',
    title: feed?.title ?? '',
    spokeId: feed ? feed.spokeId ?? '' : access.reviewsAll ? '' : access.ledSpokeIds[0] ?? '',
    autoApprove: feed?.autoApprove ?? false,
  };
}

interface StoryFeedFormProps {
  /** The feed to change; without one, a new feed. */
  feed?: StoryFeed;
  access: AdvocacyAccess;
  spokes: SpokeChoice[];
  busy: boolean;
  error: Error | null;
  onSubmit: (draft: StoryFeedDraft) => void;
  onCancel: () => void;
}

export function StoryFeedForm({ feed, access, spokes, busy, error, onSubmit, onCancel }: StoryFeedFormProps) {
  const [draft, setDraft] = useState(() => storyFeedDraftOf(access, feed));
  const update = (patch: Partial<StoryFeedDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const problemId = useId();
  const refusal = feedUrlRefusalOf(error);
  return (
    <Form onSubmit={() => onSubmit(draft)} error={error} className="story-feed-form">
      {feed ? <p className="story-feed-form__url">Feed: <a href={feed.url} target="_blank" rel="noopener noreferrer">{feed.url}</a></p> : (
        <Field label="Feed address" field="url" hint="The RSS, Atom or JSON Feed of the company’s own blog or newsroom.">
          {(control) => (
            <>
              <input className="input" type="url" required maxLength={2048} placeholder="https://…" value={draft.url} data-autofocus
                onChange={(event) => update({ url: event.target.value })} {...control}
                aria-invalid={refusal ? true : control['aria-invalid']}
                aria-describedby={[control['aria-describedby'], refusal && problemId].filter(Boolean).join(' ') || undefined} />
              {refusal && <p id={problemId} className="field__problems story-feed-form__problem" role="alert" data-testid="story-feed-url-problem">{refusal}</p>}
            </>
          )}
        </Field>
      )}
      <TextField label="Title (optional)" field="title" maxLength={200} value={draft.title} onChange={(event) => update({ title: event.target.value })}
        hint="Empty: the title the feed gives itself." />
      <SelectField label="Its stories are reviewed by" field="spokeId" value={draft.spokeId} onChange={(event) => update({ spokeId: event.target.value })}
        options={spokeOptions(access, spokes)} />
      <div className="field">
        <label className="checkbox-label">
          <input type="checkbox" className="checkbox" checked={draft.autoApprove} onChange={(event) => update({ autoApprove: event.target.checked })} />
          Publish new items at once (auto-approve)
        </label>
        <p className="field__hint">On: each new item goes live in colleagues’ feeds. Off: it waits in Stories for review.</p>
      </div>
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>{feed ? 'Save feed' : 'Add feed'}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}
