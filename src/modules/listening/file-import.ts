// Imports mentions from a CSV or JSON Lines file into a 'file' source. Columns map
// onto mention fields (by common header names unless told otherwise); every row is
// checked like a webhook push, valid rows are stored in batches, bad rows reported
// with their line number. Importing the same file again stores nothing new.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { AppError, invalid } from '../../errors.ts';
import { requireAccess, type Actor } from '../people/index.ts';
import { sources } from './listening.schema.ts';
import { createSource, findSource } from './sources.ts';
import { ingestPosts, type IngestTarget } from './ingest-posts.ts';
import { checkPushedMention } from './pushed-mention.ts';
import type { PostToStore } from './mention-store.ts';

export const importFields = ['id', 'text', 'url', 'title', 'author', 'author_name', 'followers', 'language', 'created_at', 'in_reply_to'] as const;
export type ImportField = (typeof importFields)[number];
export type ImportFormat = 'csv' | 'jsonl';
/** Column (or JSON key) → field. */
export type ColumnMap = Record<string, ImportField>;

export interface ImportProgress { done: number; total: number }
export interface ImportSummary {
  rows: number; stored: number; duplicates: number; ignored: number;
  invalid: number;
  /** The first invalid rows, with the file's line number and why. */
  invalidRows: { line: number; reason: string }[];
}

const BATCH = 500;
const REPORTED_INVALID_ROWS = 100;

/** Header names recognized without a map, compared lower-case without spaces, dashes or underscores. */
const defaultHeaders: Record<ImportField, string[]> = {
  id: ['id', 'externalid', 'postid', 'messageid', 'guid', 'reviewid'],
  text: ['text', 'body', 'content', 'message', 'review', 'comment'],
  url: ['url', 'link', 'permalink'],
  title: ['title', 'subject', 'headline'],
  author: ['author', 'handle', 'username', 'user', 'screenname', 'authorhandle'],
  author_name: ['authorname', 'name', 'displayname', 'fullname'],
  followers: ['followers', 'followerscount', 'authorfollowers'],
  language: ['language', 'lang'],
  created_at: ['createdat', 'created', 'date', 'timestamp', 'postedat', 'published', 'time'],
  in_reply_to: ['inreplyto', 'parentid', 'replyto'],
};
const normalized = (header: string) => header.toLowerCase().replace(/[\s_-]/g, '');

/** Parses `col=field` pairs (the CLI's --map and the upload's map query), naming each bad one. */
export function parseColumnMap(pairs: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  const problems = [];
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const column = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (at <= 0 || !column) problems.push({ field: 'map', message: `"${pair}" must look like column=field` });
    else if (!(importFields as readonly string[]).includes(field)) problems.push({ field: 'map', message: `"${field}" is not a field; use one of ${importFields.join(', ')}` });
    else map[column] = field as ImportField;
  }
  if (problems.length > 0) throw invalid(problems);
  return map;
}

/** Which column feeds each field: the explicit map first, then common header names. */
function resolveColumns(headers: string[], explicit: ColumnMap): Partial<Record<ImportField, string>> {
  const columns: Partial<Record<ImportField, string>> = {};
  for (const [column, field] of Object.entries(explicit)) columns[field] = column;
  for (const field of importFields) {
    if (columns[field]) continue;
    const header = headers.find((h) => defaultHeaders[field].includes(normalized(h)) && !Object.values(columns).includes(h));
    if (header) columns[field] = header;
  }
  return columns;
}

interface Row { line: number; values?: Record<string, unknown>; error?: string }

function readCsv(content: string): Row[] {
  try {
    const records = parse(content, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as { record: Record<string, string>; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, values: record }));
  } catch (error) {
    // A broken quote makes the rest of the file unreadable: report where, keep nothing after it.
    const line = (error as { lines?: number }).lines ?? 0;
    throw invalid([{ field: `line ${line}`, message: `the CSV cannot be read: ${(error as Error).message}` }]);
  }
}

function readJsonLines(content: string): Row[] {
  const rows: Row[] = [];
  content.replace(/^\uFEFF/, '').split('\n').forEach((text, index) => {
    if (text.trim() === '') return;
    try {
      const value: unknown = JSON.parse(text);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) rows.push({ line: index + 1, error: 'is not a JSON object' });
      else rows.push({ line: index + 1, values: value as Record<string, unknown> });
    } catch (error) {
      rows.push({ line: index + 1, error: `is not valid JSON (${(error as Error).message})` });
    }
  });
  return rows;
}

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/**
 * The mention of one row. Its externalId is the id column; without one, a hash of
 * text, author and created_at, so re-importing the same file still stores each row once.
 */
