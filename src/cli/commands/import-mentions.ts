// `herd import FILE --source NAME [--map col=field ...] [--org SLUG]`: imports mentions
// from a CSV or JSON Lines file into a 'file' source (created when missing, keeping
// every row), with a progress bar on stderr and a summary with the first bad rows.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Database } from '../../db/index.ts';
import { systemActor } from '../../modules/people/index.ts';
import { organizationFor } from './with-database.ts';
import { fileSourceNamed, importMentionsFile, parseColumnMap, type ImportFormat, type ImportProgress, type ImportSummary } from '../../modules/listening/index.ts';

export interface ImportCommandOptions { source: string; map?: string[]; org?: string }

/** CSV unless the name says JSON Lines (.jsonl, .ndjson). */
export function formatOf(file: string): ImportFormat {
  return ['.jsonl', '.ndjson'].includes(extname(file).toLowerCase()) ? 'jsonl' : 'csv';
}

export async function importFile(db: Database, file: string, options: ImportCommandOptions, onProgress?: (progress: ImportProgress) => void): Promise<ImportSummary> {
  const map = parseColumnMap(options.map ?? []);
  const content = await readFile(file, 'utf8');
  const actor = systemActor((await organizationFor(db, options.org)).id, 'herd import');
  const source = await fileSourceNamed(db, actor, options.source);
  return importMentionsFile(db, source, content, { format: formatOf(file), map, onProgress });
}

export function describeSummary(summary: ImportSummary, shownRows = 10): string {
  const lines = [`stored ${summary.stored}, duplicates ${summary.duplicates}, invalid ${summary.invalid}${summary.ignored ? `, ignored ${summary.ignored}` : ''}`];
  for (const row of summary.invalidRows.slice(0, shownRows)) lines.push(`  line ${row.line}: ${row.reason}`);
  if (summary.invalid > shownRows) lines.push(`  … and ${summary.invalid - shownRows} more invalid rows`);
  return lines.join('\n');
}

/** The command's action: `withDatabase` opens the configured database. */
export async function runImport(withDatabase: <T>(work: (db: Database) => Promise<T>) => Promise<T>, file: string, options: ImportCommandOptions): Promise<void> {
  const bar = new SingleBar({ stream: process.stderr, format: 'importing [{bar}] {value}/{total} rows', hideCursor: true }, Presets.shades_classic);
  let started = false;
  try {
    const summary = await withDatabase((db) => importFile(db, file, options, ({ done, total }) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    }));
    bar.stop();
    console.log(describeSummary(summary));
  } finally {
    if (started) bar.stop();
  }
}
