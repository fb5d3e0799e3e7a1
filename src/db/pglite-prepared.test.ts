import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import { preparedStatementsClient, type PreparedPGliteClient } from './pglite-prepared.ts';

describe('PGlite with statements prepared once', () => {
  let pglite: PGlite;
  let client: PreparedPGliteClient;
  const preparedTexts = async () => (await pglite.query<{ statement: string }>('select statement from pg_prepared_statements order by prepare_time')).rows.map((row) => row.statement);

  before(async () => {
    pglite = await PGlite.create();
    client = preparedStatementsClient(pglite, { maxStatements: 3 });
    await client.exec('create table notes (id int primary key, body text, at timestamptz, doc jsonb)');
  });
  after(() => pglite.close());

  it('prepares a text once and runs it again with other parameters, typed as the statement says', async () => {
    const insert = 'insert into notes (id, body, at, doc) values ($1, $2, $3, $4) returning id, doc';
    const first = await client.query<{ id: number; doc: { tags: string[] } }>(insert, [1, 'one', new Date('2026-12-01T10:00:00Z'), { tags: ['a'] }]);
    const second = await client.query<{ id: number; doc: { tags: string[] } }>(insert, [2, null, null, { tags: ['b'] }]);
    assert.deepEqual([first.rows, second.rows], [[{ id: 1, doc: { tags: ['a'] } }], [{ id: 2, doc: { tags: ['b'] } }]]);
    assert.deepEqual((await preparedTexts()).filter((text) => text === insert), [insert], 'one statement for both runs');
    const rows = await client.query<[number, string | null]>('select id, body from notes order by id', [], { rowMode: 'array' });
    assert.deepEqual(rows.rows, [[1, 'one'], [2, null]]);
    assert.equal((await client.query('update notes set body = $1', ['x'])).affectedRows, 2);
  });

  it('keeps a bounded number of statements, closing the least recently used', async () => {
    for (const id of [10, 11, 12, 13]) await client.query(`select ${id} as n where $1::int > 0`, [1]);
    const texts = await preparedTexts();
    assert.equal(texts.length, 3);
    assert.ok(!texts.includes('select 10 as n where $1::int > 0'), 'the oldest went first');
    assert.deepEqual((await client.query<{ n: number }>('select 10 as n where $1::int > 0', [1])).rows, [{ n: 10 }], 'and is prepared again when asked');
  });

  it('reports a failed statement with its code and stays usable; a failed transaction leaves nothing', async () => {
    await assert.rejects(client.query('insert into notes (id) values ($1)', [1]), (error: Error & { code?: string }) => error.code === '23505');
    await assert.rejects(client.transaction(async (tx) => {
      await tx.query('insert into notes (id, body) values ($1, $2)', [3, 'three']);
      assert.deepEqual((await tx.query<{ n: number }>('select count(*)::int as n from notes where id = $1', [3])).rows, [{ n: 1 }], 'the transaction sees its own row');
      await tx.query('insert into notes (id) values ($1)', [1]);
    }), (error: Error & { code?: string }) => error.code === '23505');
    assert.deepEqual((await client.query<{ n: number }>('select count(*)::int as n from notes where id = $1', [3])).rows, [{ n: 0 }]);
  });

  it('prepares a statement again when a migration changed the shape of what it reads', async () => {
    const everything = 'select * from notes where id = $1';
    assert.deepEqual(Object.keys((await client.query<object>(everything, [1])).rows[0]!), ['id', 'body', 'at', 'doc']);
    await client.exec('alter table notes add column pinned boolean not null default false');
    assert.deepEqual(Object.keys((await client.query<object>(everything, [1])).rows[0]!), ['id', 'body', 'at', 'doc', 'pinned']);
  });
});
