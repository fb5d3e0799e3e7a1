import { useNavigate } from 'react-router';
import { PageHeader } from '../../ui/page-header.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useCreatePerson } from './api/create-person.ts';
import { PersonForm } from './person-form.tsx';

export function NewPersonPage() {
  const createPerson = useCreatePerson();
  const navigate = useNavigate();
  const toast = useToast();

  return (
    <>
      <PageHeader title="New person" description="Only name and e-mail are required; the rest helps routing find the right person." />
      <PersonForm
        submitLabel="Create person"
        busy={createPerson.isPending}
        error={createPerson.error}
        onSubmit={(input) => createPerson.mutate(input, {
          onSuccess: (person) => {
            toast('Person created.');
            navigate(`/people/${person.id}`);
          },
        })}
      />
    </>
  );
}
