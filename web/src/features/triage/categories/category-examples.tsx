// One category's examples, newest first: where each came from (typed in, imported, a
// correction, an outcome) and whether the model has learned it yet.
import { Button } from '../../../ui/button.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { PagedTable } from '../../../ui/paged-table.tsx';
import type { Column } from '../../../ui/table.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useDeleteExample } from '../api/delete-example.ts';
import { useExamples } from '../api/list-examples.ts';
import { exampleOriginLabels, type Category, type Example } from '../types.ts';
import { useCanManage } from '../use-triage-roles.ts';
import { AddExamplesForm } from './add-examples-form.tsx';

function DeleteExampleButton({ example }: { example: Example }) {
  const remove = useDeleteExample();
  const toast = useToast();
  return (
    <Button variant="quiet" busy={remove.isPending} aria-label={`Delete example “${example.text.slice(0, 60)}”`}
      onClick={() => remove.mutate(example.id, {
        onSuccess: () => toast('Example deleted.'),
        onError: (error) => toast(`Could not delete the example: ${error.message}`),
      })}>
      Delete
    </Button>
  );
}

function exampleColumns(canManage: boolean): Column<Example>[] {
  const columns: Column<Example>[] = [
    { header: 'Example', cell: (example) => <span className="example-text">{example.text}</span> },
    { header: 'Origin', cell: (example) => <span className={`badge badge--origin-${example.origin}`}>{exampleOriginLabels[example.origin]}</span> },
    {
      header: 'Model',
      cell: (example) => (example.learnedAt
        ? <span title={`Learned ${new Date(example.learnedAt).toLocaleString()}`}>Learned</span>
        : <span className="muted">Waiting to be learned</span>),
    },
    { header: 'Added', cell: (example) => <DateTime value={example.createdAt} /> },
  ];
  return canManage ? [...columns, { header: 'Actions', cell: (example) => <DeleteExampleButton example={example} /> }] : columns;
}

export function CategoryExamples({ category }: { category: Category }) {
  const examples = useExamples(category.id);
  const canManage = useCanManage();

  return (
    <section className="section category-examples" aria-labelledby="category-examples-title">
      <h2 id="category-examples-title">Examples of {category.name}</h2>
      {category.description && <p className="muted">{category.description}</p>}
      {canManage && <AddExamplesForm key={category.id} categoryId={category.id} />}
      <PagedTable
        query={examples}
        caption={`Examples of ${category.name}`}
        columns={exampleColumns(canManage)}
        rowKey={(example) => example.id}
        empty={(
          <EmptyState title="No examples yet.">
            {canManage
              ? 'Add a few posts that belong here; corrections people make on mentions are added too.'
              : 'Examples come from hub admins and from corrections people make on mentions.'}
          </EmptyState>
        )}
      />
    </section>
  );
}
