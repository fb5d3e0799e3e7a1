import { Dialog } from '../../../ui/dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useCreateSource } from '../api/create-source.ts';
import { SourceForm } from './source-form.tsx';

export function NewSourceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const createSource = useCreateSource();
  const toast = useToast();
  const close = () => {
    createSource.reset();
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} title="Add source">
      <SourceForm
        busy={createSource.isPending}
        error={createSource.error}
        onSubmit={(input) => createSource.mutate(input, {
          onSuccess: (source) => {
            toast(`${source.name} added. Herd starts reading it shortly.`);
            close();
          },
        })}
      />
    </Dialog>
  );
}
