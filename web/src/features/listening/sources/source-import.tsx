// Uploading a CSV or JSON Lines file into a 'file' source, with what it stored and
// the rows it could not use. Re-uploading the same file stores nothing twice.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { ProgressBar } from '../../../ui/progress-bar.tsx';
import { Table } from '../../../ui/table.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useImportIntoSource, type SourceImportSummary } from '../api/import-into-source.ts';
import type { Source } from '../types.ts';

function ImportSummaryView({ summary }: { summary: SourceImportSummary }) {
  return (
    <div className="source-import__summary">
      <dl className="totals">
        <div><dt>Stored</dt><dd>{summary.stored}</dd></div>
        <div><dt>Duplicates</dt><dd>{summary.duplicates}</dd></div>
        <div><dt>Invalid</dt><dd>{summary.invalid}</dd></div>
        {summary.ignored > 0 && <div><dt>No topic</dt><dd>{summary.ignored}</dd></div>}
      </dl>
      {summary.invalidRows.length > 0 && (
        <Table caption="Rows that were not imported" rows={summary.invalidRows} rowKey={(row) => String(row.line)}
          columns={[{ header: 'Line', cell: (row) => row.line }, { header: 'Why', cell: (row) => row.reason }]} />
      )}
    </div>
  );
}

export function SourceImport({ source }: { source: Source }) {
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportIntoSource(source.id);
  const toast = useToast();

  const submit = async () => {
    if (!file) return;
    upload.mutate({ fileName: file.name, text: await file.text() }, {
      onSuccess: (summary) => toast(`${source.name}: ${summary.stored} stored, ${summary.duplicates} duplicates, ${summary.invalid} invalid.`),
    });
  };

  return (
    <div className="source-import">
      <Form onSubmit={() => void submit()} error={upload.error}>
        <TextField label="Import a file" type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" required
          hint="CSV with a header row, or JSON Lines; columns such as id, text, author, created_at are recognized."
          onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        <div className="form__actions">
          <Button type="submit" busy={upload.isPending}>Import</Button>
        </div>
      </Form>
      {upload.isPending && <ProgressBar label="Rows stored" done={upload.progress?.done} total={upload.progress?.total} />}
      {upload.data && <ImportSummaryView summary={upload.data} />}
    </div>
  );
}
