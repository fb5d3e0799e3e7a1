// The holding statements on the crisis's topics: what colleagues may start a reply from
// while the facts are being established. Those who manage holding statements add one
// here; it lands in the reply library, on the crisis's topics, and in the timeline.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAddStatement, useStatements } from '../api/holding-statements.ts';

function StatementForm({ crisisId, onDone }: { crisisId: string; onDone: () => void }) {
  const add = useAddStatement(crisisId);
  const toast = useToast();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [language, setLanguage] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const submit = () => add.mutate(
    { title: title.trim(), text: text.trim(), ...(language.trim() && { language: language.trim().toLowerCase() }), ...(expiresAt && { expiresAt: new Date(expiresAt).toISOString() }) },
    { onSuccess: () => { toast('Holding statement added.'); onDone(); } },
  );
  return (
    <Form className="statement-form" error={add.error} onSubmit={submit}>
      <TextField label="Statement title" field="title" required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
      <TextAreaField label="Statement" field="text" required rows={4} maxLength={5000} value={text} onChange={(event) => setText(event.target.value)}
        hint="What we can say now. Colleagues start from it and put it in their own words." />
      <div className="form__grid">
        <TextField label="Language" field="language" maxLength={2} pattern="[A-Za-z]{2}" placeholder="en" value={language} onChange={(event) => setLanguage(event.target.value)}
          hint="Two letters; empty for any language." />
        <TextField label="Expires" field="expiresAt" type="datetime-local" value={expiresAt} onChange={(event) => setExpiresAt(event.target.value)}
          hint="After this, nobody is offered it any more." />
      </div>
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={add.isPending} disabled={!title.trim() || !text.trim()}>Add holding statement</Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </Form>
  );
}

export function HoldingStatements({ crisisId, mayAdd }: { crisisId: string; mayAdd: boolean }) {
  const statements = useStatements(crisisId);
  const [adding, setAdding] = useState(false);
  return (
    <>
      {statements.isPending ? <Loading label="Loading the holding statements…" />
        : !statements.data ? <ErrorState error={statements.error} onRetry={() => void statements.refetch()} />
        : statements.data.length === 0 ? <p className="muted">No holding statement on these topics yet.</p>
        : (
          <ul className="plain-list statement-list" aria-label="Holding statements">
            {statements.data.map((statement) => (
              <li key={statement.id} className="statement" data-expired={statement.expired || undefined}>
                <p className="statement__title">
                  <strong>{statement.title}</strong>
                  {statement.language && <> <span className="badge">{statement.language.toUpperCase()}</span></>}
                  {statement.expired && <> <span className="badge">Expired</span></>}
                </p>
                <p className="statement__text">{statement.text}</p>
                <p className="muted small">
                  {statement.approvedByName ? <>Approved by {statement.approvedByName}</> : statement.ownerName ? <>By {statement.ownerName}</> : null}
                  {statement.expiresAt && <> · expires <DateTime value={statement.expiresAt} /></>}
                </p>
              </li>
            ))}
          </ul>
        )}
      {mayAdd && (adding
        ? <StatementForm crisisId={crisisId} onDone={() => setAdding(false)} />
        : <Button onClick={() => setAdding(true)}>Add a holding statement</Button>)}
    </>
  );
}
