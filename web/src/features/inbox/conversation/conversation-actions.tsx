// What a person can do with the open conversation. Quick actions run at once (claim,
// waiting, resolve, reopen); the rest ask for details in a dialog first. A failed
// action shows the server's message (e.g. 409: someone else claimed it meanwhile).
import { useState, type ReactNode } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useConversationAction, type ConversationAction } from '../api/conversation-actions.ts';
import { PersonPicker, SpokePicker } from '../pickers.tsx';
import type { Conversation } from '../types.ts';

type DialogKind = 'assign' | 'transfer' | 'snooze' | 'merge' | 'escalate' | 'experts';

const dialogTitles: Record<DialogKind, string> = {
  assign: 'Assign',
  transfer: 'Transfer',
  snooze: 'Snooze',
  merge: 'Merge into another conversation',
  escalate: 'Escalate',
  experts: 'Ask an expert',
};

/** "YYYY-MM-DDTHH:MM" for a datetime-local input, in the reader's time zone. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface ConversationActionsProps {
  conversation: Conversation;
  canWork: boolean;
}

export function ConversationActions({ conversation, canWork }: ConversationActionsProps) {
  const action = useConversationAction(conversation.conversationId);
  const toast = useToast();
  const [open, setOpen] = useState<DialogKind | null>(null);
  const [quickError, setQuickError] = useState<Error | null>(null);

  const quick = (input: ConversationAction, done: string) => {
    setQuickError(null);
    action.mutate(input, { onSuccess: () => toast(done), onError: setQuickError });
  };
  const resolved = conversation.status === 'resolved';

  return (
    <div className="conversation-actions">
      <div className="conversation-actions__buttons" role="group" aria-label="Actions">
        {!resolved && (
          <Button variant="primary" aria-keyshortcuts="c" busy={action.isPending && action.variables?.kind === 'claim'}
            onClick={() => quick({ kind: 'claim' }, 'Claimed.')}>Claim</Button>
        )}
        {!resolved && <Button onClick={() => setOpen('assign')}>Assign</Button>}
        {!resolved && <Button onClick={() => setOpen('transfer')}>Transfer</Button>}
        {!resolved && conversation.status !== 'waiting' && (
          <Button aria-keyshortcuts="w" onClick={() => quick({ kind: 'status', status: 'waiting' }, 'Waiting for the customer.')}>Waiting</Button>
        )}
        {!resolved && (
          <Button aria-keyshortcuts="r" onClick={() => quick({ kind: 'status', status: 'resolved' }, 'Resolved.')}>Resolve</Button>
        )}
        {(resolved || conversation.status === 'waiting') && (
          <Button onClick={() => quick({ kind: 'status', status: 'open' }, 'Reopened.')}>Reopen</Button>
        )}
        {!resolved && <Button onClick={() => setOpen('snooze')}>Snooze</Button>}
        {!resolved && <Button onClick={() => setOpen('escalate')}>Escalate</Button>}
        <Button onClick={() => setOpen('experts')}>Ask an expert</Button>
        <Button variant="quiet" onClick={() => setOpen('merge')}>Merge</Button>
      </div>
      {!canWork && <p className="muted small">You may see this conversation but not work on it; the server will say no to most actions.</p>}
      {quickError && <ErrorState error={quickError} />}
      <Dialog open={open !== null} onClose={() => setOpen(null)} title={open ? dialogTitles[open] : ''}>
        {open && (
          <ActionForm kind={open} conversationId={conversation.conversationId}
            onDone={(message) => { setOpen(null); toast(message); }} onCancel={() => setOpen(null)} />
        )}
      </Dialog>
    </div>
  );
}

interface ActionFormProps {
  kind: DialogKind;
  conversationId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function ActionForm({ kind, conversationId, onDone, onCancel }: ActionFormProps) {
  const action = useConversationAction(conversationId);
  const [personId, setPersonId] = useState('');
  const [spokeId, setSpokeId] = useState('');
  const [note, setNote] = useState('');
  const [until, setUntil] = useState(() => localInputValue(new Date(Date.now() + 2 * 3600_000)));
  const [into, setInto] = useState('');
  const [skill, setSkill] = useState('');
  const [question, setQuestion] = useState('');

  const run = (input: ConversationAction, message: string) => action.mutate(input, { onSuccess: () => onDone(message) });
  const submit = () => {
    switch (kind) {
      case 'assign': return run({ kind: 'assign', personId, ...(note.trim() ? { note: note.trim() } : {}) }, 'Assigned.');
      case 'transfer': return run({ kind: 'transfer', ...(spokeId ? { spokeId } : {}), ...(personId ? { personId } : {}), note: note.trim() }, 'Transferred.');
      case 'snooze': return run({ kind: 'snooze', until: until ? new Date(until).toISOString() : '' }, 'Snoozed.');
      case 'merge': return run({ kind: 'merge', intoConversationId: into.trim() }, 'Merged.');
      case 'escalate': return run({ kind: 'escalate', note: note.trim() }, 'Escalated.');
      case 'experts': return run({ kind: 'experts', skill: skill.trim(), question: question.trim() }, 'Asked for an expert.');
    }
  };

  let fields: ReactNode;
  let submitLabel: string;
  switch (kind) {
    case 'assign':
      submitLabel = 'Assign';
      fields = (
        <>
          <PersonPicker value={personId} onChange={setPersonId} field="personId" />
          <TextAreaField label="Note (optional)" field="note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
        </>
      );
      break;
    case 'transfer':
      submitLabel = 'Transfer';
      fields = (
        <>
          <SpokePicker value={spokeId} onChange={setSpokeId} field="spokeId" emptyLabel="Keep the spoke" />
          <PersonPicker value={personId} onChange={setPersonId} field="personId" optional />
          <TextAreaField label="Note" field="note" rows={3} required value={note} onChange={(event) => setNote(event.target.value)}
            hint="Say why, so the next person needs not ask." />
        </>
      );
      break;
    case 'snooze':
      submitLabel = 'Snooze';
      fields = <TextField label="Until" field="until" type="datetime-local" required value={until} onChange={(event) => setUntil(event.target.value)} />;
      break;
    case 'merge':
      submitLabel = 'Merge';
      fields = (
        <TextField label="Conversation to merge into" field="intoConversationId" required value={into} onChange={(event) => setInto(event.target.value)}
          hint="Its id, from its address (/inbox/…). This conversation's posts join it." />
      );
      break;
    case 'escalate':
      submitLabel = 'Escalate';
      fields = <TextAreaField label="Note" field="note" rows={3} required value={note} onChange={(event) => setNote(event.target.value)} hint="What needs attention, and from whom." />;
      break;
    case 'experts':
      submitLabel = 'Ask';
      fields = (
        <>
          <TextField label="Skill" field="skill" required value={skill} onChange={(event) => setSkill(event.target.value)} hint="e.g. billing, returns, French" />
          <TextAreaField label="Question" field="question" rows={3} required value={question} onChange={(event) => setQuestion(event.target.value)} />
        </>
      );
      break;
  }

  return (
    <Form onSubmit={submit} error={action.error}>
      {fields}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={action.isPending}>{submitLabel}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}
