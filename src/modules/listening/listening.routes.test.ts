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

  it('imports a CSV or JSON Lines upload into a file source, for hub admins only', async () => {
    const created = await call(admin, 'POST', '/api/sources', { kind: 'file', name: 'Survey', config: {}, matchMode: 'all' });
    assert.equal(created.statusCode, 201, created.body);
    const upload = (who: SignedIn, id: string, body: string, contentType: string, query = '') =>
      herd().app.inject({ method: 'POST', url: `/api/sources/${id}/import${query}`, headers: { ...who.headers, 'content-type': contentType }, payload: body });
    const csv = await upload(admin, created.json().id, 'Ref,Comment\nq1,Checkout was slow\nq2,\n', 'text/csv', '?map=Ref=id&map=Comment=text');
    assert.equal(csv.statusCode, 200, csv.body);
    assert.deepEqual(csv.json(), { rows: 2, stored: 1, duplicates: 0, ignored: 0, invalid: 1, invalidRows: [{ line: 3, reason: 'text is required' }] });
    const jsonl = await upload(admin, created.json().id, '{"id":"q1","text":"Checkout was slow"}\n{"id":"q3","text":"Loved it"}\n', 'application/x-ndjson');
    assert.deepEqual([jsonl.json().stored, jsonl.json().duplicates], [1, 1]);
    assert.equal((await upload(volunteer, created.json().id, 'id,text\nv,x\n', 'text/csv')).statusCode, 403);
    const notFile = await upload(admin, sourceId, 'id,text\nv,x\n', 'text/csv');
    assert.equal(notFile.statusCode, 400);
    const wrongType = await herd().app.inject({ method: 'POST', url: `/api/sources/${created.json().id}/import`, headers: admin.headers, payload: { id: 'x' } });
    assert.equal(wrongType.statusCode, 415);
  });

  it('streams the progress of an import to clients that ask for it, then the summary or the error', async () => {
    const created = (await call(admin, 'POST', '/api/sources', { kind: 'file', name: 'Backfill', config: {}, matchMode: 'all' })).json();
    const rows = Array.from({ length: 1200 }, (_, i) => `r${i},Review number ${i}`);
    const upload = (csv: string) => herd().app.inject({
      method: 'POST', url: `/api/sources/${created.id}/import`, payload: csv,
      headers: { ...admin.headers, 'content-type': 'text/csv', accept: 'application/x-ndjson' },
    });
    const answer = await upload(`id,text\n${rows.join('\n')}\n`);
    assert.equal(answer.statusCode, 200);
    assert.match(String(answer.headers['content-type']), /application\/x-ndjson/);
    const lines = answer.body.trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(lines.slice(0, -1).map((line) => line.progress), [
      { done: 0, total: 1200 }, { done: 500, total: 1200 }, { done: 1000, total: 1200 }, { done: 1200, total: 1200 },
    ]);
    assert.deepEqual(lines.at(-1).result, { rows: 1200, stored: 1200, duplicates: 0, ignored: 0, invalid: 0, invalidRows: [] });
    const failed = (await upload('id,remark\nx,no text column\n')).body.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(failed.at(-1).status, 400);
    assert.equal(failed.at(-1).error.code, 'VALIDATION_FAILED');
    assert.match(failed.at(-1).error.message, /no column holds the text/);
  });
});
