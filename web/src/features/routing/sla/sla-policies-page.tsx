// SLA policies: how soon a first reply, each next reply and the resolution are due
// (in the spoke's business time), when to warn, and whom to escalate to, step by step.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { Table } from '../../../ui/table.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useDeleteSlaPolicy, useSaveSlaPolicy, useSlaPolicies } from '../api/sla-policies.ts';
import { CheckboxList } from '../../../ui/checkbox-list.tsx';
import { escalationLabels, escalationSteps, priorities, priorityLabels, type EscalationStep, type SlaPolicy, type SlaPolicyInput } from '../types.ts';

const minutes = (value: number) => (value % 60 === 0 ? `${value / 60} h` : `${value} min`);

const emptyPolicy: SlaPolicyInput = {
  name: '', defaultFor: null, firstResponseMinutes: 60, nextResponseMinutes: 240, resolutionMinutes: 1440,
  warnBeforeMinutes: 15, escalation: ['assignee', 'spoke_lead', 'hub'], escalationIntervalMinutes: 30,
};

export function SlaPoliciesPage() {
  const policies = useSlaPolicies();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SlaPolicy | null>(null);
  const remove = useDeleteSlaPolicy();
  const toast = useToast();
  const newButton = <Button variant="primary" onClick={() => setEditing('new')}>New policy</Button>;

  return (
    <>
      <PageHeader title="SLA policies" description="Response-time targets, counted in each spoke's business hours. A rule can pick a policy; otherwise the policy that is the default for the conversation's priority applies." actions={newButton} />
      {policies.isPending ? <Loading label="Loading SLA policies…" />
        : !policies.data ? <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
        : policies.data.length === 0 ? <EmptyState title="No SLA policies yet." action={newButton} />
        : (
          <Table caption="SLA policies" rows={policies.data} rowKey={(policy) => policy.id} columns={[
            { header: 'Name', cell: (policy) => <strong>{policy.name}</strong> },
            { header: 'Default for', cell: (policy) => (policy.defaultFor ? priorityLabels[policy.defaultFor] : '—') },
            { header: 'First reply', cell: (policy) => minutes(policy.firstResponseMinutes) },
            { header: 'Next reply', cell: (policy) => minutes(policy.nextResponseMinutes) },
            { header: 'Resolution', cell: (policy) => minutes(policy.resolutionMinutes) },
            { header: 'Warn before', cell: (policy) => minutes(policy.warnBeforeMinutes) },
            { header: 'Escalation', cell: (policy) => `${policy.escalation.map((step) => escalationLabels[step] ?? step).join(' → ') || '—'} (every ${minutes(policy.escalationIntervalMinutes)})` },
            { header: 'Actions', cell: (policy) => (
              <div className="row-actions__buttons">
                <Button onClick={() => setEditing(policy)} aria-label={`Edit ${policy.name}`}>Edit</Button>
                <Button variant="danger" onClick={() => setDeleting(policy)} aria-label={`Delete ${policy.name}`}>Delete</Button>
              </div>
            ) },
          ]} />
        )}
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New SLA policy' : 'Edit SLA policy'}>
        {editing && <PolicyForm policy={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Dialog>
      <ConfirmDialog open={deleting !== null} title="Delete SLA policy" confirmLabel="Delete policy" busy={remove.isPending} error={remove.error}
        onClose={() => { setDeleting(null); remove.reset(); }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => { setDeleting(null); toast('Policy deleted.'); } })}>
        <p>Delete “{deleting?.name}”?</p>
      </ConfirmDialog>
    </>
  );
}

function PolicyForm({ policy, onDone }: { policy: SlaPolicy | null; onDone: () => void }) {
  const [draft, setDraft] = useState<SlaPolicyInput>(() => {
    if (!policy) return emptyPolicy;
    const { id: _id, ...rest } = policy;
    return rest;
  });
  const save = useSaveSlaPolicy();
  const toast = useToast();
  const set = (patch: Partial<SlaPolicyInput>) => setDraft((d) => ({ ...d, ...patch }));
  const number = (key: keyof SlaPolicyInput, label: string) => (
    <TextField label={label} field={key} type="number" min={0} required value={String(draft[key] ?? '')}
      onChange={(event) => set({ [key]: event.target.value === '' ? 0 : Number(event.target.value) })} />
  );
  return (
    <Form error={save.error} onSubmit={() => save.mutate({ id: policy?.id ?? null, input: draft }, { onSuccess: () => { toast('Policy saved.'); onDone(); } })}>
      <TextField label="Name" field="name" required data-autofocus value={draft.name} onChange={(event) => set({ name: event.target.value })} />
      <SelectField label="Default for priority" field="defaultFor" value={draft.defaultFor ?? ''} onChange={(event) => set({ defaultFor: (event.target.value || null) as SlaPolicyInput['defaultFor'] })}
        options={[{ value: '', label: 'None' }, ...priorities.map((value) => ({ value, label: priorityLabels[value] }))]} />
      <div className="form__grid">
        {number('firstResponseMinutes', 'First reply (minutes)')}
        {number('nextResponseMinutes', 'Next reply (minutes)')}
        {number('resolutionMinutes', 'Resolution (minutes)')}
        {number('warnBeforeMinutes', 'Warn before (minutes)')}
        {number('escalationIntervalMinutes', 'Escalate every (minutes)')}
      </div>
      <CheckboxList legend="Escalate to, in this order" field="escalation"
        options={escalationSteps.map((value) => ({ value, label: escalationLabels[value] }))}
        value={draft.escalation} onChange={(value) => set({ escalation: escalationSteps.filter((step) => value.includes(step)) as EscalationStep[] })} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={save.isPending}>{policy ? 'Save policy' : 'Create policy'}</Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </Form>
  );
}
