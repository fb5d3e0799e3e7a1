import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp } from '../../../server/test-app.ts';
import { notifyPeople } from './notify.ts';

describeHttp('my notifications and preferences', (herd) => {
  it('shows each person only their own notifications, newest first, paged, and marks only their own read', async () => {
    const ann = await herd().signInAs('volunteer');
    const bob = await herd().signInAs('volunteer');
    await herd().database.db.transaction(async (tx) => {
      for (const title of ['one', 'two', 'three']) await notifyPeople(tx, ann.orgId, { personIds: [ann.personId], kind: 'test', conversationId: null, title, body: '' });
      await notifyPeople(tx, bob.orgId, { personIds: [bob.personId], kind: 'test', conversationId: null, title: 'for bob', body: '' });
    });
    const list = (who: typeof ann, query = '') => herd().app.inject({ method: 'GET', url: `/api/notifications${query}`, headers: who.headers });
    const first = (await list(ann, '?limit=2')).json();
    assert.deepEqual(first.items.map((n: { title: string }) => n.title), ['three', 'two']);
    assert.equal(first.unread, 3);
    const second = (await list(ann, `?limit=2&cursor=${first.nextCursor}`)).json();
    assert.deepEqual([second.items.map((n: { title: string }) => n.title), second.nextCursor], [['one'], null]);
    const bobsId = (await list(bob)).json().items[0].id;
    const marked = await herd().app.inject({ method: 'POST', url: '/api/notifications/read', headers: ann.headers, payload: { ids: [bobsId, first.items[0].id] } });
    assert.deepEqual(marked.json(), { marked: 1 });
    assert.equal((await list(bob, '?unread=true')).json().items.length, 1, "Ann cannot mark Bob's notification read");
    assert.deepEqual((await list(ann, '?unread=true')).json().items.map((n: { title: string }) => n.title), ['two', 'one']);
    await herd().app.inject({ method: 'POST', url: '/api/notifications/read', headers: ann.headers, payload: { all: true } });
    assert.equal((await list(ann)).json().unread, 0);
  });

  it('keeps preferences, with defaults before any are set, and names the field that is wrong', async () => {
    const ann = await herd().signInAs('volunteer');
    const prefs = (payload?: object) => herd().app.inject({ method: payload ? 'PUT' : 'GET', url: '/api/notifications/preferences', headers: ann.headers, ...(payload && { payload }) });
    assert.deepEqual((await prefs()).json(), { email: 'instant', quietStart: null, quietEnd: null, digestHour: 8 });
    const saved = await prefs({ email: 'digest', quietStart: '22:00', quietEnd: '07:00', digestHour: 9 });
    assert.deepEqual(saved.json(), { email: 'digest', quietStart: '22:00', quietEnd: '07:00', digestHour: 9 });
    for (const [payload, field] of [
      [{ email: 'digest', quietStart: '25:00', quietEnd: '07:00', digestHour: 9 }, 'body.quietStart'],
      [{ email: 'digest', quietStart: null, quietEnd: null, digestHour: 24 }, 'body.digestHour'],
      [{ email: 'digest', quietStart: '22:00', quietEnd: null, digestHour: 8 }, 'body.quietEnd'],
      [{ email: 'weekly', quietStart: null, quietEnd: null, digestHour: 8 }, 'body.email'],
    ] as const) {
      const response = await prefs(payload);
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.ok(response.json().error.details.some((d: { field: string }) => d.field.startsWith(field)), response.body);
    }
    assert.equal((await prefs()).json().digestHour, 9, 'unchanged by refused updates');
  });
});
