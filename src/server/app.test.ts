import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { HerdDatabase } from '../db/index.ts';
import { buildApp } from './app.ts';
import { describeHttp } from './test-app.ts';
import { createGuardedHttp } from '../connectors/index.ts';

function assertErrorShape(body: unknown, code: string): void {
  const { error, ...rest } = body as { error: Record<string, unknown> };
  assert.deepEqual(rest, {}, 'nothing beside error');
  assert.equal(error.code, code);
  assert.equal(typeof error.message, 'string');
  assert.ok((error.message as string).length > 0);
  for (const key of Object.keys(error)) assert.ok(['code', 'message', 'details'].includes(key), `unexpected error field ${key}`);
}

describeHttp('app', (herd) => {
  it('answers an unknown API route with a JSON 404', async () => {
    const admin = await herd().signInAs('hub_admin');
    for (const [method, url] of [['GET', '/api/nothing-here'], ['POST', '/api/spokes/x/y/z'], ['GET', '/api']] as const) {
      const response = await herd().app.inject({ method, url, headers: admin.headers, ...(method === 'POST' && { payload: {} }) });
      assert.equal(response.statusCode, 404, url);
      assert.match(response.headers['content-type'] as string, /application\/json/);
      assertErrorShape(response.json(), 'ROUTE_NOT_FOUND');
    }
    const anonymous = await herd().app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(anonymous.statusCode, 404);
    assertErrorShape(anonymous.json(), 'ROUTE_NOT_FOUND');
  });

  it('answers an invalid JSON body with 400 BAD_REQUEST', async () => {
    const admin = await herd().signInAs('hub_admin');
    const response = await herd().app.inject({
      method: 'POST', url: '/api/spokes', headers: { ...admin.headers, 'content-type': 'application/json' }, payload: '{"kind": "store", "name": ',
    });
    assert.equal(response.statusCode, 400);
    assertErrorShape(response.json(), 'BAD_REQUEST');
  });

  it('answers validation failures with details naming each field', async () => {
    const admin = await herd().signInAs('hub_admin');
    const response = await herd().app.inject({ method: 'POST', url: '/api/people', headers: admin.headers, payload: { email: 'not an email', capacity: -1 } });
    assert.equal(response.statusCode, 400);
    assertErrorShape(response.json(), 'VALIDATION_FAILED');
    const fields = (response.json().error.details as { field: string; message: string }[]).map((d) => d.field);
    for (const field of ['body.name', 'body.email', 'body.capacity']) assert.ok(fields.includes(field), `${field} in ${fields.join(', ')}`);
  });

  it('answers an unsupported content type with 415', async () => {
    const admin = await herd().signInAs('hub_admin');
    const response = await herd().app.inject({ method: 'POST', url: '/api/spokes', headers: { ...admin.headers, 'content-type': 'application/xml' }, payload: '<spoke/>' });
    assert.equal(response.statusCode, 415);
    assertErrorShape(response.json(), 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('reports a failing database on /ready as 503 without internals', async () => {
    // A database that throws stands in for one that went away.
    const broken = { ...herd().database, db: { ...herd().database.db, execute: async () => { throw new Error('connection refused at 10.0.0.1 SECRET-INTERNAL'); } } };
    const app = await buildApp({ config: herd().config, database: broken as unknown as HerdDatabase, http: createGuardedHttp() });
    try {
      const response = await app.inject({ method: 'GET', url: '/ready' });
      assert.equal(response.statusCode, 503);
      assertErrorShape(response.json(), 'NOT_READY');
      assert.equal(response.body.includes('SECRET-INTERNAL'), false);
      assert.equal(/at .*\.ts:\d+/.test(response.body), false, 'no stack');
    } finally {
      await app.close();
    }
  });

  it('answers /health and /ready', async () => {
    const health = await herd().app.inject({ method: 'GET', url: '/health' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await herd().app.inject({ method: 'GET', url: '/ready' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready', database: herd().database.driver, oldestDueJobSeconds: 0 });
  });

  it('is not ready while a due job waits longer than two minutes (no worker takes jobs)', async () => {
    const { db } = herd().database;
    await db.execute(sql`insert into jobs (kind, payload, run_at) values ('test.waiting', '{}', now() - interval '10 minutes')`);
    const stuck = await herd().app.inject({ method: 'GET', url: '/ready' });
    assert.equal(stuck.statusCode, 503);
    assert.match(stuck.json().error.message, /job queue is stuck: a due job has waited 6\d\d s/);
    await db.execute(sql`update jobs set status = 'done' where kind = 'test.waiting'`);
    assert.equal((await herd().app.inject({ method: 'GET', url: '/ready' })).statusCode, 200);
  });

  it('publishes an OpenAPI 3 document with the people and spokes paths', async () => {
    const response = await herd().app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json();
    assert.match(doc.openapi, /^3\./);
    assert.equal(typeof doc.info.title, 'string');
    for (const path of ['/api/people', '/api/spokes', '/api/people/{id}', '/api/spokes/{id}']) assert.ok(doc.paths[path], path);
    assert.ok(doc.paths['/api/people'].get && doc.paths['/api/people'].post);
    assert.ok(doc.paths['/api/spokes'].get && doc.paths['/api/spokes'].post);
    assert.ok(doc.components.securitySchemes.session);
  });

  it('sets security headers on answers', async () => {
    const response = await herd().app.inject({ method: 'GET', url: '/health' });
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
  });
});
