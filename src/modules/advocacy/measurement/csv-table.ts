// A table as CSV (RFC 4180) for spreadsheets. A cell that a spreadsheet would run as a
// formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe: names
// and story titles are typed by people, and opening an export must not run what they typed.
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function cellOf(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvTable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cellOf).join(',')).join('\r\n') + '\r\n';
}
