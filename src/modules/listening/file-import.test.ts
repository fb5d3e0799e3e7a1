import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { createOrganization, systemActor, type Actor } from '../people/index.ts';
import { fileSourceNamed, importMentionsFile, parseColumnMap, type ImportProgress } from './file-import.ts';
import { describeSummary, importFile } from '../../cli/commands/import-mentions.ts';
import type { IngestTarget } from './ingest-posts.ts';

const CSV = [
  'id,text,author,followers,created_at,language',
  '1,Love the new store in Leeds,@ann,120,2026-11-01T10:00:00Z,en',
  '2,,@bob,3,2026-11-01T11:00:00Z,en',
  '3,"Queue was long, staff were kind",@cy,many,2026-11-01T12:00:00Z,en',
  '4,"Multi-line',
  'review text",@dee,7,not a date,en',
  '5,Fine,@eve,1,2026-11-02T09:00:00Z,en',
].join('\n');

describeOnEachDatabase('file import', (database) => {
  let actor: Actor;
  let source: IngestTarget;
  const db = () => database().db;
  const count = async (sourceId: string) => ((await db().execute(sql`select count(*)::int as n from mentions where source_id = ${sourceId}`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;

  before(async () => {
    actor = systemActor((await createOrganization(db(), { slug: 'imports', name: 'Imports' })).id);
    source = await fileSourceNamed(db(), actor, 'Survey');
  });

  it('stores the good rows of a CSV and reports the bad ones by line, with progress', async () => {
    const progress: ImportProgress[] = [];
    const summary = await importMentionsFile(db(), source, CSV, { format: 'csv', onProgress: (p) => progress.push(p) });
    assert.equal(summary.rows, 5);
    assert.equal(summary.stored, 2);
    assert.equal(summary.invalid, 3);
    assert.deepEqual(summary.invalidRows.map((r) => r.line), [3, 4, 6]);
    assert.match(summary.invalidRows[0]!.reason, /text is required/);
    assert.match(summary.invalidRows[1]!.reason, /followers/);
    assert.match(summary.invalidRows[2]!.reason, /created_at/);
    assert.deepEqual(progress.at(-1), { done: 5, total: 5 });
    assert.match(describeSummary(summary), /^stored 2, duplicates 0, invalid 3\n {2}line 3: text is required/);
  });

  it('stores each row once when the same file is imported again', async () => {
    const before = await count(source.id);
    const summary = await importMentionsFile(db(), source, CSV, { format: 'csv' });
    assert.equal(summary.stored, 0);
    assert.equal(summary.duplicates, 2);
    assert.equal(await count(source.id), before);
  });

  it('reads JSON Lines, reporting a broken line and going on; rows without an id are keyed by a hash', async () => {
    const jsonl = [
      JSON.stringify({ text: 'No id here', user: '@fay', date: '2026-11-03T08:00:00Z' }),
      '{"text": "broken',
      JSON.stringify({ text: 'Second without id', user: '@gus' }),
      '',
    ].join('\n');
    const target = await fileSourceNamed(db(), actor, 'Export');
    const first = await importMentionsFile(db(), target, jsonl, { format: 'jsonl' });
    assert.deepEqual([first.stored, first.invalid], [2, 1]);
    assert.equal(first.invalidRows[0]!.line, 2);
    assert.match(first.invalidRows[0]!.reason, /not valid JSON/);
    const again = await importMentionsFile(db(), target, jsonl, { format: 'jsonl' });
    assert.deepEqual([again.stored, again.duplicates], [0, 2]);
    const rows = ((await db().execute(sql`select external_id, author_handle from mentions where source_id = ${target.id} order by external_id`)) as unknown as { rows: { external_id: string; author_handle: string }[] }).rows;
    assert.ok(rows.every((r) => r.external_id.startsWith('sha256:')));
    assert.deepEqual(rows.map((r) => r.author_handle).sort(), ['@fay', '@gus']);
  });

  it('follows an explicit column map, and names a bad one', async () => {
    const csv = 'Ref,Comment,Who,Link\nR-1,Parking was full,Hal,https://reviews.example.com/r1\n';
    const target = await fileSourceNamed(db(), actor, 'Reviews');
    const summary = await importMentionsFile(db(), target, csv, { format: 'csv', map: parseColumnMap(['Ref=id', 'Comment=text', 'Who=author_name']) });
    assert.equal(summary.stored, 1, JSON.stringify(summary));
    const [row] = ((await db().execute(sql`select external_id, author_name, url, site from mentions where source_id = ${target.id}`)) as unknown as { rows: Record<string, string>[] }).rows;
    assert.deepEqual(row, { external_id: 'R-1', author_name: 'Hal', url: 'https://reviews.example.com/r1', site: 'reviews.example.com' });
    assert.throws(() => parseColumnMap(['Comment=body']), /not a field/);
    await assert.rejects(importMentionsFile(db(), target, 'a,b\n1,2\n', { format: 'csv' }), /no column holds the text/);
  });

  it('imports a file from disk into a source it creates, as `herd import` does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'herd-import-'));
    const file = join(dir, 'posts.ndjson');
    await writeFile(file, `${JSON.stringify({ id: 'x1', body: 'From the CLI' })}\n`);
    const summary = await importFile(db(), file, { source: 'CLI drop', org: 'imports' });
    assert.equal(summary.stored, 1);
    const again = await importFile(db(), file, { source: 'cli DROP', org: 'imports' });
    assert.equal(again.duplicates, 1, 'the same source, found by name in any case');
  });
});
