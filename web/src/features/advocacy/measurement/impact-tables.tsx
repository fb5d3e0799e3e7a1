// The numbers per story, person, spoke and share: one table at a time (chosen with
// the buttons above it), sorted by what the server can sort by, a page at a time, and
// each downloadable whole as CSV with the same filters.
import { buttonClass, Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { Table, type Column } from '../../../ui/table.tsx';
import { measurementCsvUrl, useMeasurementTable } from '../api/list-measurement-table.ts';
import { measurementSortLabels, measurementSorts, measurementTables, type MeasurementRows, type MeasurementTable, type MeasurementTableQuery } from '../types.ts';
import { impactColumns, type ImpactRowActions } from './impact-columns.tsx';
import { count } from './impact-numbers.ts';
import type { ImpactParam, ImpactView } from './impact-search.ts';

const pageSize = 25;

const tableLabels: Record<MeasurementTable, string> = { stories: 'Per story', people: 'Per person', spokes: 'Per spoke', shares: 'Per share' };
const emptyWords: Record<MeasurementTable, string> = {
  stories: 'No story was shared in this period.',
  people: 'Nobody shared in this period.',
  spokes: 'No spoke to show.',
  shares: 'No shares in this period.',
};
const rowKeys: { [Table in MeasurementTable]: (row: MeasurementRows[Table]) => string } = {
  stories: (row) => row.storyId, people: (row) => row.personId, spokes: (row) => row.spokeId, shares: (row) => row.shareId,
};

interface TablePageProps<Table extends MeasurementTable> {
  table: Table;
  query: MeasurementTableQuery;
  columns: Column<MeasurementRows[Table]>[];
  onOffset: (offset: number) => void;
}

function TablePage<Table extends MeasurementTable>({ table, query, columns, onOffset }: TablePageProps<Table>) {
  const page = useMeasurementTable(table, query);
  if (page.isPending) return <Loading label={`Loading the numbers ${tableLabels[table].toLowerCase()}…`} />;
  if (!page.data) return <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  const { items, total, nextOffset } = page.data;
  if (total === 0) return <EmptyState title={emptyWords[table]}>Shares count on the day they went out; clicks on them count up to the last day of the range.</EmptyState>;
  return (
    <div className="impact-table" aria-busy={page.isFetching || undefined}>
      {page.isError && <ErrorState error={page.error} onRetry={() => void page.refetch()} />}
      <Table caption={`Impact ${tableLabels[table].toLowerCase()}`} columns={columns} rows={items} rowKey={rowKeys[table]} />
      <div className="impact-table__pager">
        <span className="muted" data-testid="impact-table-rows">
          {items.length === 0 ? `Nothing here: ${count(total)} in all` : `${count(query.offset + 1)}–${count(query.offset + items.length)} of ${count(total)}`}
        </span>
        {(query.offset > 0 || nextOffset !== null) && (
          <span className="impact-table__pages">
            <Button disabled={query.offset === 0} onClick={() => onOffset(Math.max(0, query.offset - pageSize))}>Previous</Button>
            <Button disabled={nextOffset === null} onClick={() => nextOffset !== null && onOffset(nextOffset)}>Next</Button>
          </span>
        )}
      </div>
    </div>
  );
}

interface ImpactTablesProps {
  view: ImpactView;
  change: (changes: Partial<Record<ImpactParam, string>>) => void;
}

export function ImpactTables({ view, change }: ImpactTablesProps) {
  const { table } = view;
  const query: MeasurementTableQuery = {
    from: view.range.from, to: view.range.to, sort: view.sort, limit: pageSize, offset: view.offset,
    ...(view.spokeId && { spokeId: view.spokeId }), ...(view.storyId && { storyId: view.storyId }), ...(view.personId && { personId: view.personId }),
  };
  const actions: ImpactRowActions = {
    sharesOfStory: (storyId) => change({ table: 'shares', story: storyId, person: '', sort: '' }),
    sharesOfPerson: (personId) => change({ table: 'shares', person: personId, sort: '' }),
  };
  const columns = impactColumns(actions);
  const onOffset = (offset: number) => change({ offset: String(offset) });
  const sorts = measurementSorts.filter((sort) => (table === 'shares' ? sort !== 'shares' : sort !== 'sharedAt'));

  return (
    <section className="impact-tables" aria-labelledby="impact-tables-title">
      <h2 id="impact-tables-title" className="visually-hidden">Numbers per story, person, spoke and share</h2>
      <div className="impact-tables__bar">
        <span className="impact-tables__choice" role="group" aria-label="Table">
          {measurementTables.map((name) => (
            <Button key={name} variant={name === table ? 'primary' : 'secondary'} aria-pressed={name === table}
              onClick={() => change({ table: name === 'stories' ? '' : name, sort: '', person: '' })}>
              {tableLabels[name]}
            </Button>
          ))}
        </span>
        <SelectField label="Sort by" value={view.sort} onChange={(event) => change({ sort: event.target.value === 'clicks' ? '' : event.target.value })}
          options={sorts.map((sort) => ({ value: sort, label: measurementSortLabels[sort] }))} />
        <a className={buttonClass()} href={measurementCsvUrl(table, query)} download data-testid="impact-csv">Download CSV</a>
      </div>
      {view.personId && (
        <p className="impact-tables__filter">
          Shares of one person only. <button type="button" className="link-button" onClick={() => change({ person: '' })}>Show everyone’s</button>
        </p>
      )}
      {table === 'stories' && <TablePage table="stories" query={query} columns={columns.stories} onOffset={onOffset} />}
      {table === 'people' && <TablePage table="people" query={query} columns={columns.people} onOffset={onOffset} />}
      {table === 'spokes' && <TablePage table="spokes" query={query} columns={columns.spokes} onOffset={onOffset} />}
      {table === 'shares' && <TablePage table="shares" query={query} columns={columns.shares} onOffset={onOffset} />}
    </section>
  );
}
