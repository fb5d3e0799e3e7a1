import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp, type SignedIn } from '../../server/test-app.ts';
import { signWebhook } from './webhook-ingest.ts';

describeHttp('webhook ingest', (herd) => {
  let admin: SignedIn;
  let sourceId: string;
  let secret: string;

  const push = (body: string, options: { timestamp?: number; sign?: string | false; id?: string } = {}) => {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-herd-timestamp': timestamp };
    if (options.sign !== false) headers['x-herd-signature'] = signWebhook(options.sign ?? secret, timestamp, body);
    return herd().app.inject({ method: 'POST', url: `/api/ingest/${options.id ?? sourceId}`, headers, payload: body });
  };
  const mentionCount = async () => (await herd().app.inject({ method: 'GET', url: `/api/mentions?sourceId=${sourceId}&limit=200`, headers: admin.headers })).json().items.length;

  before(async () => {
    admin = await herd().signInAs('hub_admin');
    const created = await herd().app.inject({ method: 'POST', url: '/api/sources', headers: admin.headers, payload: { kind: 'webhook', name: 'Helpdesk', config: {}, matchMode: 'all' } });
    assert.equal(created.statusCode, 201, created.body);
    sourceId = created.json().id;
    secret = created.json().config.secret;
    assert.ok(secret.length >= 40, 'a strong secret is generated and shown once');
  });

  it('shows the secret only in the create response, and keeps it when the config is changed', async () => {
    const shown = await herd().app.inject({ method: 'GET', url: `/api/sources/${sourceId}`, headers: admin.headers });
    assert.equal(shown.json().config.secret, undefined);
    const listed = await herd().app.inject({ method: 'GET', url: '/api/sources', headers: admin.headers });
    assert.equal(listed.body.includes(secret), false);
    const changed = await herd().app.inject({ method: 'PATCH', url: `/api/sources/${sourceId}`, headers: admin.headers, payload: { config: {} } });
    assert.equal(changed.statusCode, 200, changed.body);
    const ok = await push(JSON.stringify({ mentions: [] }));
    assert.equal(ok.statusCode, 200, 'the secret survived the change');
  });

  it('stores a signed push, and a re-delivery stores nothing new', async () => {
    const body = JSON.stringify({ mentions: [
      { id: 't-1', text: 'My order never arrived', author: { handle: '@ann', name: 'Ann', followers: 12 }, language: 'en', createdAt: '2026-11-01T10:00:00Z', url: 'https://help.example.com/t/1' },
      { id: 't-2', text: 'Still waiting', inReplyTo: 't-1' },
    ] });
    // One clock reading for both: two readings can straddle a second and sign identically.
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await push(body, { timestamp });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { stored: 2, duplicates: 0, ignored: 0, invalid: [] });
    const again = await push(body, { timestamp: timestamp - 1 });
    assert.deepEqual(again.json(), { stored: 0, duplicates: 2, ignored: 0, invalid: [] });
    const mentions = (await herd().app.inject({ method: 'GET', url: `/api/mentions?sourceId=${sourceId}`, headers: admin.headers })).json().items;
    assert.equal(mentions.length, 2);
    assert.equal(mentions[0].conversationId, mentions[1].conversationId, 'the reply joins its parent');
  });

  it('refuses unsigned, wrongly signed, stale and replayed pushes with 401, storing nothing', async () => {
    const before = await mentionCount();
    const body = JSON.stringify({ mentions: [{ id: 'evil', text: 'forged' }] });
    for (const response of [
      await push(body, { sign: false }),
      await push(body, { sign: 'not the secret at all' }),
      await push(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }),
      await push(body, { id: '00000000-0000-4000-8000-000000000000' }),
    ]) {
      assert.equal(response.statusCode, 401, response.body);
      assert.equal(response.json().error.code, 'UNAUTHENTICATED');
      assert.ok(response.json().error.message.length > 10);
    }
    const timestamp = Math.floor(Date.now() / 1000) - 10;
    const ok = JSON.stringify({ mentions: [] });
    assert.equal((await push(ok, { timestamp })).statusCode, 200);
    const replayed = await push(ok, { timestamp });
    assert.equal(replayed.statusCode, 401);
    assert.match(replayed.json().error.message, /already received/);
    assert.equal(await mentionCount(), before);
  });

  it('stores the valid items of a mixed push and reports the invalid ones by index and field', async () => {
    const response = await push(JSON.stringify({ mentions: [
      { id: 'm-1', text: 'fine' },
      { text: 'no id' },
      { id: 'm-3', text: 'bad author', author: { followers: -1 }, language: 'english' },
      'not an object',
      { id: 'm-5', text: 'also fine', url: 'https://example.com/x' },
      { id: 'm-6', text: 'a NUL \u0000 byte, which PostgreSQL cannot store, is dropped' },
    ] }));
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json();
    assert.equal(report.stored, 3);
    assert.deepEqual(report.invalid.map((i: { index: number }) => i.index), [1, 2, 3]);
    assert.deepEqual(report.invalid[0].problems, [{ field: 'id', message: 'is required' }]);
    assert.deepEqual(report.invalid[1].problems.map((p: { field: string }) => p.field).sort(), ['author.followers', 'language']);
  });

  it('refuses a paused source with 404 once the push is signed, and a 10 MB body with 413', async () => {
    await herd().app.inject({ method: 'PATCH', url: `/api/sources/${sourceId}`, headers: admin.headers, payload: { status: 'paused' } });
    const paused = await push(JSON.stringify({ mentions: [{ id: 'p-1', text: 'paused' }] }));
    assert.equal(paused.statusCode, 404, paused.body);
    await herd().app.inject({ method: 'PATCH', url: `/api/sources/${sourceId}`, headers: admin.headers, payload: { status: 'active' } });
    const huge = JSON.stringify({ mentions: [{ id: 'h', text: 'x'.repeat(10 * 1024 * 1024) }] });
    const tooLarge = await push(huge);
    assert.equal(tooLarge.statusCode, 413, tooLarge.body.slice(0, 200));
    assert.equal(tooLarge.json().error.code, 'PAYLOAD_TOO_LARGE');
  });

  it('leaves JSON parsing of every other route alone', async () => {
    const response = await herd().app.inject({ method: 'POST', url: '/api/topics', headers: admin.headers, payload: { name: 'Orders', query: 'order' } });
    assert.equal(response.statusCode, 201, response.body);
  });
});
