// One dashboard on a page: its title, its own controls, a button to read it as a table
// instead of a chart (the table alternative for everyone who cannot read the chart),
// the server's CSV of the same numbers, and its states: loading, an error with a retry,
// nothing in the period, or the headline figures above the chart or table.
import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Button, buttonClass } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';

export interface Emptiness {
  title: string;
  text: ReactNode;
}

interface DashboardPanelProps<Answer> {
  /** Names the panel's parts: `${id}-title`, and data-testid `insights-${id}`. */
  id: string;
  title: string;
  description?: ReactNode;
  answer: UseQueryResult<Answer, Error>;
  csvUrl: string;
  /** This dashboard's own choices, e.g. per spoke or per person. */
  controls?: ReactNode;
  /** What to say instead of the numbers when there are none; null when there are. */
  emptiness: (answer: Answer) => Emptiness | null;
  /** Headline figures, above the chart or the table. */
  summary?: (answer: Answer) => ReactNode;
  chart: (answer: Answer) => ReactNode;
  table: (answer: Answer) => ReactNode;
  /** Below the chart or table, e.g. the way to the next page. */
  footer?: (answer: Answer) => ReactNode;
}

function PanelBody<Answer>({ answer, emptiness, summary, chart, table, footer, asTable }: Pick<DashboardPanelProps<Answer>, 'answer' | 'emptiness' | 'summary' | 'chart' | 'table' | 'footer'> & { asTable: boolean }) {
  if (answer.isPending) return <Loading label="Loading the numbers…" />;
  if (!answer.data) return <ErrorState error={answer.error} onRetry={() => void answer.refetch()} />;
  const empty = emptiness(answer.data);
  return (
    <>
      {answer.isError && <ErrorState error={answer.error} onRetry={() => void answer.refetch()} />}
      {empty ? <EmptyState title={empty.title}>{empty.text}</EmptyState> : (
        <>
          {summary?.(answer.data)}
          {asTable ? table(answer.data) : chart(answer.data)}
          {footer?.(answer.data)}
        </>
      )}
    </>
  );
}

export function DashboardPanel<Answer>({ id, title, description, answer, csvUrl, controls, ...body }: DashboardPanelProps<Answer>) {
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="insights-panel" aria-labelledby={`${id}-title`} aria-busy={answer.isFetching || undefined} data-testid={`insights-${id}`}>
      <header className="insights-panel__header">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {description && <p className="insights-panel__description muted">{description}</p>}
        </div>
        <div className="insights-panel__tools">
          {controls}
          <Button variant="quiet" aria-pressed={asTable} onClick={() => setAsTable((table) => !table)}>{asTable ? 'Show as chart' : 'Show as table'}</Button>
          <a className={buttonClass('quiet')} href={csvUrl} download aria-label={`Download ${title.toLowerCase()} as CSV`}>Download CSV</a>
        </div>
      </header>
      <PanelBody answer={answer} asTable={asTable} {...body} />
    </section>
  );
}
