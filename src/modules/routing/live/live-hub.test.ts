import { it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeOnEachDatabase } from '../../../db/test-database.ts';
import { createLiveHub, type LiveHub } from './live-hub.ts';
import { publishLive, type LiveEvent } from './live-event.ts';

const notification = (notificationId: number): LiveEvent => ({ orgId: randomUUID(), type: 'notification.created', personId: randomUUID(), notificationId });

describeOnEachDatabase('the live hub', (database) => {
  let hub: LiveHub;
  // Closed by each test, not after the suite: the test database cannot be dropped while the hub listens on it.
  beforeEach(() => { hub = createLiveHub(database()); });
  afterEach(() => hub.close());

  it('delivers an event when its transaction commits, and never one whose transaction rolled back', async () => {
    const heard: LiveEvent[] = [];
    let heardCommitted: () => void = () => {};
    const committed = new Promise<void>((resolve) => { heardCommitted = resolve; });
    await hub.subscribe((event) => {
      heard.push(event);
      if (event.type === 'notification.created' && event.notificationId === 2) heardCommitted();
    });
    await assert.rejects(database().db.transaction(async (tx) => {
      await publishLive(tx, notification(1));
      assert.deepEqual(heard, [], 'not before the commit');
      throw new Error('roll back');
    }), /roll back/);
    await database().db.transaction(async (tx) => {
      await publishLive(tx, notification(2));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(heard, [], 'not before the commit');
    });
    await committed;
    assert.deepEqual(heard.map((event) => event.type === 'notification.created' && event.notificationId), [2]);
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const first: LiveEvent[] = [];
    const second: LiveEvent[] = [];
    const unsubscribe = await hub.subscribe((event) => first.push(event));
    let heardBySecond: () => void = () => {};
    const heard = new Promise<void>((resolve) => { heardBySecond = resolve; });
    await hub.subscribe((event) => { second.push(event); heardBySecond(); });
    unsubscribe();
    await database().db.transaction((tx) => publishLive(tx, notification(3)));
    await heard;
    assert.deepEqual([first.length, second.length], [0, 1]);
  });

  it('refuses an event too large for NOTIFY', async () => {
    const huge: LiveEvent = { orgId: randomUUID(), type: 'conversation.changed', conversationId: randomUUID(), spokeId: null, assigneeId: null, participantIds: Array.from({ length: 300 }, () => randomUUID()) };
    await assert.rejects(database().db.transaction((tx) => publishLive(tx, huge)), RangeError);
  });
});
