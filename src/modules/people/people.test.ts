import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp, TEST_PASSWORD } from '../../server/test-app.ts';

const fieldsOf = (body: { error: { details?: { field: string }[] } }) => (body.error.details ?? []).map((d) => d.field);

describeHttp('people', (herd) => {
  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    herd().app.inject({ method, url, headers, ...(payload && { payload }) });

  it('creates, reads, changes and removes a person, never showing a password hash', async () => {
    const admin = await herd().signInAs('hub_admin');
    const bodies: string[] = [];
    const created = await inject('POST', '/api/people', admin.headers, {
      name: 'Ada Lovelace', email: 'ada@acme.test', title: 'Analyst', languages: ['en', 'fr'], skills: [{ topic: 'maths', level: 5 }],
      timeZone: 'Europe/London', password: 'a long enough password',
    });
    bodies.push(created.body);
    assert.equal(created.statusCode, 201);
    const id = created.json().id as string;
    assert.equal(created.json().email, 'ada@acme.test');
    assert.deepEqual(created.json().skills, [{ topic: 'maths', level: 5 }]);
    const fetched = await inject('GET', `/api/people/${id}`, admin.headers);
    bodies.push(fetched.body);
    assert.equal(fetched.statusCode, 200);
    assert.equal(fetched.json().name, 'Ada Lovelace');
    const patched = await inject('PATCH', `/api/people/${id}`, admin.headers, { title: 'Lead Analyst', capacity: 7, password: 'another long password' });
    bodies.push(patched.body);
    assert.equal(patched.statusCode, 200);
    assert.equal(patched.json().title, 'Lead Analyst');
    assert.equal(patched.json().capacity, 7);
    assert.equal(patched.json().name, 'Ada Lovelace', 'fields not in the patch are kept');
    const listed = await inject('GET', '/api/people?q=ada', admin.headers);
    bodies.push(listed.body);
    for (const body of bodies) {
      assert.equal(/passwordHash|password_hash|scrypt/i.test(body), false, body);
      assert.equal(body.includes('a long enough password') || body.includes('another long password'), false);
    }
    const removed = await inject('DELETE', `/api/people/${id}`, admin.headers);
    assert.equal(removed.statusCode, 204);
    const gone = await inject('GET', `/api/people/${id}`, admin.headers);
    assert.equal(gone.statusCode, 404);
    assert.equal(gone.json().error.code, 'NOT_FOUND');
  });

  it('refuses an invalid time zone, naming body.timeZone', async () => {
    const admin = await herd().signInAs('hub_admin');
    const response = await inject('POST', '/api/people', admin.headers, { name: 'Tz', email: 'tz@acme.test', timeZone: 'Mars/Olympus' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(fieldsOf(response.json()), ['body.timeZone']);
    const list = await inject('GET', '/api/people?q=tz%40acme', admin.headers);
    assert.equal(list.json().items.length, 0);
  });

  it('refuses a duplicate e-mail in a different case with 409', async () => {
    const admin = await herd().signInAs('hub_admin');
    assert.equal((await inject('POST', '/api/people', admin.headers, { name: 'Dup One', email: 'dup@acme.test' })).statusCode, 201);
    const duplicate = await inject('POST', '/api/people', admin.headers, { name: 'Dup Two', email: 'DUP@Acme.test' });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().error.code, 'CONFLICT');
    assert.ok(fieldsOf(duplicate.json()).includes('body.email'));
  });

  it('searches by name, e-mail and title, and filters by spoke', async () => {
    const admin = await herd().signInAs('hub_admin', { org: 'search' });
    const spoke = (await inject('POST', '/api/spokes', admin.headers, { kind: 'store', name: 'Search Store' })).json();
    const mk = async (payload: object) => (await inject('POST', '/api/people', admin.headers, payload)).json().id as string;
    const byName = await mk({ name: 'Zebulon Quux', email: 'zq@search.test' });
    const byEmail = await mk({ name: 'Plain Person', email: 'quux.mail@search.test' });
    const byTitle = await mk({ name: 'Titled Person', email: 'tp@search.test', title: 'Head of Quux' });
    await mk({ name: 'Nobody Special', email: 'ns@search.test' });
    const found = await inject('GET', '/api/people?q=QUUX', admin.headers);
    assert.equal(found.statusCode, 200);
    assert.deepEqual(found.json().items.map((p: { id: string }) => p.id).sort(), [byName, byEmail, byTitle].sort());
    const membership = await inject('POST', '/api/memberships', admin.headers, { personId: byTitle, spokeId: spoke.id, role: 'volunteer' });
    assert.equal(membership.statusCode, 201);
    const inSpoke = await inject('GET', `/api/people?spokeId=${spoke.id}`, admin.headers);
    assert.deepEqual(inSpoke.json().items.map((p: { id: string }) => p.id), [byTitle]);
    const person = (await inject('GET', `/api/people/${byTitle}`, admin.headers)).json();
    assert.deepEqual(person.memberships, [{ id: membership.json().id, role: 'volunteer', spokeId: spoke.id, spokeName: 'Search Store' }]);
  });

  it('lets a spoke lead add volunteers to their own spoke but not grant hub_admin', async () => {
    const admin = await herd().signInAs('hub_admin');
    const own = (await inject('POST', '/api/spokes', admin.headers, { kind: 'store', name: 'Lead Store' })).json();
    const other = (await inject('POST', '/api/spokes', admin.headers, { kind: 'store', name: 'Not Lead Store' })).json();
    const lead = await herd().signInAs('spoke_lead', { spokeId: own.id });
    const person = (await inject('POST', '/api/people', admin.headers, { name: 'New Volunteer', email: 'newvol@acme.test' })).json();
    const ok = await inject('POST', '/api/memberships', lead.headers, { personId: person.id, spokeId: own.id, role: 'volunteer' });
    assert.equal(ok.statusCode, 201);
    const elsewhere = await inject('POST', '/api/memberships', lead.headers, { personId: person.id, spokeId: other.id, role: 'volunteer' });
    assert.equal(elsewhere.statusCode, 403);
    const admin1 = await inject('POST', '/api/memberships', lead.headers, { personId: person.id, spokeId: null, role: 'hub_admin' });
    assert.equal(admin1.statusCode, 403);
    const admin2 = await inject('POST', '/api/memberships', lead.headers, { personId: person.id, spokeId: own.id, role: 'hub_admin' });
    assert.equal(admin2.statusCode, 403);
    const createPerson = await inject('POST', '/api/people', lead.headers, { name: 'By Lead', email: 'bylead@acme.test' });
    assert.equal(createPerson.statusCode, 403);
    const after = (await inject('GET', `/api/people/${person.id}`, admin.headers)).json();
    assert.deepEqual(after.memberships.map((m: { role: string; spokeId: string | null }) => [m.role, m.spokeId]), [['volunteer', own.id]]);
  });

  it('ends the sessions of someone who has left', async () => {
    const admin = await herd().signInAs('hub_admin');
    const leaver = await herd().signInAs('volunteer');
    assert.equal((await inject('GET', '/api/auth/session', leaver.headers)).statusCode, 200);
    const patched = await inject('PATCH', `/api/people/${leaver.personId}`, admin.headers, { status: 'left' });
    assert.equal(patched.statusCode, 200);
    assert.equal(patched.json().status, 'left');
    const after = await inject('GET', '/api/spokes', leaver.headers);
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().error.code, 'UNAUTHENTICATED');
    const again = await herd().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: leaver.email, password: TEST_PASSWORD, organization: 'acme' } });
    assert.notEqual(again.statusCode, 200, 'someone who has left cannot sign in again');
  });
});
