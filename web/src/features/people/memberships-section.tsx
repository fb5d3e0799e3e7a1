// The roles a person holds, each in one spoke or in the whole organization.
import { useState } from 'react';
import { optionsOf, roleLabels, roles, type Role } from '../../api/vocabulary.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { SelectField } from '../../ui/field.tsx';
import { Form } from '../../ui/form.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useAddMembership } from './api/add-membership.ts';
import { useSpokeChoices } from './api/list-spoke-choices.ts';
import { useRemoveMembership } from './api/remove-membership.ts';
import { membershipLabel } from './membership-label.ts';
import type { Person } from './types.ts';

export function MembershipsSection({ person }: { person: Person }) {
  const spokes = useSpokeChoices();
  const addMembership = useAddMembership();
  const removeMembership = useRemoveMembership();
  const toast = useToast();
  const [role, setRole] = useState<Role>('volunteer');
  const [spokeId, setSpokeId] = useState('');

  const add = () => addMembership.mutate(
    { personId: person.id, spokeId: spokeId || null, role },
    { onSuccess: () => toast('Membership added.') },
  );
  const remove = (membershipId: string) =>
    removeMembership.mutate(membershipId, { onSuccess: () => toast('Membership removed.') });

  return (
    <>
      {removeMembership.error && <ErrorState error={removeMembership.error} />}
      {person.memberships.length === 0 ? (
        <EmptyState title="No memberships yet.">Give {person.name} a role in a spoke or in the whole organization below.</EmptyState>
      ) : (
        <ul className="membership-list">
          {person.memberships.map((membership) => (
            <li key={membership.id}>
              <span>{membershipLabel(membership)}</span>
              <Button variant="quiet" onClick={() => remove(membership.id)} aria-label={`Remove ${membershipLabel(membership)}`}
                busy={removeMembership.isPending && removeMembership.variables === membership.id}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <h3>Add a membership</h3>
      <Form onSubmit={add} error={addMembership.error} className="form--inline">
        <SelectField label="Role" field="role" options={optionsOf(roles, roleLabels)}
          value={role} onChange={(event) => setRole(event.target.value as Role)} />
        <SelectField label="Spoke" field="spokeId"
          hint={spokes.isError ? `Spokes could not be loaded: ${spokes.error.message}` : undefined}
          options={[{ value: '', label: 'Whole organization' }, ...(spokes.data ?? []).map((spoke) => ({ value: spoke.id, label: spoke.name }))]}
          value={spokeId} onChange={(event) => setSpokeId(event.target.value)} />
        <div className="form__actions">
          <Button type="submit" busy={addMembership.isPending}>Add membership</Button>
        </div>
      </Form>
    </>
  );
}
