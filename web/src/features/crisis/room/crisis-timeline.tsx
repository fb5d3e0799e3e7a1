// What happened in the crisis, newest first: opened, status, severity and owner
// changes, notes, alerts, holding statements, replies published and effects switched,
// each with a mark and a word for its kind; those running the room add notes on top.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { LoadMore } from '../../../ui/load-more.tsx';
import { useAddNote } from '../api/add-note.ts';
import { useTimeline } from '../api/list-timeline.ts';
import type { TimelineKind } from '../types.ts';

const kinds: Record<TimelineKind, { mark: string; label: string }> = {
  opened: { mark: '◉', label: 'Opened' },
  status: { mark: '⇄', label: 'Status' },
  severity: { mark: '▲', label: 'Severity' },
  owner: { mark: '☺', label: 'Owner' },
  note: { mark: '✎', label: 'Note' },
  alert: { mark: '⚠', label: 'Alert' },
  statement: { mark: '❝', label: 'Holding statement' },
  'reply-published': { mark: '↩', label: 'Reply published' },
  effect: { mark: '⚙', label: 'Effect' },
};
const kindOf = (kind: string) => kinds[kind as TimelineKind] ?? { mark: '•', label: kind };

function NoteForm({ crisisId }: { crisisId: string }) {
  const [text, setText] = useState('');
  const add = useAddNote(crisisId);
  return (
    <Form className="crisis-note-form" error={add.error} onSubmit={() => add.mutate(text.trim(), { onSuccess: () => setText('') })}>
      <TextAreaField label="Note" field="text" rows={2} maxLength={5000} value={text} onChange={(event) => setText(event.target.value)}
        hint="For the team: what you learned, decided or did. It stays in the timeline and the report." />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={add.isPending} disabled={!text.trim()}>Add note</Button>
      </div>
    </Form>
  );
}

export function CrisisTimeline({ crisisId, mayWrite }: { crisisId: string; mayWrite: boolean }) {
  const timeline = useTimeline(crisisId);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {mayWrite && <NoteForm crisisId={crisisId} />}
      {timeline.isPending ? <Loading label="Loading the timeline…" />
        : !timeline.data ? <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
        : entries.length === 0 ? <p className="muted">Nothing has happened yet.</p>
        : (
          <ol className="plain-list crisis-timeline" aria-label="Timeline" aria-busy={timeline.isFetching || undefined}>
            {entries.map((entry) => {
              const kind = kindOf(entry.kind);
              return (
                <li key={entry.id} className="crisis-timeline__entry" data-kind={entry.kind}>
                  <span className="crisis-timeline__mark" aria-hidden="true">{kind.mark}</span>
                  <div>
                    <p className="crisis-timeline__head">
                      <strong>{kind.label}</strong>
                      {entry.actorName && <> by {entry.actorName}</>}
                      {' · '}<span className="muted small"><DateTime value={entry.at} /></span>
                    </p>
                    <p className="crisis-timeline__text">{entry.text}</p>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      <LoadMore query={timeline} />
    </>
  );
}
