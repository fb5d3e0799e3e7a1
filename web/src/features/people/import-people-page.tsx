// Bulk import from a CSV file. The server checks every row and reports per row, so
// good rows are stored even when others have problems; running it again updates.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { Form } from '../../ui/form.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProgressBar } from '../../ui/progress-bar.tsx';
import { Table } from '../../ui/table.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useImportPeople } from './api/import-people.ts';
import { ImportReportView } from './import-report.tsx';
import { importColumns, importTemplate } from './import-format.ts';

const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(importTemplate)}`;

export function ImportPeoplePage() {
  const [file, setFile] = useState<File | null>(null);
  const importPeople = useImportPeople();
  const toast = useToast();

  const upload = async () => {
    if (!file) return;
    importPeople.mutate(await file.text(), {
      onSuccess: (report) => toast(`Import finished: ${report.created} created, ${report.updated} updated, ${report.invalid} invalid.`),
    });
  };

  return (
    <>
      <PageHeader
        title="Import people"
        description={<>Add or update many colleagues at once. Back to <Link to="/people">People</Link>.</>}
      />
      <section className="section" aria-labelledby="import-format">
        <h2 id="import-format">The file</h2>
        <p>
          A CSV file in UTF-8 with a header row naming these columns. Only name and email are required; rows whose
          e-mail already exists update that person.
        </p>
        <Table
          caption="CSV columns"
          columns={[
            { header: 'Column', cell: (column) => <code>{column.name}</code> },
            { header: 'Required', cell: (column) => (column.required ? 'Yes' : 'No') },
            { header: 'Meaning', cell: (column) => column.meaning },
            { header: 'Example', cell: (column) => <code>{column.example}</code> },
          ]}
          rows={[...importColumns]}
          rowKey={(column) => column.name}
        />
        <p>Example:</p>
        <pre className="code-block">{importTemplate}</pre>
        <p><a href={templateHref} download="herd-people-template.csv">Download the template</a></p>
      </section>
      <section className="section" aria-labelledby="import-upload">
        <h2 id="import-upload">Upload</h2>
        <Form onSubmit={() => void upload()} error={importPeople.error}>
          <TextField label="CSV file" type="file" accept=".csv,text/csv" required
            onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={importPeople.isPending}>Import</Button>
          </div>
        </Form>
        {importPeople.isPending && <ProgressBar label="Rows checked" done={importPeople.progress?.done} total={importPeople.progress?.total} />}
      </section>
      {importPeople.data && <ImportReportView report={importPeople.data} />}
    </>
  );
}
