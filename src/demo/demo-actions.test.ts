import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../db/test-database.ts';
import { seedDemoWithStream } from './demo-actions.ts';

describeOnEachDatabase('seeding the demo', (database) => {
  const db = () => database().db;
  const count = async (query: ReturnType<typeof sql>) => Number(((await db().execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

  it('seeds all of it or nothing: a failure at the last step leaves no half demo behind', async () => {
    // The demo stream is set up last; make it fail there.
    await db().execute(sql`create function refuse_demo_stream() returns trigger language plpgsql as $$ begin raise exception 'disk full (made up)'; end $$`);
    await db().execute(sql`create trigger refuse_demo_stream before insert on demo_streams for each row execute function refuse_demo_stream()`);
    await assert.rejects(seedDemoWithStream(db(), { passwordCost: 4 }), (error: Error) => /disk full \(made up\)/.test(`${error.message} ${(error.cause as Error | undefined)?.message}`));
    assert.equal(await count(sql`select count(*)::int as n from organizations`), 0);
    assert.equal(await count(sql`select count(*)::int as n from people`), 0);
    assert.equal(await count(sql`select count(*)::int as n from mentions`), 0);

    await db().execute(sql`drop trigger refuse_demo_stream on demo_streams`);
    const seeded = await seedDemoWithStream(db(), { passwordCost: 4 });
    assert.equal(seeded.lines[0], 'Seeded the "Acme Retail" demo.');
    assert.equal(seeded.stream.status, 'running');
    assert.ok(await count(sql`select count(*)::int as n from people where org_id = ${seeded.orgId}`) > 5);
  });
});
