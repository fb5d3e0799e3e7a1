// Running the room: its status (closing asks first: it lifts the effects and is
// final), severity, owner (anyone in the directory) and crisis team spoke change as
// soon as they are chosen; title and topics change together in a dialog. The server's
// problems show beside the field they name.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { CheckboxList } from '../../../ui/checkbox-list.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { SelectField, TextField, type Option } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { usePickPeople, usePickSpokes, usePickTopics } from '../api/pickers.ts';
import { useUpdateCrisis } from '../api/update-crisis.ts';
import { crisisSeverities, crisisStatuses, severityLabels, statusLabels, type Crisis, type CrisisPatch, type CrisisSeverity, type CrisisStatus, type Named } from '../types.ts';

function TitleAndTopicsDialog({ crisis, open, onClose }: { crisis: Crisis; open: boolean; onClose: () => void }) {
  const update = useUpdateCrisis(crisis.id);
  const topics = usePickTopics();
  const [title, setTitle] = useState(crisis.title);
  const [topicIds, setTopicIds] = useState(crisis.topics.map((topic) => topic.id));
  const close = () => { update.reset(); onClose(); };
  return (
    <Dialog open={open} onClose={close} title="Title and topics">
      <Form error={update.error} onSubmit={() => update.mutate({ title: title.trim(), topicIds }, { onSuccess: close })}>
        <TextField label="Title" field="title" required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} data-autofocus />
        <CheckboxList legend="Topics" field="topicIds" value={topicIds} onChange={setTopicIds} options={topics.data?.map((topic) => ({ value: topic.id, label: topic.name }))} />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={update.isPending} disabled={!title.trim() || topicIds.length === 0}>Save</Button>
          <Button onClick={close}>Cancel</Button>
        </div>
      </Form>
    </Dialog>
  );
}

/** The choices, with the current one kept first when the list no longer has it (a person who left, a deleted spoke), so the select still says who it is. */
function withCurrent(choices: Named[] | undefined, currentId: string | null, currentName: string | null): Option[] {
  const options = (choices ?? []).map((choice) => ({ value: choice.id, label: choice.name }));
  if (!currentId || !choices || choices.some((choice) => choice.id === currentId)) return options;
  return [{ value: currentId, label: currentName ?? 'Current choice' }, ...options];
}

export function RoomControls({ crisis, mayRun }: { crisis: Crisis; mayRun: boolean }) {
  const update = useUpdateCrisis(crisis.id);
  const people = usePickPeople();
  const spokes = usePickSpokes();
  const toast = useToast();
  const [closing, setClosing] = useState(false);
  const [editing, setEditing] = useState(false);
  const change = (patch: CrisisPatch, done?: string) => update.mutate(patch, { onSuccess: () => { setClosing(false); if (done) toast(done); } });
  const chooseStatus = (status: CrisisStatus) => (status === 'closed' ? setClosing(true) : change({ status }, `Status: ${statusLabels[status]}.`));
  const owners = withCurrent(people.data, crisis.ownerId, crisis.ownerName);

  return (
    <>
      <Form className="room-controls" error={closing ? null : update.error} onSubmit={() => {}} aria-label="Crisis controls" aria-busy={update.isPending || undefined}>
        <fieldset className="room-controls__fields" disabled={!mayRun}>
          <SelectField label="Status" field="status" value={crisis.status} onChange={(event) => chooseStatus(event.target.value as CrisisStatus)}
            disabled={crisis.status === 'closed'} hint={crisis.status === 'closed' ? 'A closed crisis stays closed; open a new room if it flares up again.' : undefined}
            options={crisisStatuses.map((value) => ({ value, label: statusLabels[value] }))} />
          <SelectField label="Severity" field="severity" value={crisis.severity} onChange={(event) => change({ severity: event.target.value as CrisisSeverity })}
            options={crisisSeverities.map((value) => ({ value, label: severityLabels[value] }))} />
          <SelectField label="Owner" field="ownerId" value={crisis.ownerId ?? ''} onChange={(event) => change({ ownerId: event.target.value })}
            options={crisis.ownerId ? owners : [{ value: '', label: people.isPending ? 'Loading…' : 'Nobody' }, ...owners]} />
          <SelectField label="Crisis team spoke" field="crisisTeamSpokeId" value={crisis.crisisTeamSpokeId ?? ''} onChange={(event) => change({ crisisTeamSpokeId: event.target.value || null })}
            options={[{ value: '', label: 'None' }, ...withCurrent(spokes.data, crisis.crisisTeamSpokeId, crisis.crisisTeamSpokeName)]} />
        </fieldset>
        {mayRun && <div><Button variant="quiet" onClick={() => setEditing(true)}>Change title and topics</Button></div>}
      </Form>
      <TitleAndTopicsDialog key={editing ? 'open' : 'closed'} crisis={crisis} open={editing} onClose={() => setEditing(false)} />
      <ConfirmDialog open={closing} title={`Close “${crisis.title}”?`} confirmLabel="Close the crisis" busy={update.isPending} error={update.error}
        onClose={() => { update.reset(); setClosing(false); }} onConfirm={() => change({ status: 'closed' }, 'Crisis closed.')}>
        <p>Its effects end: replies on its topics no longer wait for approval and advocacy resumes. The timeline and report stay.</p>
        <p>Closing is final: a closed crisis cannot be reopened.</p>
      </ConfirmDialog>
    </>
  );
}
