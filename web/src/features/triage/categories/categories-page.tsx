// The categories mentions are sorted into: each with the keywords that decide it
// outright and the examples the model learns it from; choosing one shows its examples.
// Below, the model and how its accuracy went. Hub admins change things; others read.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { Table, type Column } from '../../../ui/table.tsx';
import { useCategories } from '../api/list-categories.ts';
import type { Category } from '../types.ts';
import { useCanManage } from '../use-triage-roles.ts';
import { CategoryDialog } from './category-dialog.tsx';
import { CategoryExamples } from './category-examples.tsx';
import { DeleteCategoryButton } from './delete-category.tsx';
import { ModelPanel } from './model-panel.tsx';

interface ColumnOptions {
  canManage: boolean;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onEdit: (category: Category) => void;
}

function categoryColumns({ canManage, selectedId, onSelect, onEdit }: ColumnOptions): Column<Category>[] {
  const columns: Column<Category>[] = [
    {
      header: 'Name',
      cell: (category) => (
        <button type="button" className="link-button" aria-pressed={category.id === selectedId}
          onClick={() => onSelect(category.id === selectedId ? null : category.id)}>
          {category.name}
        </button>
      ),
    },
    {
      header: 'Keywords',
      cell: (category) => (category.keywords.length > 0
        ? <ul className="chips">{category.keywords.map((keyword) => <li key={keyword} className="chip chip--plain">{keyword}</li>)}</ul>
        : <span className="muted">None</span>),
    },
    { header: 'Examples', cell: (category) => category.examples },
  ];
  if (!canManage) return columns;
  return [...columns, {
    header: 'Actions',
    cell: (category) => (
      <div className="row-actions__buttons">
        <Button onClick={() => onEdit(category)} aria-label={`Edit ${category.name}`}>Edit</Button>
        <DeleteCategoryButton category={category} onDeleted={() => category.id === selectedId && onSelect(null)} />
      </div>
    ),
  }];
}

/** `undefined`: no dialog; `null`: a new category; a category: editing it. */
type Editing = Category | null | undefined;

export function CategoriesPage() {
  const categories = useCategories();
  const canManage = useCanManage();
  const [editing, setEditing] = useState<Editing>(undefined);
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = searchParams.get('category');
  const select = (id: string | null) => setSearchParams(id ? { category: id } : {}, { replace: true });
  const selected = categories.data?.find((category) => category.id === selectedId);
  const newButton = canManage && <Button variant="primary" onClick={() => setEditing(null)}>New category</Button>;

  return (
    <>
      <PageHeader title="Categories"
        description="What mentions are about. A keyword decides a category outright; otherwise the model, learned from the examples, does. Corrections people make on mentions become examples."
        actions={newButton} />
      {categories.isPending ? <Loading label="Loading categories…" />
        : categories.isError ? <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />
        : categories.data.length === 0 ? (
          <EmptyState title="No categories yet." action={newButton}>
            {canManage
              ? 'Create categories such as Delivery, Billing or Staff, give them keywords and examples, and new mentions are sorted into them.'
              : 'A hub admin defines the categories mentions are sorted into.'}
          </EmptyState>
        ) : (
          <>
            <Table caption="Categories" rows={categories.data} rowKey={(category) => category.id}
              columns={categoryColumns({ canManage, selectedId, onSelect: select, onEdit: setEditing })} />
            {selected
              ? <CategoryExamples key={selected.id} category={selected} />
              : <p className="muted category-hint">Choose a category by its name to see and add its examples.</p>}
          </>
        )}
      <ModelPanel />
      {canManage && (
        <CategoryDialog category={editing ?? undefined} open={editing !== undefined}
          onClose={() => setEditing(undefined)} onCreated={(category) => select(category.id)} />
      )}
    </>
  );
}
