import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp, type SignedIn } from '../../server/test-app.ts';
import { ingestPosts, type IngestTarget } from '../listening/index.ts';
import { enrichMentions } from '../triage/index.ts';
import { routeStoredMentions } from './conversations/route-mentions.ts';

describeHttp('routing rules, the inbox and conversation actions', (herd) => {
  let admin: SignedIn;
  let careLead: SignedIn;
  let careVolunteer: SignedIn;
  let otherVolunteer: SignedIn;
  let storeVolunteer: SignedIn;
  let analyst: SignedIn;
  let careId: string;
  let storeId: string;
  let source: IngestTarget;
  const conversations: string[] = [];

  const as = (who: SignedIn) => ({
    get: (url: string) => herd().app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object = {}) => herd().app.inject({ method: 'POST', url, headers: who.headers, payload }),
    patch: (url: string, payload: object) => herd().app.inject({ method: 'PATCH', url, headers: who.headers, payload }),
    put: (url: string, payload: object) => herd().app.inject({ method: 'PUT', url, headers: who.headers, payload }),
  });
  const arrive = async (externalId: string, text: string) => {
    const db = herd().database.db;
    const { mentionIds } = await ingestPosts(db, source, [{ externalId, text, language: 'en' }]);
    await enrichMentions(db, admin.orgId, mentionIds);
    const [routed] = await routeStoredMentions(db, admin.orgId, mentionIds);
    return routed!.conversationId;
  };

  before(async () => {
    admin = await herd().signInAs('hub_admin');
    careId = (await as(admin).post('/api/spokes', { kind: 'department', name: 'Care' })).json().id;
    storeId = (await as(admin).post('/api/spokes', { kind: 'store', name: 'Leeds' })).json().id;
    careLead = await herd().signInAs('spoke_lead', { spokeId: careId });
    careVolunteer = await herd().signInAs('volunteer', { spokeId: careId });
    otherVolunteer = await herd().signInAs('volunteer', { spokeId: careId });
    storeVolunteer = await herd().signInAs('volunteer', { spokeId: storeId });
    analyst = await herd().signInAs('analyst');
    await as(admin).patch(`/api/people/${storeVolunteer.personId}`, { skills: [{ topic: 'warranty', level: 4 }] });
    const created = await as(admin).post('/api/sources', { kind: 'file', name: 'Import', config: {}, matchMode: 'all' });
    source = { id: created.json().id, orgId: admin.orgId, name: 'Import', matchMode: 'all' };
    const rule = await as(admin).post('/api/routing/rules', { name: 'Kettles to Care', conditions: [{ field: 'keywords', anyOf: ['kettle'] }], actions: { routeTo: { spokeId: careId }, priority: 'high' } });
    assert.equal(rule.statusCode, 201, rule.body);
    for (const [id, text] of [['k1', 'My kettle leaks'], ['k2', 'Kettle lid broke'], ['k3', 'Kettle too loud'], ['x1', 'Nice shop']]) conversations.push(await arrive(id!, text!));
  });

  it('refuses rules that point at what is not the organization\'s, naming the field', async () => {
    const badSpoke = await as(admin).post('/api/routing/rules', { name: 'Nowhere', conditions: [], actions: { routeTo: { spokeId: '00000000-0000-4000-8000-000000000000' } } });
    assert.equal(badSpoke.statusCode, 400);
    assert.equal(badSpoke.json().error.details[0].field, 'body.actions.routeTo.spokeId');
    const badZone = await as(admin).post('/api/routing/rules', { name: 'Mars', conditions: [{ field: 'businessHours', hours: { timeZone: 'Mars/Base', slots: [] } }], actions: {} });
    assert.equal(badZone.statusCode, 400);
    assert.equal(badZone.json().error.details[0].field, 'body.conditions.0.hours.timeZone');
    const both = await as(admin).post('/api/routing/rules', { name: 'Both', conditions: [], actions: { routeTo: { spokeId: careId, place: true } } });
    assert.equal(both.json().error.details[0].field, 'body.actions.routeTo');
    const loud = await as(admin).post('/api/routing/rules', {
      name: 'Loud store complaints', enabled: false,
      conditions: [{ field: 'urgency', atLeast: 50 }, { field: 'businessHours', hours: { timeZone: 'Europe/London', slots: [{ day: 1, start: '09:00', end: '17:00' }] }, negate: true }],
      actions: { routeTo: { place: true } },
    });
    assert.equal(loud.statusCode, 201, loud.body);
    assert.deepEqual(loud.json().conditions[0], { field: 'urgency', atLeast: 50 }, 'every kind of condition keeps its fields');
    assert.equal(loud.json().conditions[1].hours.timeZone, 'Europe/London');
    const rules = (await as(admin).get('/api/routing/rules')).json().items;
    assert.deepEqual(rules.map((r: { name: string }) => r.name), ['Kettles to Care', 'Loud store complaints']);
    const partial = await as(admin).put('/api/routing/rules/order', { ids: [rules[1].id] });
    assert.equal(partial.statusCode, 400);
    const reordered = await as(admin).put('/api/routing/rules/order', { ids: [rules[1].id, rules[0].id] });
    assert.deepEqual(reordered.json().items.map((r: { name: string }) => r.name), ['Loud store complaints', 'Kettles to Care']);
    assert.equal((await as(careLead).get('/api/routing/rules')).statusCode, 403);
  });

  it('previews which rule fires, why, and who would get it', async () => {
    const preview = await as(admin).post('/api/routing/preview', { text: 'The kettle is broken' });
    assert.equal(preview.statusCode, 200, preview.body);
    const { decision, assignee } = preview.json();
    assert.deepEqual([decision.spokeId, decision.spokeName, decision.priority], [careId, 'Care', 'high']);
    const kettles = decision.trace.find((t: { name: string }) => t.name === 'Kettles to Care');
    assert.equal(kettles.outcome, 'matched');
    assert.match(kettles.checks[0].why, /kettle/);
    assert.equal(decision.trace.find((t: { name: string }) => t.name === 'Loud store complaints').outcome, 'disabled');
    assert.ok(assignee.verdicts.length >= 3, 'every member of Care is weighed');
    const other = (await as(admin).post('/api/routing/preview', { text: 'Lovely weather' })).json();
    assert.deepEqual([other.decision.spokeId, other.decision.routedBy, other.assignee], [null, null, null]);
    const nothing = await as(admin).post('/api/routing/preview', {});
    assert.equal(nothing.json().error.details[0].field, 'body.text');
  });

  it('shows each person the views they may see', async () => {
    const spoke = (await as(careVolunteer).get('/api/inbox?view=spoke')).json().items.map((i: { conversationId: string }) => i.conversationId);
    assert.deepEqual(new Set(spoke), new Set(conversations.slice(0, 3)));
    assert.equal((await as(careVolunteer).get('/api/inbox?view=all')).statusCode, 403);
    assert.equal((await as(analyst).get('/api/inbox?view=all')).json().items.length, 4);
    assert.equal((await as(storeVolunteer).get(`/api/conversations/${conversations[0]}`)).statusCode, 404, 'another spoke\'s conversation is not found');
    const searched = (await as(admin).get('/api/inbox?view=all&q=lid')).json().items;
    assert.deepEqual(searched.map((i: { conversationId: string }) => i.conversationId), [conversations[1]]);
    const firstPage = (await as(admin).get('/api/inbox?view=all&limit=2&sort=due')).json();
    const secondPage = (await as(admin).get(`/api/inbox?view=all&limit=2&sort=due&cursor=${firstPage.nextCursor}`)).json();
    assert.equal(new Set([...firstPage.items, ...secondPage.items].map((i: { conversationId: string }) => i.conversationId)).size, 4);
  });

  it('refuses a claim on someone else\'s conversation; the lead may hand it over; analysts only look', async () => {
    const id = conversations[2]!;
    const holder = (await as(admin).get(`/api/conversations/${id}`)).json().conversation.assigneeId;
    assert.ok([careLead, careVolunteer, otherVolunteer].some((p) => p.personId === holder), 'routing assigned it inside Care');
    const other = [careVolunteer, otherVolunteer].find((p) => p.personId !== holder)!;
    assert.equal((await as(other).post(`/api/conversations/${id}/claim`)).statusCode, 409);
    assert.equal((await as(other).post(`/api/conversations/${id}/assign`, { personId: other.personId })).statusCode, 403, 'volunteers do not assign');
    const handed = await as(careLead).post(`/api/conversations/${id}/assign`, { personId: other.personId, note: 'You know this one' });
    assert.equal(handed.statusCode, 200, handed.body);
    assert.equal(handed.json().assigneeId, other.personId);
    assert.equal((await as(analyst).post(`/api/conversations/${id}/status`, { status: 'resolved' })).statusCode, 403);
  });

  it('transfers with a note, and the other spoke sees it with the history', async () => {
    const id = conversations[0]!;
    const moved = await as(careVolunteer).post(`/api/conversations/${id}/transfer`, { spokeId: storeId, note: 'The store sold it' });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().spokeId, storeId);
    const view = (await as(storeVolunteer).get(`/api/conversations/${id}`)).json();
    const transferred = view.timeline.find((e: { kind: string }) => e.kind === 'transferred');
    assert.equal(transferred.details.note, 'The store sold it');
    assert.equal(view.thread[0].text, 'My kettle leaks');
    assert.equal(view.canWork, true);
  });

  it('pulls a colleague from another spoke in with an @mention, and an expert by skill', async () => {
    const id = conversations[1]!;
    const noted = await as(careLead).post(`/api/conversations/${id}/notes`, { text: '@Leeds can you check stock?', mentionPersonIds: [storeVolunteer.personId] });
    assert.equal(noted.statusCode, 200, noted.body);
    const mine = (await as(storeVolunteer).get('/api/inbox?view=mine')).json().items.map((i: { conversationId: string }) => i.conversationId);
    assert.ok(mine.includes(id), 'the mentioned colleague now sees it');
    const asked = await as(careLead).post(`/api/conversations/${conversations[2]}/experts`, { skill: 'Warranty', question: 'Is a lid covered?' });
    assert.equal(asked.statusCode, 200, asked.body);
    const [request] = (await as(careLead).get(`/api/conversations/${conversations[2]}`)).json().expertRequests;
    const accepted = await as(storeVolunteer).post(`/api/expert-requests/${request.id}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.body);
    const view = (await as(storeVolunteer).get(`/api/conversations/${conversations[2]}`)).json();
    assert.ok(view.participants.some((p: { personId: string; reason: string }) => p.personId === storeVolunteer.personId && /warranty/i.test(p.reason)));
    assert.equal((await as(careVolunteer).post(`/api/expert-requests/${request.id}/accept`)).statusCode, 409);
  });

  it('reports a bulk action per conversation', async () => {
    const response = await as(careVolunteer).post('/api/conversations/bulk', { conversationIds: [conversations[1], conversations[3]], action: 'waiting' });
    assert.equal(response.statusCode, 200, response.body);
    const results = response.json().results;
    assert.deepEqual(results.map((r: { ok: boolean }) => r.ok), [true, false]);
    assert.equal(results[1].error.code, 'NOT_FOUND', 'the hub\'s conversation is not theirs to see');
    assert.equal((await as(admin).get(`/api/conversations/${conversations[1]}`)).json().conversation.status, 'waiting');
  });
});
