import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeHttp, type SignedIn } from '../../../server/test-app.ts';
import { publishLive, type LiveEvent } from './live-event.ts';

/** Reads a live stream until an event matches `until`, returning every event received. */
async function listen(origin: string, who: SignedIn): Promise<{ until(match: (event: LiveEvent) => boolean): Promise<LiveEvent[]>; close(): void }> {
  const abort = new AbortController();
  const response = await fetch(`${origin}/api/live`, { headers: { cookie: who.cookie }, signal: abort.signal });
  assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: LiveEvent[] = [];
  const first = await reader.read();
  buffer += decoder.decode(first.value, { stream: true });
  return {
    async until(match) {
      for (;;) {
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (!data) continue;
          const event = JSON.parse(data.slice(6)) as LiveEvent;
          assert.ok(block.startsWith(`event: ${event.type}\n`));
          events.push(event);
          if (match(event)) return events;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => abort.abort(),
  };
}

describeHttp('GET /api/live', (herd) => {
  let origin: string;
  before(async () => {
    origin = await herd().app.listen({ port: 0, host: '127.0.0.1' });
  });
  const publish = (event: LiveEvent) => herd().database.db.transaction((tx) => publishLive(tx, event));
  const notice = (to: SignedIn, notificationId: number): LiveEvent => ({ orgId: to.orgId, type: 'notification.created', personId: to.personId, notificationId });

  it('streams what the person may see, only once committed, and nothing of other people or organizations', async () => {
    const ann = await herd().signInAs('volunteer');
    const bob = await herd().signInAs('volunteer');
    const otherAdmin = await herd().signInAs('hub_admin', { org: 'other' });
    const annStream = await listen(origin, ann);
    const otherStream = await listen(origin, otherAdmin);
    try {
      await assert.rejects(herd().database.db.transaction(async (tx) => {
        await publishLive(tx, notice(ann, 1));
        throw new Error('roll back');
      }));
      await publish(notice(bob, 2));
      await publish({ orgId: ann.orgId, type: 'conversation.changed', conversationId: randomUUID(), spokeId: null, assigneeId: null, participantIds: [] });
      await publish({ orgId: ann.orgId, type: 'conversation.changed', conversationId: randomUUID(), spokeId: null, assigneeId: ann.personId, participantIds: [] });
      await publish(notice(ann, 3));
      const heard = await annStream.until((event) => event.type === 'notification.created' && event.notificationId === 3);
      assert.deepEqual(heard.map((event) => event.type === 'notification.created' ? event.notificationId : event.type === 'conversation.changed' ? event.assigneeId : event.type), [ann.personId, 3]);
      await publish({ orgId: otherAdmin.orgId, type: 'conversation.changed', conversationId: randomUUID(), spokeId: null, assigneeId: null, participantIds: [] });
      const heardByOther = await otherStream.until((event) => event.orgId === otherAdmin.orgId);
      assert.deepEqual(heardByOther.map((event) => event.orgId), [otherAdmin.orgId], "the other organization's admin heard none of acme's events");
    } finally {
      annStream.close();
      otherStream.close();
    }
  });

  it('tells spoke members about their spoke and refuses anyone not signed in', async () => {
    const admin = await herd().signInAs('hub_admin');
    const spoke = await herd().app.inject({ method: 'POST', url: '/api/spokes', headers: admin.headers, payload: { kind: 'store', name: 'Live Store' } });
    const member = await herd().signInAs('volunteer', { spokeId: spoke.json().id });
    const stream = await listen(origin, member);
    try {
      await publish({ orgId: member.orgId, type: 'conversation.changed', conversationId: randomUUID(), spokeId: randomUUID(), assigneeId: null, participantIds: [] });
      await publish({ orgId: member.orgId, type: 'conversation.changed', conversationId: randomUUID(), spokeId: spoke.json().id, assigneeId: null, participantIds: [] });
      const heard = await stream.until(() => true);
      assert.deepEqual(heard.map((event) => event.type === 'conversation.changed' && event.spokeId), [spoke.json().id]);
    } finally {
      stream.close();
    }
    assert.equal((await fetch(`${origin}/api/live`)).status, 401);
  });
});
