import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp } from '../../server/test-app.ts';

interface Event { action: string; targetType: string; targetId: string | null; actorPersonId: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }

describeHttp('audit log', (herd) => {
  const audit = async (headers: Record<string, string>, query = '') => {
    const response = await herd().app.inject({ method: 'GET', url: `/api/audit?limit=200${query}`, headers });
    assert.equal(response.statusCode, 200, response.body);
    return response.json().items as Event[];
  };

  it('records creating and changing a spoke with before and after', async () => {
    const admin = await herd().signInAs('hub_admin');
    const created = await herd().app.inject({ method: 'POST', url: '/api/spokes', headers: admin.headers, payload: { kind: 'store', name: 'Audited' } });
    const id = created.json().id as string;
    const patched = await herd().app.inject({ method: 'PATCH', url: `/api/spokes/${id}`, headers: admin.headers, payload: { name: 'Audited Renamed' } });
    assert.equal(patched.statusCode, 200);
    const events = await audit(admin.headers, `&targetId=${id}`);
    assert.deepEqual(events.map((e) => e.action), ['spoke.update', 'spoke.create'], 'newest first');
    const [update, create] = events as [Event, Event];
    assert.equal(create.before, null);
    assert.equal(create.after?.name, 'Audited');
    assert.equal(create.actorPersonId, admin.personId);
    assert.equal(update.before?.name, 'Audited');
    assert.equal(update.after?.name, 'Audited Renamed');
  });

  it('filters by action and by target type', async () => {
    const admin = await herd().signInAs('hub_admin');
    await herd().app.inject({ method: 'POST', url: '/api/spokes', headers: admin.headers, payload: { kind: 'region', name: 'Filter Region' } });
    await herd().app.inject({ method: 'POST', url: '/api/people', headers: admin.headers, payload: { name: 'Filter Person', email: 'filter@acme.test' } });
    const creates = await audit(admin.headers, '&action=spoke.create');
    assert.ok(creates.length > 0);
    assert.ok(creates.every((e) => e.action === 'spoke.create'));
    assert.ok(creates.some((e) => e.after?.name === 'Filter Region'));
    const persons = await audit(admin.headers, '&targetType=person');
    assert.ok(persons.length > 0);
    assert.ok(persons.every((e) => e.targetType === 'person'));
    assert.ok(persons.some((e) => e.action === 'person.create' && e.after?.email === 'filter@acme.test'));
    assert.equal((await audit(admin.headers, '&action=no.such.action')).length, 0);
  });

  it('is readable by hub admins only', async () => {
    for (const role of ['volunteer', 'spoke_lead', 'analyst', 'pr_lead'] as const) {
      const someone = await herd().signInAs(role);
      const response = await herd().app.inject({ method: 'GET', url: '/api/audit', headers: someone.headers });
      assert.equal(response.statusCode, 403, role);
      assert.equal(response.json().error.code, 'FORBIDDEN');
    }
  });

  it('never stores a password or its hash', async () => {
    const admin = await herd().signInAs('hub_admin');
    const password = 'secret password 12345';
    const created = await herd().app.inject({ method: 'POST', url: '/api/people', headers: admin.headers, payload: { name: 'Pw Person', email: 'pw@acme.test', password } });
    assert.equal(created.statusCode, 201);
    await herd().app.inject({ method: 'PATCH', url: `/api/people/${created.json().id}`, headers: admin.headers, payload: { password: 'changed password 6789' } });
    const response = await herd().app.inject({ method: 'GET', url: `/api/audit?targetId=${created.json().id}`, headers: admin.headers });
    assert.equal(response.json().items.length, 2);
    for (const text of [response.body, JSON.stringify((await herd().database.db.execute(`select before, after from audit_events`) as unknown as { rows: unknown[] }).rows)]) {
      assert.equal(text.includes('passwordHash'), false);
      assert.equal(/"password"/.test(text), false);
      assert.equal(text.includes(password), false);
      assert.equal(text.includes('changed password 6789'), false);
    }
  });
});
