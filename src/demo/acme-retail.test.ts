import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../db/test-database.ts';
import { seedAcmeRetail, DEMO_ORG_SLUG } from './acme-retail.ts';
import { findOrganizationBySlug, roles } from '../modules/people/index.ts';
import type { Database } from '../db/index.ts';

const settings = { passwordCost: 10 };

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const countPeople = async (db: Database, orgId: string) =>
  Number((await rows<{ n: number }>(db, sql`select count(*)::int as n from people where org_id = ${orgId}`))[0]!.n);

describeOnEachDatabase('Acme Retail demo', (database) => {
  it('seeds 30+ people, the departments, stores with places and every role', async () => {
    const { db } = database();
    const result = await seedAcmeRetail(db, settings);
    assert.equal(result.created, true);
    const org = await findOrganizationBySlug(db, DEMO_ORG_SLUG);
    assert.equal(org?.id, result.orgId);
    assert.equal(org?.isDemo, true);
    assert.ok((await countPeople(db, result.orgId)) >= 30);

    const spokes = await rows<{ name: string; kind: string; city: string | null; latitude: number | null }>(db,
      sql`select name, kind, city, latitude from spokes where org_id = ${result.orgId}`);
    const departments = spokes.filter((s) => s.kind === 'department').map((s) => s.name);
    for (const name of ['Social Hub', 'Customer Service', 'Product', 'Logistics', 'HR', 'Legal', 'Marketing', 'PR']) assert.ok(departments.includes(name), name);
    const stores = spokes.filter((s) => s.kind === 'store');
    assert.ok(stores.length >= 5);
    assert.ok(stores.every((s) => s.city && s.latitude !== null), 'every store has a place');
    assert.ok(spokes.some((s) => s.kind === 'region'));

    const held = (await rows<{ role: string }>(db, sql`select distinct role from memberships where org_id = ${result.orgId}`)).map((r) => r.role);
    for (const role of roles) assert.ok(held.includes(role), role);
    assert.deepEqual(result.signIns.map((s) => s.role).sort(), [...roles].sort());
    const away = await rows<{ n: number }>(db, sql`select count(*)::int as n from people where org_id = ${result.orgId} and status = 'away'`);
    assert.ok(Number(away[0]!.n) > 0);
    const topics = await rows<{ name: string }>(db, sql`select name from topics where org_id = ${result.orgId} and active`);
    assert.ok(topics.some((t) => t.name === 'Delivery problems'), 'listening topics are seeded and their queries parsed');
    const categories = await rows<{ name: string; examples: number }>(db, sql`
      select c.name, count(e.id)::int as examples from categories c join category_examples e on e.category_id = c.id
      where c.org_id = ${result.orgId} and e.learned_at is not null group by c.name`);
    assert.ok(categories.length >= 6 && categories.every((c) => c.examples >= 6), 'categories with learned examples');
    const model = await rows<{ version: number }>(db, sql`select version from category_models where org_id = ${result.orgId}`);
    assert.equal(model[0]?.version, 1, 'the first category model is trained at seeding');
    const stories = await rows<{ status: string; origin: string; n: number }>(db, sql`
      select status, origin, count(*)::int as n from stories where org_id = ${result.orgId} group by status, origin order by status, origin`); // status in the enum's order
    assert.deepEqual(stories, [{ status: 'suggested', origin: 'employee', n: 1 }, { status: 'live', origin: 'hub', n: 3 }], 'live stories to share and a volunteer\'s suggestion to review');
  });

  it('seeds only once', async () => {
    const { db } = database();
    const first = await seedAcmeRetail(db, settings);
    const before = await countPeople(db, first.orgId);
    const again = await seedAcmeRetail(db, settings);
    assert.equal(again.created, false);
    assert.equal(again.orgId, first.orgId);
    assert.deepEqual(again.signIns, first.signIns);
    assert.equal(await countPeople(db, first.orgId), before);
  });
});
