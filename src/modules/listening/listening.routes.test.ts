import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp, type SignedIn } from '../../server/test-app.ts';
import { storeMentions } from './mention-store.ts';

describeHttp('listening over HTTP', (herd) => {
  let admin: SignedIn;
  let volunteer: SignedIn;
  let sourceId: string;
  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    herd().app.inject({ method, url, headers: who.headers, ...(payload && { payload }) });

  before(async () => {
    admin = await herd().signInAs('hub_admin');
    volunteer = await herd().signInAs('volunteer');
    const source = await call(admin, 'POST', '/api/sources', { kind: 'rss', name: 'Reviews', config: { url: 'http://127.0.0.1:9/feed.xml' }, matchMode: 'all' });
    assert.equal(source.statusCode, 201, source.body);
    sourceId = source.json().id;
    await storeMentions(herd().database.db, admin.orgId, sourceId, [
      { externalId: 'r1', text: 'Refund still not here after three weeks #fail', language: 'en', author: { handle: '@kim' } },
      { externalId: 'r2', text: 'Le remboursement est arrivé, merci !', language: 'fr' },
      { externalId: 'r3', text: 'Great staff at the Leeds store', language: 'en' },
    ], () => [], () => true);
  });

  it('names the field and the kind when a source is misconfigured', async () => {
    const badKind = await call(admin, 'POST', '/api/sources', { kind: 'myspace', name: 'Old', config: {} });
    assert.equal(badKind.statusCode, 400);
    assert.equal(badKind.json().error.details[0].field, 'body.kind');
    const badUrl = await call(admin, 'POST', '/api/sources', { kind: 'rss', name: 'Broken', config: { url: 'not a url' } });
    assert.equal(badUrl.statusCode, 400);
    assert.equal(badUrl.json().error.details[0].field, 'body.config.url');
  });

  it('lets only hub admins change sources and topics, and everyone read', async () => {
    assert.equal((await call(volunteer, 'POST', '/api/topics', { name: 'Mine', query: 'acme' })).statusCode, 403);
    assert.equal((await call(volunteer, 'PATCH', `/api/sources/${sourceId}`, { status: 'paused' })).statusCode, 403);
    assert.equal((await call(volunteer, 'GET', '/api/sources')).statusCode, 200);
    assert.equal((await call(volunteer, 'GET', '/api/mentions')).json().items.length, 3);
  });

  it('refuses a topic whose query does not parse, pointing at the position', async () => {
    const response = await call(admin, 'POST', '/api/topics', { name: 'Broken', query: 'refund AND (late OR' });
    assert.equal(response.statusCode, 400);
    const [problem] = response.json().error.details;
    assert.equal(problem.field, 'body.query');
    assert.equal(typeof problem.position, 'number');
    assert.ok(problem.position >= 'refund AND (late OR'.length - 2, `position ${problem.position}`);
  });

  it('tests a query against recent mentions, accent- and case-insensitively, naming the terms that matched', async () => {
    const result = (await call(admin, 'POST', '/api/topics/test', { query: 'refund* OR remboursement' })).json();
    assert.equal(result.valid, true);
    assert.equal(result.sampled, 3);
    assert.equal(result.matchCount, 2);
    const terms = result.matches.flatMap((m: { matchedTerms: string[] }) => m.matchedTerms);
    assert.ok(terms.includes('refund') && terms.includes('remboursement'), terms.join(','));
    const broken = (await call(admin, 'POST', '/api/topics/test', { query: '"unclosed' })).json();
    assert.equal(broken.valid, false);
    assert.equal(typeof broken.error.position, 'number');
  });

  it('filters mentions by language and searches them, a page at a time', async () => {
    const french = (await call(admin, 'GET', '/api/mentions?language=fr')).json();
    assert.deepEqual(french.items.map((m: { externalId: string }) => m.externalId), ['r2']);
    const searched = (await call(admin, 'GET', '/api/mentions?q=leeds%20staff')).json();
    assert.deepEqual(searched.items.map((m: { externalId: string }) => m.externalId), ['r3']);
    const first = (await call(admin, 'GET', '/api/mentions?limit=2')).json();
    const second = (await call(admin, 'GET', `/api/mentions?limit=2&cursor=${first.nextCursor}`)).json();
    assert.deepEqual([...first.items, ...second.items].map((m: { externalId: string }) => m.externalId), ['r3', 'r2', 'r1']);
    assert.equal(second.nextCursor, null);
  });

  it('pauses and resumes a source, and reports a failed connection test without failing the request', async () => {
    const paused = await call(admin, 'PATCH', `/api/sources/${sourceId}`, { status: 'paused' });
    assert.equal(paused.json().status, 'paused');
    const resumed = await call(admin, 'PATCH', `/api/sources/${sourceId}`, { status: 'active' });
    assert.equal(resumed.json().status, 'active');
    const tested = await call(admin, 'POST', `/api/sources/${sourceId}/test`, {});
    assert.equal(tested.statusCode, 200);
    assert.equal(tested.json().ok, false);
    assert.ok(tested.json().message.length > 0);
    const listed = (await call(admin, 'GET', '/api/sources')).json().items.find((s: { id: string }) => s.id === sourceId);
    assert.equal(listed.mentionsPerDay.reduce((sum: number, d: { count: number }) => sum + d.count, 0), 3);
  });
});
