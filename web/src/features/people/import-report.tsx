import { Link } from 'react-router';
import { Table, type Column } from '../../ui/table.tsx';
import type { ImportReport, ImportRow } from './types.ts';

const statusLabels: Record<ImportRow['status'], string> = { created: 'Created', updated: 'Updated', invalid: 'Invalid' };

const columns: Column<ImportRow>[] = [
  { header: 'Row', cell: (row) => row.row },
  { header: 'Status', cell: (row) => <span className={`badge badge--${row.status}`}>{statusLabels[row.status]}</span> },
  {
    header: 'Person',
    cell: (row) => (row.personId ? <Link to={`/people/${row.personId}`}>{row.email ?? 'Open'}</Link> : (row.email ?? '—')),
  },
  {
    header: 'Problems',
    cell: (row) => row.problems.length === 0 ? '—' : (
      <ul className="plain-list">
        {row.problems.map((problem) => <li key={`${problem.field}:${problem.message}`}><code>{problem.field}</code>: {problem.message}</li>)}
      </ul>
    ),
  },
];

/** What the import did, row by row, with the totals first. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <section className="section" aria-labelledby="import-report">
      <h2 id="import-report">Result</h2>
      <dl className="totals">
        <div><dt>Created</dt><dd>{report.created}</dd></div>
        <div><dt>Updated</dt><dd>{report.updated}</dd></div>
        <div><dt>Invalid</dt><dd>{report.invalid}</dd></div>
      </dl>
      {report.rows.length === 0
        ? <p>The file has no data rows.</p>
        : <Table caption="Import result per row" columns={columns} rows={report.rows} rowKey={(row) => String(row.row)} />}
    </section>
  );
}
