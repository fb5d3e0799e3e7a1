import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeHttp, type SignedIn } from '../../server/test-app.ts';
import { DEFAULT_DETECTOR_SETTINGS } from './detectors/detector-settings.ts';

describeHttp('crisis settings', (herd) => {
  let admin: SignedIn, prLead: SignedIn, volunteer: SignedIn, otherAdmin: SignedIn;
  let topicId: string, channelId: string;
  /** Org "other"'s person, channel and topic: never acme's to name. */
  let foreign: { personId: string; channelId: string; topicId: string };
  const request = (who: SignedIn, payload?: object) =>
    herd().app.inject({ method: payload ? 'PUT' : 'GET', url: '/api/crisis/settings', headers: who.headers, ...(payload && { payload }) });
  const create = async (who: SignedIn, url: string, payload: object) => {
    const response = await herd().app.inject({ method: 'POST', url, headers: who.headers, payload });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  };

  before(async () => {
    admin = await herd().signInAs('hub_admin');
    prLead = await herd().signInAs('pr_lead');
    volunteer = await herd().signInAs('volunteer');
    otherAdmin = await herd().signInAs('hub_admin', { org: 'other' });
    topicId = await create(admin, '/api/topics', { name: 'Brand', query: 'acme' });
    channelId = await create(admin, '/api/notification-channels', { name: 'PR Slack', format: 'slack', url: 'http://127.0.0.1:9/hook' });
    foreign = {
      personId: (await herd().signInAs('volunteer', { org: 'other' })).personId,
      channelId: await create(otherAdmin, '/api/notification-channels', { name: 'Other Slack', format: 'slack', url: 'http://127.0.0.1:9/other' }),
      topicId: await create(otherAdmin, '/api/topics', { name: 'Other brand', query: 'other' }),
    };
  });

  it('shows hub admins and PR leads the defaults, resolved, before anything is saved', async () => {
    const response = await request(prLead);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), {
      detectors: DEFAULT_DETECTOR_SETTINGS, topicOverrides: {}, recipientIds: [], channelIds: [], escalateAfterMinutes: 15, escalateToIds: [],
    });
  });

  it('lets a hub admin change them, audited: given fields replace, detectors are laid over field by field', async () => {
    const saved = await request(admin, {
      detectors: { volume: { sensitivity: 'high' } }, topicOverrides: { [topicId]: { highReach: { enabled: false } } },
      recipientIds: [volunteer.personId], channelIds: [channelId], escalateAfterMinutes: 30, escalateToIds: [prLead.personId],
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json().detectors.volume, { ...DEFAULT_DETECTOR_SETTINGS.volume, sensitivity: 'high' });
    assert.deepEqual(saved.json().topicOverrides, { [topicId]: { highReach: { enabled: false } } });

    const again = await request(admin, { detectors: { negativity: { windowMinutes: 45 } }, escalateToIds: [] });
    assert.equal(again.statusCode, 200, again.body);
    const read = (await request(prLead)).json();
    assert.deepEqual(read, again.json());
    assert.deepEqual([read.detectors.volume.sensitivity, read.detectors.negativity.windowMinutes, read.detectors.negativity.sensitivity], ['high', 45, 'medium']);
    assert.deepEqual([read.recipientIds, read.channelIds, read.escalateAfterMinutes, read.escalateToIds], [[volunteer.personId], [channelId], 30, []]);
    assert.deepEqual(read.topicOverrides, { [topicId]: { highReach: { enabled: false } } }, 'kept when not given');

    // What was read can be saved back as it is.
    assert.equal((await request(admin, read)).statusCode, 200);
    const audit = (await herd().app.inject({ method: 'GET', url: '/api/audit?targetType=crisis_settings', headers: admin.headers })).json().items;
    assert.deepEqual(audit.map((entry: { action: string }) => entry.action), ['crisis.settings.update', 'crisis.settings.update', 'crisis.settings.update']);
    assert.equal(audit[1].after.escalateAfterMinutes, 30);
    assert.deepEqual(audit[1].before.escalateToIds, [prLead.personId]);
  });

  it('names the field that is wrong, and keeps the saved settings', async () => {
    const saved = (await request(admin)).json();
    for (const [payload, field] of [
      [{ escalateAfterMinutes: 0 }, 'body.escalateAfterMinutes'],
      [{ escalateAfterMinutes: 1441 }, 'body.escalateAfterMinutes'],
      [{ detectors: { volume: { sensitivity: 'extreme' } } }, 'body.detectors.volume.sensitivity'],
      [{ detectors: { negativity: { minVolume: 0 } } }, 'body.detectors.negativity.minVolume'],
      [{ detectors: { triggerWords: { cooldownMinutes: -1 } } }, 'body.detectors.triggerWords.cooldownMinutes'],
      [{ detectors: { category: { windowMinutes: 2000 } } }, 'body.detectors.category.windowMinutes'],
      [{ topicOverrides: { [topicId]: { highReach: { minFollowers: 0 } } } }, `body.topicOverrides.${topicId}.highReach.minFollowers`],
      [{ recipientIds: [foreign.personId] }, 'body.recipientIds'],
      [{ escalateToIds: [randomUUID()] }, 'body.escalateToIds'],
      [{ channelIds: [foreign.channelId] }, 'body.channelIds'],
      [{ topicOverrides: { [foreign.topicId]: {} } }, `body.topicOverrides.${foreign.topicId}`],
      [{ topicOverrides: { 'not-a-topic': {} } }, 'body.topicOverrides.not-a-topic'],
    ] as const) {
      const response = await request(admin, payload);
      assert.equal(response.statusCode, 400, `${JSON.stringify(payload)}: ${response.body}`);
      assert.ok(response.json().error.details.some((problem: { field: string }) => problem.field === field), `${field}: ${response.body}`);
    }
    assert.deepEqual((await request(admin)).json(), saved);
  });

  it('lets only hub admins change them, and keeps them from volunteers, analysts and spoke leads', async () => {
    const spoke = await create(admin, '/api/spokes', { kind: 'store', name: 'Downtown' });
    assert.equal((await request(prLead, { escalateAfterMinutes: 5 })).statusCode, 403);
    for (const who of [volunteer, await herd().signInAs('analyst'), await herd().signInAs('spoke_lead', { spokeId: spoke }), await herd().signInAs('pr_lead', { spokeId: spoke })]) {
      assert.equal((await request(who)).statusCode, 403);
      assert.equal((await request(who, { escalateAfterMinutes: 5 })).statusCode, 403);
    }
    assert.notEqual((await request(admin)).json().escalateAfterMinutes, 5);
  });

  it("keeps each organization's settings its own", async () => {
    const acme = (await request(admin)).json();
    assert.equal((await request(otherAdmin)).json().escalateAfterMinutes, 15);
    assert.equal((await request(otherAdmin, { escalateAfterMinutes: 60, recipientIds: [foreign.personId] })).statusCode, 200);
    assert.deepEqual((await request(admin)).json(), acme);
  });
});
