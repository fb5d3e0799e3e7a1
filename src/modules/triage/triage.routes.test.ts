import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { describeHttp, type SignedIn } from '../../server/test-app.ts';
import { storeMentions } from '../listening/index.ts';
import { enrichMentions } from './enrich-mentions.ts';

describeHttp('triage over HTTP', (herd) => {
  let admin: SignedIn;
  let lead: SignedIn;
  let volunteer: SignedIn;
  let mentionId: string;
  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    herd().app.inject({ method, url, headers: who.headers, ...(payload && { payload }) });

  before(async () => {
    admin = await herd().signInAs('hub_admin');
    lead = await herd().signInAs('spoke_lead');
    volunteer = await herd().signInAs('volunteer');
    const source = await call(admin, 'POST', '/api/sources', { kind: 'file', name: 'Reviews', config: {}, matchMode: 'all' });
    const stored = await storeMentions(herd().database.db, admin.orgId, source.json().id, [
      { externalId: 'r1', text: 'My refund still has not arrived after three weeks #fail', author: { handle: 'kim', followers: 1200 } },
    ], () => [], () => true);
    mentionId = stored.mentionIds[0]!;
  });

  it('lets hub admins define categories with keywords, and names what is wrong', async () => {
    const created = await call(admin, 'POST', '/api/categories', { name: 'Billing', keywords: [' refund ', 'refund', 'charged twice'] });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual([created.json().keywords, created.json().examples], [['refund', 'charged twice'], 0]);
    const taken = await call(admin, 'POST', '/api/categories', { name: 'billing' });
    assert.deepEqual([taken.statusCode, taken.json().error.details[0].field], [409, 'body.name']);
    const empty = await call(admin, 'POST', '/api/categories', { name: '' });
    assert.deepEqual([empty.statusCode, empty.json().error.details[0].field], [400, 'body.name']);
    assert.equal((await call(volunteer, 'POST', '/api/categories', { name: 'Jobs' })).statusCode, 403);
    assert.equal((await call(volunteer, 'GET', '/api/categories')).json().items[0].name, 'Billing', 'everyone may see the categories');
  });

  it('shows a mention\'s triage with reasons, and takes a lead\'s correction', async () => {
    await enrichMentions(herd().database.db, admin.orgId, [mentionId]);
    const [triage] = (await call(volunteer, 'GET', `/api/triage?mentionIds=${mentionId}`)).json().items;
    assert.deepEqual([triage.category.name, triage.category.decidedBy, triage.category.reasons[0].term], ['Billing', 'rule', 'refund']);
    assert.equal(triage.sentiment.label, 'negative');
    assert.ok(triage.sentiment.reasons.length > 0);
    assert.equal(triage.language, 'en');

    const delivery = (await call(admin, 'POST', '/api/categories', { name: 'Delivery' })).json();
    assert.equal((await call(volunteer, 'PUT', `/api/mentions/${mentionId}/category`, { categoryId: delivery.id })).statusCode, 403);
    assert.equal((await call(lead, 'PUT', `/api/mentions/${mentionId}/category`, { categoryId: delivery.id })).statusCode, 204);
    const [corrected] = (await call(lead, 'GET', `/api/triage?mentionIds=${mentionId}`)).json().items;
    assert.deepEqual([corrected.category.name, corrected.category.decidedBy], ['Delivery', 'person']);
    const learning = await herd().database.db.execute(sql`select count(*)::int as n from jobs where kind = 'triage.learn-categories' and status = 'queued'`);
    assert.equal((learning as unknown as { rows: { n: number }[] }).rows[0]!.n, 1, 'learning is scheduled');
    const examples = (await call(admin, 'GET', `/api/categories/${delivery.id}/examples`)).json();
    assert.deepEqual(examples.items.map((example: { origin: string; mentionId: string }) => [example.origin, example.mentionId]), [['corrected', mentionId]]);
  });

  it('pages through examples, newest first, and removes one', async () => {
    const [billing] = (await call(admin, 'GET', '/api/categories')).json().items;
    const added = await call(admin, 'POST', `/api/categories/${billing.id}/examples`, { texts: ['one', 'two', 'three', 'two', ' '] });
    assert.deepEqual(added.json(), { added: 3 });
    const first = (await call(admin, 'GET', `/api/categories/${billing.id}/examples?limit=2`)).json();
    const second = (await call(admin, 'GET', `/api/categories/${billing.id}/examples?limit=2&cursor=${first.nextCursor}`)).json();
    assert.equal(first.items.length + second.items.length, 3);
    assert.equal(second.nextCursor, null);
    assert.equal(new Set([...first.items, ...second.items].map((example: { id: string }) => example.id)).size, 3);
    assert.equal((await call(admin, 'DELETE', `/api/category-examples/${first.items[0].id}`)).statusCode, 204);
    assert.equal((await call(admin, 'DELETE', `/api/category-examples/${first.items[0].id}`)).statusCode, 404);
    assert.equal((await call(admin, 'GET', `/api/categories/${billing.id}/examples?cursor=nonsense`)).statusCode, 400);
  });

  it('reports the model, and schedules a retrain for hub admins only', async () => {
    assert.deepEqual((await call(volunteer, 'GET', '/api/categories/model')).json(), { model: null, accuracyByDay: [] });
    assert.equal((await call(volunteer, 'POST', '/api/categories/retrain', {})).statusCode, 403);
    assert.equal((await call(admin, 'POST', '/api/categories/retrain', {})).statusCode, 202);
  });
});
