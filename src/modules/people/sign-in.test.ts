import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp, TEST_PASSWORD } from '../../server/test-app.ts';
import { sessionSettings } from './auth.routes.ts';
import { resumeSession } from './sign-in.ts';

describeHttp('sign-in', (herd) => {
  it('signs in, reads the session and signs out', async () => {
    const me = await herd().signInAs('volunteer');
    const session = await herd().app.inject({ method: 'GET', url: '/api/auth/session', headers: me.headers });
    assert.equal(session.statusCode, 200);
    assert.equal(session.json().person.email, me.email);
    assert.deepEqual(session.json().roles, [{ role: 'volunteer', spokeId: null }]);
    const out = await herd().app.inject({ method: 'POST', url: '/api/auth/logout', headers: me.headers });
    assert.equal(out.statusCode, 204);
    const after = await herd().app.inject({ method: 'GET', url: '/api/auth/session', headers: me.headers });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().error.code, 'UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const me = await herd().signInAs('volunteer');
    const wrong = await herd().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: me.email, password: 'wrong password!' } });
    const unknown = await herd().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@acme.test', password: 'wrong password!' } });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), unknown.json());
    assert.equal(wrong.json().error.code, 'INVALID_CREDENTIALS');
  });

  it('locks sign-in after repeated failures, even for the right password', async () => {
    const me = await herd().signInAs('volunteer');
    for (let attempt = 0; attempt < herd().config.loginMaxFailures; attempt++) {
      await herd().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: me.email, password: 'guess number x' } });
    }
    const locked = await herd().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: me.email, password: TEST_PASSWORD } });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'LOGIN_LOCKED');
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const admin = await herd().signInAs('hub_admin');
    const withoutToken = await herd().app.inject({ method: 'POST', url: '/api/spokes', headers: { cookie: admin.cookie }, payload: { kind: 'store', name: 'Leeds' } });
    assert.equal(withoutToken.statusCode, 403);
    assert.equal(withoutToken.json().error.code, 'CSRF_FAILED');
    const withToken = await herd().app.inject({ method: 'POST', url: '/api/spokes', headers: admin.headers, payload: { kind: 'store', name: 'Leeds' } });
    assert.equal(withToken.statusCode, 201);
  });

  it('sets an HttpOnly, SameSite session cookie and stores only its digest', async () => {
    const me = await herd().signInAs('analyst');
    const login = await herd().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: me.email, password: TEST_PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'herd_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const { rows } = await herd().database.db.execute(`select token_hash from sessions`) as unknown as { rows: { token_hash: string }[] };
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.token_hash !== cookie.value));
  });

  it('lets an API token act for its owner without CSRF, until it is revoked', async () => {
    const admin = await herd().signInAs('hub_admin');
    const created = await herd().app.inject({ method: 'POST', url: '/api/tokens', headers: admin.headers, payload: { name: 'HR sync' } });
    assert.equal(created.statusCode, 201);
    const { token, apiToken } = created.json();
    assert.match(token, /^herd_/);
    const bearer = { authorization: `Bearer ${token}` };
    const write = await herd().app.inject({ method: 'POST', url: '/api/spokes', headers: bearer, payload: { kind: 'department', name: 'Tokens Dept' } });
    assert.equal(write.statusCode, 201);
    const listed = await herd().app.inject({ method: 'GET', url: '/api/tokens', headers: admin.headers });
    assert.equal(JSON.stringify(listed.json()).includes(token), false, 'the token is never shown again');
    await herd().app.inject({ method: 'DELETE', url: `/api/tokens/${apiToken.id}`, headers: admin.headers });
    const afterRevoke = await herd().app.inject({ method: 'GET', url: '/api/spokes', headers: bearer });
    assert.equal(afterRevoke.statusCode, 401);
  });

  it('expires a session after the idle timeout and after its absolute lifetime', async () => {
    const me = await herd().signInAs('volunteer');
    const secret = me.cookie.split('herd_session=')[1]!;
    const settings = sessionSettings(herd().config);
    const minutes = (n: number) => new Date(Date.now() + n * 60_000);
    assert.equal(await resumeSession(herd().database.db, settings, secret, minutes(settings.idleMinutes + 1)), undefined);
    assert.equal(await resumeSession(herd().database.db, settings, secret, minutes(settings.maxHours * 60 + 1)), undefined);
    // Checked last: a successful resume moves last-seen forward.
    assert.ok(await resumeSession(herd().database.db, settings, secret, minutes(settings.idleMinutes - 1)));
  });
});
