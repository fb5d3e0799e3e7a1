// Saying which category a mention belongs to, for hub admins, spoke leads and PR leads.
// The choice is kept as a label the model learns from, and the chip then reads "by person".
import { useId } from 'react';
import { useToast } from '../../../ui/toast.tsx';
import { useChangeMentionCategory } from '../api/change-mention-category.ts';
import { useCategories } from '../api/list-categories.ts';

export function ChangeCategory({ mentionId, currentId }: { mentionId: string; currentId: string | null }) {
  const categories = useCategories();
  const change = useChangeMentionCategory(mentionId);
  const toast = useToast();
  const id = useId();
  if (!categories.data || categories.data.length === 0) return null;

  return (
    <span className="change-category">
      <label htmlFor={id} className="visually-hidden">Change category</label>
      <select id={id} className="input change-category__select" value="" disabled={change.isPending}
        onChange={(event) => {
          const category = categories.data.find((option) => option.id === event.target.value);
          if (!category) return;
          change.mutate(category.id, {
            onSuccess: () => toast(`Category set to ${category.name}.`),
            onError: (error) => toast(`Could not change the category: ${error.message}`),
          });
        }}>
        <option value="">{change.isPending ? 'Saving…' : 'Change category…'}</option>
        {categories.data.map((category) => (
          <option key={category.id} value={category.id} disabled={category.id === currentId}>{category.name}</option>
        ))}
      </select>
    </span>
  );
}
