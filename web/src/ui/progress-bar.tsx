// How far long work has come: a labelled <progress> with "done of total" beside it;
// without a total yet, an indeterminate bar (the work has started, its size is unknown).
export function ProgressBar({ label, done, total }: { label: string; done?: number; total?: number }) {
  const known = done !== undefined && total !== undefined && total > 0;
  return (
    <div className="progress-bar">
      <progress aria-label={label} max={known ? total : undefined} value={known ? done : undefined} />
      <span className="progress-bar__text">{known ? `${done.toLocaleString()} of ${total.toLocaleString()}` : `${label}…`}</span>
    </div>
  );
}
