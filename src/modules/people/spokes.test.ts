import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp } from '../../server/test-app.ts';

const fieldsOf = (body: { error: { details?: { field: string }[] } }) => (body.error.details ?? []).map((d) => d.field);

describeHttp('spokes', (herd) => {
  const post = async (headers: Record<string, string>, payload: object) =>
    herd().app.inject({ method: 'POST', url: '/api/spokes', headers, payload });

  it('creates a spoke with a place and echoes it', async () => {
    const admin = await herd().signInAs('hub_admin');
    const place = { address: '1 High St', city: 'Leeds', region: 'Yorkshire', country: 'GB', latitude: 53.8, longitude: -1.55 };
    const created = await post(admin.headers, { kind: 'store', name: 'Leeds Store', place });
    assert.equal(created.statusCode, 201);
    assert.deepEqual(created.json().place, place);
    const fetched = await herd().app.inject({ method: 'GET', url: `/api/spokes/${created.json().id}`, headers: admin.headers });
    assert.equal(fetched.statusCode, 200);
    assert.deepEqual(fetched.json().place, place);
    assert.equal(fetched.json().kind, 'store');
  });

  it('names body.kind for a bad kind and body.name when the name is missing', async () => {
    const admin = await herd().signInAs('hub_admin');
    const badKind = await post(admin.headers, { kind: 'castle', name: 'Keep' });
    assert.equal(badKind.statusCode, 400);
    assert.equal(badKind.json().error.code, 'VALIDATION_FAILED');
    assert.ok(fieldsOf(badKind.json()).includes('body.kind'), JSON.stringify(badKind.json()));
    const noName = await post(admin.headers, { kind: 'store' });
    assert.equal(noName.statusCode, 400);
    assert.ok(fieldsOf(noName.json()).includes('body.name'), JSON.stringify(noName.json()));
  });

  it('strips unknown fields such as orgId', async () => {
    const admin = await herd().signInAs('hub_admin');
    const otherOrg = await herd().orgIdOf('elsewhere');
    const created = await post(admin.headers, { kind: 'department', name: 'Stripped Dept', orgId: otherOrg, evil: 'yes' });
    assert.equal(created.statusCode, 201);
    assert.equal('orgId' in created.json(), false);
    assert.equal('evil' in created.json(), false);
    const fetched = await herd().app.inject({ method: 'GET', url: `/api/spokes/${created.json().id}`, headers: admin.headers });
    assert.equal(fetched.statusCode, 200, 'the spoke landed in the signed-in organization');
    const { rows } = await herd().database.db.execute(`select org_id from spokes where name = 'Stripped Dept'`) as unknown as { rows: { org_id: string }[] };
    assert.deepEqual(rows.map((r) => r.org_id), [admin.orgId]);
  });

  it('refuses a duplicate name, whatever its case, with 409', async () => {
    const admin = await herd().signInAs('hub_admin');
    assert.equal((await post(admin.headers, { kind: 'region', name: 'North Region' })).statusCode, 201);
    const duplicate = await post(admin.headers, { kind: 'region', name: 'NORTH region' });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().error.code, 'CONFLICT');
  });

  it('refuses a parent loop', async () => {
    const admin = await herd().signInAs('hub_admin');
    const a = (await post(admin.headers, { kind: 'region', name: 'Loop A' })).json();
    const b = (await post(admin.headers, { kind: 'region', name: 'Loop B' })).json();
    const aUnderB = await herd().app.inject({ method: 'PATCH', url: `/api/spokes/${a.id}`, headers: admin.headers, payload: { parentSpokeId: b.id } });
    assert.equal(aUnderB.statusCode, 200);
    assert.equal(aUnderB.json().parentSpokeId, b.id);
    const bUnderA = await herd().app.inject({ method: 'PATCH', url: `/api/spokes/${b.id}`, headers: admin.headers, payload: { parentSpokeId: a.id } });
    assert.equal(bUnderA.statusCode, 400);
    assert.ok(fieldsOf(bUnderA.json()).includes('body.parentSpokeId'));
    const self = await herd().app.inject({ method: 'PATCH', url: `/api/spokes/${a.id}`, headers: admin.headers, payload: { parentSpokeId: a.id } });
    assert.equal(self.statusCode, 400);
    const bAfter = await herd().app.inject({ method: 'GET', url: `/api/spokes/${b.id}`, headers: admin.headers });
    assert.equal(bAfter.json().parentSpokeId, null);
  });

  it('pages through spokes with a cursor, each exactly once, in name order', async () => {
    const admin = await herd().signInAs('hub_admin', { org: 'paging' });
    const names = ['Pg delta', 'Pg alpha', 'Pg golf', 'Pg charlie', 'Pg foxtrot', 'Pg bravo', 'Pg echo'];
    for (const name of names) assert.equal((await post(admin.headers, { kind: 'store', name })).statusCode, 201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/spokes?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await herd().app.inject({ method: 'GET', url, headers: admin.headers });
      assert.equal(page.statusCode, 200);
      assert.ok(page.json().items.length <= 3);
      seen.push(...page.json().items.map((s: { name: string }) => s.name));
      cursor = page.json().nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...names].sort());
  });

  it('lets a spoke lead change their own spoke only', async () => {
    const admin = await herd().signInAs('hub_admin');
    const own = (await post(admin.headers, { kind: 'store', name: 'Lead Own' })).json();
    const other = (await post(admin.headers, { kind: 'store', name: 'Lead Other' })).json();
    const lead = await herd().signInAs('spoke_lead', { spokeId: own.id });
    const mine = await herd().app.inject({ method: 'PATCH', url: `/api/spokes/${own.id}`, headers: lead.headers, payload: { name: 'Lead Own Renamed' } });
    assert.equal(mine.statusCode, 200);
    assert.equal(mine.json().name, 'Lead Own Renamed');
    const theirs = await herd().app.inject({ method: 'PATCH', url: `/api/spokes/${other.id}`, headers: lead.headers, payload: { name: 'Hijacked' } });
    assert.equal(theirs.statusCode, 403);
    assert.equal(theirs.json().error.code, 'FORBIDDEN');
    const create = await post(lead.headers, { kind: 'store', name: 'Lead New' });
    assert.equal(create.statusCode, 403);
    const otherAfter = await herd().app.inject({ method: 'GET', url: `/api/spokes/${other.id}`, headers: admin.headers });
    assert.equal(otherAfter.json().name, 'Lead Other');
  });

  it('lets a volunteer list spokes but not change them', async () => {
    const admin = await herd().signInAs('hub_admin');
    const spoke = (await post(admin.headers, { kind: 'store', name: 'Volunteer Visible' })).json();
    const volunteer = await herd().signInAs('volunteer');
    const list = await herd().app.inject({ method: 'GET', url: '/api/spokes?q=Volunteer%20Visible', headers: volunteer.headers });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json().items.map((s: { id: string }) => s.id), [spoke.id]);
    assert.equal((await post(volunteer.headers, { kind: 'store', name: 'Nope' })).statusCode, 403);
    const patch = await herd().app.inject({ method: 'PATCH', url: `/api/spokes/${spoke.id}`, headers: volunteer.headers, payload: { name: 'Nope' } });
    assert.equal(patch.statusCode, 403);
    const del = await herd().app.inject({ method: 'DELETE', url: `/api/spokes/${spoke.id}`, headers: volunteer.headers });
    assert.equal(del.statusCode, 403);
  });
});
