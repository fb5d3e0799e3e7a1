// Opening a crisis room: by hand from the rooms list, or from an alert (its topic and a
// title prefilled, the alert linked and counted as acknowledged). The room opens next.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../ui/button.tsx';
import { CheckboxList } from '../../../ui/checkbox-list.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useOpenCrisis } from '../api/open-crisis.ts';
import { usePickSpokes, usePickTopics } from '../api/pickers.ts';
import { crisisSeverities, severityLabels, statusLabels, type CrisisSeverity, type NewCrisis } from '../types.ts';

/** What the form starts from; from an alert, its topic, a title and the alert's id. */
export interface CrisisStart {
  title: string;
  topicIds: string[];
  fromAlertId?: string;
}

const startStatuses = ['active', 'monitoring'] as const;

function OpenCrisisForm({ start, onClose }: { start: CrisisStart; onClose: () => void }) {
  const open = useOpenCrisis();
  const topics = usePickTopics();
  const spokes = usePickSpokes();
  const toast = useToast();
  const navigate = useNavigate();
  const [title, setTitle] = useState(start.title);
  const [severity, setSeverity] = useState<CrisisSeverity>('high');
  const [topicIds, setTopicIds] = useState(start.topicIds);
  const [status, setStatus] = useState<(typeof startStatuses)[number]>('active');
  const [crisisTeamSpokeId, setCrisisTeamSpokeId] = useState('');

  const submit = () => {
    const input: NewCrisis = { title: title.trim(), severity, topicIds, status, crisisTeamSpokeId: crisisTeamSpokeId || null, ...(start.fromAlertId && { fromAlertId: start.fromAlertId }) };
    open.mutate(input, {
      onSuccess: (crisis) => {
        toast(`Crisis room “${crisis.title}” opened.`);
        onClose();
        void navigate(`/crisis/rooms/${crisis.id}`);
      },
    });
  };

  return (
    <Form onSubmit={submit} error={open.error}>
      <TextField label="Title" field="title" required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} data-autofocus
        hint="What the crisis is about, as the team will call it." />
      <div className="form__grid">
        <SelectField label="Severity" field="severity" value={severity} onChange={(event) => setSeverity(event.target.value as CrisisSeverity)}
          options={crisisSeverities.map((value) => ({ value, label: severityLabels[value] }))} />
        <SelectField label="Start as" field="status" value={status} onChange={(event) => setStatus(event.target.value as typeof status)}
          hint="Active: replies on its topics need approval and advocacy pauses."
          options={startStatuses.map((value) => ({ value, label: statusLabels[value] }))} />
        <SelectField label="Crisis team spoke" field="crisisTeamSpokeId" value={crisisTeamSpokeId} onChange={(event) => setCrisisTeamSpokeId(event.target.value)}
          hint="While active, conversations on its topics are routed there."
          options={[{ value: '', label: spokes.isPending ? 'Loading…' : 'None' }, ...(spokes.data ?? []).map((spoke) => ({ value: spoke.id, label: spoke.name }))]} />
      </div>
      <CheckboxList legend="Topics" field="topicIds" value={topicIds} onChange={setTopicIds}
        options={topics.data?.map((topic) => ({ value: topic.id, label: topic.name }))} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={open.isPending} disabled={!title.trim() || topicIds.length === 0}>Open crisis room</Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </Form>
  );
}

export function OpenCrisisDialog({ start, onClose }: { start: CrisisStart | null; onClose: () => void }) {
  return (
    <Dialog open={start !== null} onClose={onClose} title={start?.fromAlertId ? 'Open a crisis room from this alert' : 'Open a crisis room'}>
      {start && <OpenCrisisForm key={start.fromAlertId ?? 'by-hand'} start={start} onClose={onClose} />}
    </Dialog>
  );
}
