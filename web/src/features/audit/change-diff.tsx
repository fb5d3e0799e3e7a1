// What one audited change did to its target: only the fields that differ, before
// and after, folded away until asked for.

interface ChangedField {
  field: string;
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields(before: unknown, after: unknown): ChangedField[] {
  const bothRecords = (isRecord(before) || before == null) && (isRecord(after) || after == null);
  if (!bothRecords) return same(before, after) ? [] : [{ field: 'value', before, after }];
  const beforeRecord = before ?? {};
  const afterRecord = after ?? {};
  const fields = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])];
  return fields
    .filter((field) => !same(beforeRecord[field], afterRecord[field]))
    .map((field) => ({ field, before: beforeRecord[field], after: afterRecord[field] }));
}

function Value({ value }: { value: unknown }) {
  if (value === undefined || value === null) return <span className="muted">—</span>;
  if (typeof value === 'object') return <pre className="diff__json">{JSON.stringify(value, null, 2)}</pre>;
  return <>{String(value)}</>;
}

export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const changes = changedFields(before, after);
  if (changes.length === 0) return <span className="muted">No recorded changes</span>;
  const what = before == null ? 'created' : after == null ? 'deleted' : 'changed';
  return (
    <details className="diff">
      <summary>{changes.length} {changes.length === 1 ? 'field' : 'fields'} {what}</summary>
      <table className="diff__table">
        <thead>
          <tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row">{change.field}</th>
              <td className="diff__before"><Value value={change.before} /></td>
              <td className="diff__after"><Value value={change.after} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
