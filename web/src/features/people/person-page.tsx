// One person: edit their profile, manage their roles, or delete them.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useDeletePerson } from './api/delete-person.ts';
import { usePerson } from './api/get-person.ts';
import { useUpdatePerson } from './api/update-person.ts';
import { MembershipsSection } from './memberships-section.tsx';
import { PersonForm } from './person-form.tsx';

export function PersonPage() {
  const id = useParams().id ?? '';
  const person = usePerson(id);
  const updatePerson = useUpdatePerson(id);
  const deletePerson = useDeletePerson();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const navigate = useNavigate();
  const toast = useToast();

  if (person.isPending) return <Loading label="Loading person…" />;
  if (person.isError) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;

  const remove = () => deletePerson.mutate(id, {
    onSuccess: () => {
      toast('Person deleted.');
      navigate('/people');
    },
  });

  return (
    <>
      <PageHeader
        title={person.data.name}
        description={person.data.title ?? person.data.email}
        actions={<Button variant="danger" onClick={() => setConfirmingDelete(true)}>Delete person</Button>}
      />
      <section className="section" aria-labelledby="person-memberships">
        <h2 id="person-memberships">Memberships</h2>
        <MembershipsSection person={person.data} />
      </section>
      <section className="section" aria-labelledby="person-profile">
        <h2 id="person-profile">Profile</h2>
        <PersonForm
          key={person.data.updatedAt}
          person={person.data}
          submitLabel="Save changes"
          busy={updatePerson.isPending}
          error={updatePerson.error}
          onSubmit={(input) => updatePerson.mutate(input, { onSuccess: () => toast('Changes saved.') })}
        />
      </section>
      <ConfirmDialog
        open={confirmingDelete}
        title="Delete this person?"
        confirmLabel="Delete permanently"
        onConfirm={remove}
        onClose={() => setConfirmingDelete(false)}
        busy={deletePerson.isPending}
        error={deletePerson.error}
      >
        <p>
          {person.data.name} and their roles will be removed. Setting the status to “Left” keeps their history
          instead.
        </p>
      </ConfirmDialog>
    </>
  );
}
