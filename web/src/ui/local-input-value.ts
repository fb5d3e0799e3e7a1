// Date and time inputs speak the reader's local time without a zone ("YYYY-MM-DDTHH:MM");
// the API speaks instants.

/** "YYYY-MM-DDTHH:MM" for a datetime-local input, in the reader's time zone. */
export function localInputValue(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
