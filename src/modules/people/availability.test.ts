import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp } from '../../server/test-app.ts';

describeHttp('saying you are away', (herd) => {
  const availability = (headers: Record<string, string>, status: string) =>
    herd().app.inject({ method: 'PUT', url: '/api/auth/session/availability', headers, payload: { status } });
  const sessionStatus = async (headers: Record<string, string>) => (await herd().app.inject({ method: 'GET', url: '/api/auth/session', headers })).json().person.status;

  it('lets a volunteer say they are away and back, shows it in their session, and audits each change once', async () => {
    const volunteer = await herd().signInAs('volunteer');
    const away = await availability(volunteer.headers, 'away');
    assert.equal(away.statusCode, 200, away.body);
    assert.deepEqual(away.json(), { status: 'away' });
    assert.equal(await sessionStatus(volunteer.headers), 'away');
    assert.equal((await availability(volunteer.headers, 'away')).statusCode, 200, 'saying it twice is harmless');
    assert.deepEqual((await availability(volunteer.headers, 'active')).json(), { status: 'active' });
    assert.equal(await sessionStatus(volunteer.headers), 'active');

    const admin = await herd().signInAs('hub_admin');
    const audit = await herd().app.inject({ method: 'GET', url: '/api/audit?limit=100', headers: admin.headers });
    const changes = audit.json().items.filter((event: { action: string; targetId: string }) => event.action === 'person.availability' && event.targetId === volunteer.personId);
    assert.deepEqual(changes.map((event: { after: { status: string } }) => event.after.status).sort(), ['active', 'away']);
  });

  it('refuses "left" (a manager\'s change), naming the field, and an API token', async () => {
    const volunteer = await herd().signInAs('volunteer');
    const left = await availability(volunteer.headers, 'left');
    assert.equal(left.statusCode, 400);
    assert.match(left.body, /status/);
    assert.equal(await sessionStatus(volunteer.headers), 'active');

    const created = await herd().app.inject({ method: 'POST', url: '/api/tokens', headers: volunteer.headers, payload: { name: 'script' } });
    const byToken = await availability({ authorization: `Bearer ${created.json().token}` }, 'away');
    assert.equal(byToken.statusCode, 400);
    assert.equal(byToken.json().error.code, 'BAD_REQUEST');
  });
});
