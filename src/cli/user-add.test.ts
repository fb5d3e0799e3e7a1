import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../db/test-database.ts';
import { AppError } from '../errors.ts';
import { createOrganization, createSpoke, findPersonByEmail, systemActor } from '../modules/people/index.ts';
import { verifyPassword } from '../modules/people/passwords.ts';
import { addUser } from './commands/user-add.ts';

const settings = { passwordCost: 10 };

describeOnEachDatabase('herd user add', (database) => {
  let orgId: string;
  const rolesOf = async (personId: string) =>
    ((await database().db.execute(sql`select role, spoke_id from memberships where person_id = ${personId} order by role`)) as unknown as { rows: { role: string; spoke_id: string | null }[] }).rows;

  it('creates a person with the role and a generated password', async () => {
    const { db } = database();
    orgId = (await createOrganization(db, { slug: 'cli-org', name: 'CLI Org' })).id;
    const result = await addUser(db, settings, { email: 'jane.doe@cli.test', org: 'cli-org', role: 'hub_admin' });
    assert.equal(result.createdPerson, true);
    assert.equal(result.addedRole, true);
    assert.ok(result.generatedPassword && result.generatedPassword.length >= 20);
    const person = await findPersonByEmail(db, orgId, 'jane.doe@cli.test');
    assert.equal(person?.name, 'Jane Doe');
    assert.equal(await verifyPassword(result.generatedPassword, person!.passwordHash!), true);
    assert.deepEqual(await rolesOf(result.personId), [{ role: 'hub_admin', spoke_id: null }]);
  });

  it('adds a role in a spoke to an existing person, and running twice changes nothing', async () => {
    const { db } = database();
    const spoke = await createSpoke(db, systemActor(orgId), { kind: 'store', name: 'Leeds' });
    const options = { email: 'Jane.Doe@cli.test', org: 'cli-org', role: 'spoke_lead', spoke: 'leeds' };
    const first = await addUser(db, settings, options);
    assert.deepEqual([first.createdPerson, first.addedRole, first.generatedPassword], [false, true, undefined]);
    const again = await addUser(db, settings, options);
    assert.deepEqual([again.createdPerson, again.addedRole], [false, false]);
    assert.equal(again.personId, first.personId);
    assert.deepEqual(await rolesOf(first.personId), [{ role: 'hub_admin', spoke_id: null }, { role: 'spoke_lead', spoke_id: spoke.id }]);
    const { rows } = (await db.execute(sql`select count(*)::int as n from people where org_id = ${orgId}`)) as unknown as { rows: { n: number }[] };
    assert.equal(Number(rows[0]!.n), 1);
  });

  it('uses a given password', async () => {
    const { db } = database();
    const result = await addUser(db, settings, { email: 'sam@cli.test', org: 'cli-org', role: 'volunteer', name: 'Sam', password: 'a long enough secret' });
    assert.equal(result.generatedPassword, undefined);
    const person = await findPersonByEmail(db, orgId, 'sam@cli.test');
    assert.equal(await verifyPassword('a long enough secret', person!.passwordHash!), true);
  });

  it('explains an unknown organization, spoke or role', async () => {
    const { db } = database();
    const fails = (options: Parameters<typeof addUser>[2], code: string, message: RegExp) =>
      assert.rejects(addUser(db, settings, options), (error: unknown) => error instanceof AppError && error.code === code && message.test(error.message));
    await fails({ email: 'x@cli.test', org: 'no-such-org', role: 'volunteer' }, 'NOT_FOUND', /Organization "no-such-org" \(add --org-name to create it\) was not found/);
    await fails({ email: 'x@cli.test', org: 'Not A Slug', orgName: 'Bad', role: 'hub_admin' }, 'VALIDATION_FAILED', /--org: must be 2-63 lower-case/);
    await fails({ email: 'x@cli.test', org: 'cli-org', role: 'volunteer', spoke: 'Atlantis' }, 'NOT_FOUND', /Spoke "Atlantis"/);
    await fails({ email: 'x@cli.test', org: 'cli-org', role: 'boss' }, 'VALIDATION_FAILED', /"boss" is not a role/);
    assert.equal(await findPersonByEmail(db, orgId, 'x@cli.test'), undefined);
  });

  it('creates the organization with --org-name for the first hub admin, and finds it the second time', async () => {
    const { db } = database();
    const first = await addUser(db, settings, { email: 'founder@new.test', org: 'new-co', orgName: 'New Co', role: 'hub_admin' });
    assert.deepEqual([first.createdOrganization, first.createdPerson, first.addedRole], [true, true, true]);
    const { rows } = (await db.execute(sql`select o.name, m.role, m.spoke_id from organizations o join people p on p.org_id = o.id
      join memberships m on m.person_id = p.id where o.slug = 'new-co'`)) as unknown as { rows: { name: string; role: string; spoke_id: string | null }[] };
    assert.deepEqual(rows, [{ name: 'New Co', role: 'hub_admin', spoke_id: null }]);
    const again = await addUser(db, settings, { email: 'founder@new.test', org: 'new-co', orgName: 'Renamed', role: 'hub_admin' });
    assert.deepEqual([again.createdOrganization, again.createdPerson, again.addedRole], [false, false, false]);
  });
});
