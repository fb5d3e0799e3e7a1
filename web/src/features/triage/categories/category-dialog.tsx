// A new category, or changes to one, in a dialog over the list.
import { Dialog } from '../../../ui/dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useCreateCategory } from '../api/create-category.ts';
import { useUpdateCategory } from '../api/update-category.ts';
import type { Category } from '../types.ts';
import { CategoryForm } from './category-form.tsx';

interface CategoryDialogProps {
  /** The category to edit; without one the dialog creates a category. */
  category?: Category;
  open: boolean;
  onClose: () => void;
  onCreated?: (category: Category) => void;
}

export function CategoryDialog({ category, open, onClose, onCreated }: CategoryDialogProps) {
  const createCategory = useCreateCategory();
  const updateCategory = useUpdateCategory(category?.id ?? '');
  const save = category ? updateCategory : createCategory;
  const toast = useToast();
  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} title={category ? `Edit ${category.name}` : 'New category'}>
      <CategoryForm
        category={category}
        submitLabel={category ? 'Save changes' : 'Create category'}
        busy={save.isPending}
        error={save.error}
        onSubmit={(input) => save.mutate(input, {
          onSuccess: (saved) => {
            toast(category ? 'Category saved.' : 'Category created.');
            if (!category) onCreated?.(saved);
            close();
          },
        })}
      />
    </Dialog>
  );
}
