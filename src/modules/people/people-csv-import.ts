// CSV import of people, as HR systems export them. Each row is checked and saved on
// its own: a broken row is reported with its problems and the others still land.
// Rows are matched to people by e-mail, so importing the same file twice updates
// rather than duplicates.
import { parse } from 'csv-parse/sync';
import type { Database } from '../../db/index.ts';
import { AppError, invalid, type FieldProblem } from '../../errors.ts';
import type { Actor, Role } from './access.ts';
import { requireAccess } from './access.ts';
import { addMembership, createPerson, findPersonByEmail, updatePerson, type DirectorySettings } from './directory.ts';
import { findSpokeByName } from './spokes.ts';
import { personStatuses, roles } from './people.schema.ts';
import type { PersonInput } from './people.contract.ts';

export const PEOPLE_CSV_COLUMNS = ['name', 'email', 'title', 'languages', 'skills', 'time_zone', 'capacity', 'status', 'spoke', 'role'] as const;
type CsvRow = Partial<Record<(typeof PEOPLE_CSV_COLUMNS)[number], string>>;

export interface ImportedRow { row: number; status: 'created' | 'updated' | 'invalid'; personId?: string; email?: string; problems: FieldProblem[] }
export interface PeopleImportReport { created: number; updated: number; invalid: number; rows: ImportedRow[] }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const list = (cell: string | undefined) => (cell ?? '').split(';').map((v) => v.trim()).filter(Boolean);

/** Turns one CSV row into a person and an optional role, or the list of what is wrong with it. */
function readRow(row: CsvRow): { person: PersonInput; role?: Role; spoke?: string; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const name = row.name?.trim() ?? '';
  const email = row.email?.trim() ?? '';
  if (!name) problem('name', 'is required');
  if (!EMAIL.test(email)) problem('email', email ? `"${email}" is not an e-mail address` : 'is required');
  const person: PersonInput = { name, email };
  if (row.title?.trim()) person.title = row.title.trim();
  const languages = list(row.languages).map((l) => l.toLowerCase());
  languages.filter((l) => !/^[a-z]{2}$/.test(l)).forEach((l) => problem('languages', `"${l}" is not a two-letter ISO 639-1 code`));
  if (languages.length) person.languages = languages;
  const skills = list(row.skills).map((entry) => {
    const [topic = '', level = '3'] = entry.split(':').map((p) => p.trim());
    if (!topic || !/^[1-5]$/.test(level)) problem('skills', `"${entry}" should be topic:level with a level from 1 to 5`);
    return { topic, level: Number(level) };
  });
  if (skills.length) person.skills = skills;
  if (row.time_zone?.trim()) person.timeZone = row.time_zone.trim();
  if (row.capacity?.trim()) {
    const capacity = Number(row.capacity);
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > 1000) problem('capacity', `"${row.capacity}" is not a whole number from 0 to 1000`);
    person.capacity = capacity;
  }
  const status = row.status?.trim().toLowerCase();
  if (status) {
    if (!(personStatuses as readonly string[]).includes(status)) problem('status', `must be one of ${personStatuses.join(', ')}`);
    person.status = status as PersonInput['status'];
  }
  const role = row.role?.trim().toLowerCase();
  if (role && !(roles as readonly string[]).includes(role)) problem('role', `must be one of ${roles.join(', ')}`);
  if (row.spoke?.trim() && !role) problem('role', 'is required when a spoke is given');
  return { person, role: role as Role | undefined, spoke: row.spoke?.trim() || undefined, problems };
}

async function importRow(db: Database, settings: DirectorySettings, actor: Actor, row: CsvRow, rowNumber: number): Promise<ImportedRow> {
  const read = readRow(row);
  const base = { row: rowNumber, email: read.person.email || undefined };
  if (read.problems.length) return { ...base, status: 'invalid', problems: read.problems };
  try {
    const spoke = read.spoke ? await findSpokeByName(db, actor.orgId, read.spoke) : undefined;
    if (read.spoke && !spoke) throw invalid([{ field: 'spoke', message: `there is no spoke named "${read.spoke}"` }]);
    const existing = await findPersonByEmail(db, actor.orgId, read.person.email);
    const saved = existing
      ? await updatePerson(db, settings, actor, existing.id, read.person)
      : await createPerson(db, settings, actor, read.person);
    const alreadyHasRole = saved.memberships.some((m) => m.role === read.role && m.spokeId === (spoke?.id ?? null));
    if (read.role && !alreadyHasRole) await addMembership(db, actor, { personId: saved.id, spokeId: spoke?.id ?? null, role: read.role });
    return { ...base, status: existing ? 'updated' : 'created', personId: saved.id, problems: [] };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = Array.isArray(error.details) ? (error.details as FieldProblem[]) : [{ field: 'row', message: error.message }];
    return { ...base, status: 'invalid', problems: details.map((d) => ({ ...d, field: d.field.replace(/^body\./, '') })) };
  }
}

export async function importPeopleCsv(
  db: Database, settings: DirectorySettings, actor: Actor, csv: string, onProgress?: (done: number, total: number) => void,
): Promise<PeopleImportReport> {
  requireAccess(actor, 'people.manage');
  let records: CsvRow[];
  try {
    records = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `The CSV cannot be read: ${(error as Error).message}`, [{ field: 'file', message: (error as Error).message }]);
  }
  const header = records.length ? Object.keys(records[0]!) : [];
  if (records.length && !header.includes('email')) throw invalid([{ field: 'file', message: `the header needs an "email" column; expected columns: ${PEOPLE_CSV_COLUMNS.join(', ')}` }]);
  const report: PeopleImportReport = { created: 0, updated: 0, invalid: 0, rows: [] };
  for (const [index, record] of records.entries()) {
    // Row 1 is the header, so the first person is on row 2, as in a spreadsheet.
    const result = await importRow(db, settings, actor, record, index + 2);
    report[result.status] += 1;
    report.rows.push(result);
    onProgress?.(index + 1, records.length);
  }
  return report;
}
