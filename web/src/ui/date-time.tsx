const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp in the reader's locale and time zone; empty values read as a dash. */
export function DateTime({ value }: { value: string | null }) {
  if (!value) return <span aria-label="none">—</span>;
  return <time dateTime={value}>{formatter.format(new Date(value))}</time>;
}
