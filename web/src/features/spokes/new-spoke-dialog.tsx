import { Dialog } from '../../ui/dialog.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useCreateSpoke } from './api/create-spoke.ts';
import { SpokeForm } from './spoke-form.tsx';

export function NewSpokeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const createSpoke = useCreateSpoke();
  const toast = useToast();
  const close = () => {
    createSpoke.reset();
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} title="New spoke">
      <SpokeForm
        submitLabel="Create spoke"
        busy={createSpoke.isPending}
        error={createSpoke.error}
        onSubmit={(input) => createSpoke.mutate(input, {
          onSuccess: () => {
            toast('Spoke created.');
            close();
          },
        })}
      />
    </Dialog>
  );
}