function rowToPost(values: Record<string, unknown>, columns: Partial<Record<ImportField, string>>): { post?: PostToStore; reason?: string } {
  const get = (field: ImportField) => {
    const column = columns[field];
    const value = column === undefined ? undefined : blankToUndefined(values[column]);
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  };
  const followers = get('followers');
  const item = {
    id: get('id') ?? `sha256:${createHash('sha256').update(JSON.stringify([get('text'), get('author'), get('created_at')])).digest('hex').slice(0, 40)}`,
    text: get('text'), url: get('url'), title: get('title'),
    author: {
      handle: get('author'), name: get('author_name'),
      followers: typeof followers === 'string' && /^\d+$/.test(followers.trim()) ? Number(followers) : followers,
    },
    language: typeof get('language') === 'string' ? (get('language') as string).toLowerCase() : get('language'),
    createdAt: get('created_at'), inReplyTo: get('in_reply_to'),
  };
  const checked = checkPushedMention(item);
  if (checked.post) return { post: { ...checked.post, raw: values } };
  const fieldNames: Record<string, string> = { 'author.handle': 'author', 'author.name': 'author_name', 'author.followers': 'followers', createdAt: 'created_at', inReplyTo: 'in_reply_to' };
  return { reason: checked.problems.map((p) => `${fieldNames[p.field] ?? p.field} ${p.message}`).join('; ') };
}

export interface ImportOptions {
  format: ImportFormat;
  map?: ColumnMap;
  onProgress?: (progress: ImportProgress) => void;
}

export async function importMentionsFile(db: Database, source: IngestTarget, content: string, options: ImportOptions): Promise<ImportSummary> {
  const rows = options.format === 'csv' ? readCsv(content) : readJsonLines(content);
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row.values ?? {})))];
  const columns = resolveColumns(headers, options.map ?? {});
  if (!columns.text) {
    throw invalid([{ field: 'map', message: `no column holds the text; map one with text=<column> (columns: ${headers.join(', ') || 'none'})` }]);
  }
  const summary: ImportSummary = { rows: rows.length, stored: 0, duplicates: 0, ignored: 0, invalid: 0, invalidRows: [] };
  const reject = (line: number, reason: string) => {
    summary.invalid += 1;
    if (summary.invalidRows.length < REPORTED_INVALID_ROWS) summary.invalidRows.push({ line, reason });
  };
  options.onProgress?.({ done: 0, total: rows.length });
  for (let start = 0; start < rows.length; start += BATCH) {
    const posts: PostToStore[] = [];
    for (const row of rows.slice(start, start + BATCH)) {
      if (row.error) {
        reject(row.line, row.error);
        continue;
      }
      const { post, reason } = rowToPost(row.values!, columns);
      if (post) posts.push(post);
      else reject(row.line, reason!);
    }
    const outcome = await ingestPosts(db, source, posts);
    summary.stored += outcome.stored;
    summary.duplicates += outcome.duplicates;
    summary.ignored += outcome.ignored;
    options.onProgress?.({ done: Math.min(start + BATCH, rows.length), total: rows.length });
  }
  return summary;
}

/** The source an upload (HTTP) goes into: only for hub admins, only a 'file' source of their own organization. */
export async function fileSourceForUpload(db: Database, actor: Actor, sourceId: string): Promise<IngestTarget> {
  requireAccess(actor, 'listening.manage');
  const source = await findSource(db, actor, sourceId);
  if (source.kind !== 'file') throw new AppError('BAD_REQUEST', `Only file sources take imports; "${source.name}" is a ${source.kind} source.`);
  return source;
}

/** The 'file' source of this name (any letter case), created with match mode 'all' when missing. */
export async function fileSourceNamed(db: Database, actor: Actor, name: string): Promise<IngestTarget> {
  const [existing] = await db.select().from(sources).where(and(eq(sources.orgId, actor.orgId), sql`lower(${sources.name}) = lower(${name})`));
  if (existing) {
    if (existing.kind !== 'file') throw new AppError('BAD_REQUEST', `The source "${existing.name}" is a ${existing.kind} source, not a file source.`);
    return existing;
  }
  const created = await createSource(db, actor, { kind: 'file', name, config: {}, matchMode: 'all' });
  return { id: created.id, orgId: actor.orgId, name: created.name, matchMode: created.matchMode };
}
