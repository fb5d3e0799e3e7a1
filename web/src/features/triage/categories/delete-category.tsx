// Deleting a category and its examples, after asking.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useDeleteCategory } from '../api/delete-category.ts';
import type { Category } from '../types.ts';

export function DeleteCategoryButton({ category, onDeleted }: { category: Category; onDeleted: () => void }) {
  const remove = useDeleteCategory();
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const close = () => {
    remove.reset();
    setConfirming(false);
  };

  return (
    <>
      <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Delete ${category.name}`}>Delete</Button>
      <ConfirmDialog open={confirming} title={`Delete ${category.name}?`} confirmLabel="Delete category"
        onClose={close} busy={remove.isPending} error={remove.error}
        onConfirm={() => remove.mutate(category.id, {
          onSuccess: () => {
            close();
            toast('Category deleted.');
            onDeleted();
          },
        })}>
        <p>
          Its {category.examples === 1 ? 'example goes' : `${category.examples} examples go`} with it, and the model
          forgets it at its next learning round. Mentions already in it lose their category. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
