// One spoke: edit its details, see its members, or (hub admins) delete it.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useHasRole } from '../../api/session-roles.ts';
import { spokeKindLabels } from '../../api/vocabulary.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useDeleteSpoke } from './api/delete-spoke.ts';
import { useSpoke } from './api/get-spoke.ts';
import { useUpdateSpoke } from './api/update-spoke.ts';
import { SpokeForm } from './spoke-form.tsx';
import { SpokeMembers } from './spoke-members.tsx';

export function SpokePage() {
  const id = useParams().id ?? '';
  const spoke = useSpoke(id);
  const updateSpoke = useUpdateSpoke(id);
  const deleteSpoke = useDeleteSpoke();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const navigate = useNavigate();
  const toast = useToast();
  // Spoke leads edit their spoke; only the hub creates and deletes spokes (the server says so too).
  const mayDelete = useHasRole('hub_admin');

  if (spoke.isPending) return <Loading label="Loading spoke…" />;
  if (spoke.isError) return <ErrorState error={spoke.error} onRetry={() => void spoke.refetch()} />;

  const remove = () => deleteSpoke.mutate(id, {
    onSuccess: () => {
      toast('Spoke deleted.');
      navigate('/spokes');
    },
  });

  return (
    <>
      <PageHeader
        title={spoke.data.name}
        description={spoke.data.aliases.length > 0
          ? `${spokeKindLabels[spoke.data.kind]} · also known as ${spoke.data.aliases.join(', ')}`
          : spokeKindLabels[spoke.data.kind]}
        actions={mayDelete && <Button variant="danger" onClick={() => setConfirmingDelete(true)}>Delete spoke</Button>}
      />
      <section className="section" aria-labelledby="spoke-details">
        <h2 id="spoke-details">Details</h2>
        <SpokeForm
          key={spoke.data.updatedAt}
          spoke={spoke.data}
          submitLabel="Save changes"
          busy={updateSpoke.isPending}
          error={updateSpoke.error}
          onSubmit={(input) => updateSpoke.mutate(input, { onSuccess: () => toast('Changes saved.') })}
        />
      </section>
      <section className="section" aria-labelledby="spoke-members">
        <h2 id="spoke-members">Members</h2>
        <SpokeMembers spokeId={id} />
      </section>
      <ConfirmDialog
        open={confirmingDelete}
        title="Delete this spoke?"
        confirmLabel="Delete permanently"
        onConfirm={remove}
        onClose={() => setConfirmingDelete(false)}
        busy={deleteSpoke.isPending}
        error={deleteSpoke.error}
      >
        <p>{spoke.data.name} and its memberships will be removed. Child spokes keep existing, without a parent.</p>
      </ConfirmDialog>
    </>
  );
}
