// The category model as it stands: which version, how many examples it learned, when,
// and how its accuracy went. Hub admins can have it trained afresh from every example.
import { Button } from '../../../ui/button.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useCategoryModel } from '../api/get-category-model.ts';
import { useRetrainCategories } from '../api/retrain-categories.ts';
import { useCanManage } from '../use-triage-roles.ts';
import { AccuracyChart } from './accuracy-chart.tsx';

function RetrainButton() {
  const retrain = useRetrainCategories();
  const toast = useToast();
  return (
    <Button busy={retrain.isPending} onClick={() => retrain.mutate(undefined, {
      onSuccess: () => toast('Retraining: the new model is ready in a few seconds.'),
      onError: (error) => toast(`Could not retrain: ${error.message}`),
    })}>
      Retrain from all examples
    </Button>
  );
}

export function ModelPanel() {
  const status = useCategoryModel();
  const canManage = useCanManage();

  return (
    <section className="section model-panel" aria-labelledby="model-panel-title">
      <div className="model-panel__header">
        <h2 id="model-panel-title">Model</h2>
        {canManage && status.data?.model && <RetrainButton />}
      </div>
      {status.isPending ? <Loading label="Loading the model…" />
        : status.isError ? <ErrorState error={status.error} onRetry={() => void status.refetch()} />
        : !status.data.model ? (
          <EmptyState title="No model yet.">
            Add examples to at least two categories, and the model learns them within seconds. Keywords work without a model.
          </EmptyState>
        ) : (
          <>
            <dl className="totals">
              <div><dt>Version</dt><dd>{status.data.model.version}</dd></div>
              <div><dt>Examples</dt><dd>{status.data.model.examples}</dd></div>
              <div><dt>Trained</dt><dd><DateTime value={status.data.model.trainedAt} /></dd></div>
            </dl>
            {status.data.accuracyByDay.length === 0
              ? <p className="muted">No accuracy measured yet: each new example or correction is first guessed by the model, and how often it is right shows here.</p>
              : <AccuracyChart perDay={status.data.accuracyByDay} />}
          </>
        )}
    </section>
  );
}
