import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp, type SignedIn } from '../../../server/test-app.ts';
import { addStory } from '../../advocacy/index.ts';
import type { Actor } from '../../people/index.ts';
import { createCrisisRoomWorld, expectStatus, type CrisisRoomWorld } from './crisis-room.fixture.ts';

describeHttp('crisis effects: approvals, the advocacy pause and routing to the crisis team', (herd) => {
  let world: CrisisRoomWorld;
  let storyId: string;
  const as = (who: SignedIn) => world.as(who);

  const open = async (body: object) => expectStatus(await as(world.prLead).post('/api/crises', { severity: 'high', ...body }), 201);
  const change = async (id: string, body: object) => expectStatus(await as(world.prLead).patch(`/api/crises/${id}`, body), 200);
  const effectTexts = async (id: string) => expectStatus(await as(world.prLead).get(`/api/crises/${id}/timeline?limit=200`), 200)
    .items.filter((entry: { kind: string }) => entry.kind === 'effect').map((entry: { text: string }) => entry.text);
  const advocacy = async () => expectStatus(await as(world.admin).get('/api/advocacy/settings'), 200);
  const share = (text: string) => as(world.volunteer).post('/api/advocacy/shares', { storyId, network: 'x', text });
  /** The volunteer's reply on a conversation assigned to them: its status and risk reasons. */
  const reply = async (conversationId: string, text: string) => {
    expectStatus(await as(world.admin).post(`/api/conversations/${conversationId}/assign`, { personId: world.volunteer.personId }), 200);
    const { reply: sent } = expectStatus(await as(world.volunteer).post(`/api/conversations/${conversationId}/replies`, { text }), 201);
    return { status: sent.status as string, reasons: sent.riskReasons as string[] };
  };
  const conversation = async (conversationId: string) => expectStatus(await as(world.admin).get(`/api/conversations/${conversationId}`), 200).conversation;
  const rules = async () => expectStatus(await as(world.admin).get('/api/routing/rules'), 200).items as { id: string; name: string; conditions: unknown[] }[];
  const ruleNames = async () => (await rules()).map((rule) => rule.name);

  before(async () => {
    world = await createCrisisRoomWorld(herd);
    expectStatus(await as(world.admin).patch('/api/advocacy/settings', { sharingHours: { start: '00:00', end: '00:00' }, identicalTextWindowMinutes: 0 }), 200);
    const hubAdmin: Actor = { orgId: world.admin.orgId, personId: world.admin.personId, label: 'admin', via: 'session', roles: [{ role: 'hub_admin', spokeId: null }] };
    const story = await addStory(herd().database.db, hubAdmin, { url: 'https://acme.example/spring', talkingPoints: ['Spring is here'], status: 'live' },
      { url: 'https://acme.example/spring', title: 'Spring at Acme', summary: 'Trees', imageUrl: null, siteName: 'Acme' });
    storyId = story.id;
  });

  it('while active: replies on its topics wait for approval, sharing is refused, new conversations go to the crisis team first; all undone when it recovers', async () => {
    const earlier = await world.arrive('The brand campaign is offensive');
    assert.equal(earlier.spokeId, world.careId, 'before the crisis the hub rule sends it to Care');

    const crisis = await open({ title: 'Campaign backlash', topicIds: [world.topics.brand], crisisTeamSpokeId: world.deskId });
    assert.deepEqual(crisis.effects, { repliesNeedApproval: true, advocacyPaused: true, routedToSpokeId: world.deskId });

    const held = await reply(earlier.conversationId, 'We hear you and we are looking into it.');
    assert.equal(held.status, 'pending_approval');
    assert.ok(held.reasons.some((reason) => /crisis/.test(reason)), held.reasons.join('; '));

    const refused = await share('Look at our spring trees');
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.code, 'SHARE_REFUSED');
    assert.equal(refused.json().error.details.reason, 'paused');
    assert.match(refused.json().error.message, /Crisis: Campaign backlash/);

    const during = await world.arrive('Boycott the brand now');
    assert.equal(during.spokeId, world.deskId, 'the crisis rule comes before the hub rule');
    const routed = await conversation(during.conversationId);
    assert.deepEqual([routed.priority, routed.requireApproval], ['urgent', true]);
    assert.equal((await world.arrive('Stores are open late today')).spokeId, world.careId, 'other topics are routed as usual');
    const [crisisRule] = await rules();
    assert.deepEqual(crisisRule!.name, 'Crisis: Campaign backlash');

    // Widened and renamed while active: the same rule follows, still first.
    await change(crisis.id, { topicIds: [world.topics.brand, world.topics.weather], title: 'Campaign and weather backlash' });
    const [followed] = await rules();
    assert.deepEqual([followed!.id, followed!.name, followed!.conditions], [crisisRule!.id, 'Crisis: Campaign and weather backlash', [{ field: 'topic', anyOf: [world.topics.brand, world.topics.weather] }]]);
    assert.equal((await world.arrive('Weather ruined the campaign')).spokeId, world.deskId);

    const recovering = await change(crisis.id, { status: 'recovering' });
    assert.deepEqual(recovering.effects, { repliesNeedApproval: false, advocacyPaused: false, routedToSpokeId: null });
    assert.equal((await world.arrive('The brand apologised, fine by me')).spokeId, world.careId);
    assert.deepEqual(await ruleNames(), ['All to Care']);
    const calm = await reply((await world.arrive('Is the brand shop open?')).conversationId, 'Yes, until eight.');
    assert.deepEqual([calm.status, calm.reasons], ['awaiting_manual', []]);
    assert.equal((await advocacy()).paused, false);
    assert.equal((await share('Spring trees, finally')).statusCode, 201);

    const effects = await effectTexts(crisis.id);
    assert.deepEqual(effects.slice(0, 5), [
      'New conversations on Brand, Weather are routed by the usual rules again.',
      'Advocacy resumed: no crisis is active any more.',
      'Replies on Brand, Weather no longer need approval for a crisis.',
      'New conversations on Brand, Weather go to Crisis desk before any other rule: urgent, replies need approval.',
      'Every reply on Brand, Weather needs approval while the crisis is active.',
    ]);
    assert.deepEqual(effects.slice(5), [
      'New conversations on Brand go to Crisis desk before any other rule: urgent, replies need approval.',
      'Advocacy paused: nothing is shared while the crisis is active.',
      'Every reply on Brand needs approval while the crisis is active.',
    ]);
    const audit = expectStatus(await as(world.admin).get('/api/audit?limit=100'), 200).items.map((entry: { action: string }) => entry.action);
    for (const action of ['crisis.opened', 'crisis.changed', 'respond.crisis-topics', 'advocacy.paused', 'advocacy.resumed', 'routing_rule.create', 'routing_rule.delete']) {
      assert.ok(audit.includes(action), `${action} is audited`);
    }
    await change(crisis.id, { status: 'closed' });
  });

  it('keeps a pause a person made by hand, before and after the crisis', async () => {
    expectStatus(await as(world.admin).patch('/api/advocacy/settings', { paused: true, pausedReason: 'Rebrand week' }), 200);
    const crisis = await open({ title: 'Store fire rumour', topicIds: [world.topics.stores] });
    assert.equal(crisis.effects.advocacyPaused, true);
    assert.match((await effectTexts(crisis.id)).join('\n'), /already paused \(Rebrand week\); the crisis leaves that pause as it is/);
    await change(crisis.id, { status: 'closed' });
    assert.deepEqual([(await advocacy()).paused, (await advocacy()).pausedReason], [true, 'Rebrand week']);
    expectStatus(await as(world.admin).patch('/api/advocacy/settings', { paused: false }), 200);
  });

  it('covers the union of the active crises: one closing leaves the other\'s topics and the pause until the last one goes', async () => {
    const first = await open({ title: 'Brand backlash', topicIds: [world.topics.brand] });
    const second = await open({ title: 'Weather closures', topicIds: [world.topics.weather, world.topics.brand] });
    const settings = () => as(world.admin).get('/api/respond/settings').then((response) => expectStatus(response, 200));
    assert.deepEqual([...(await settings()).crisisTopicIds].sort(), [world.topics.brand, world.topics.weather].sort());
    assert.match((await effectTexts(second.id)).join('\n'), /already paused \(Crisis: Brand backlash\)/);

    await change(first.id, { status: 'closed' });
    assert.deepEqual([...(await settings()).crisisTopicIds].sort(), [world.topics.brand, world.topics.weather].sort(), 'Brand is still in the other crisis');
    assert.equal((await advocacy()).paused, true, 'the pause stays while a crisis is active');
    assert.match((await effectTexts(first.id)).join('\n'), /Replies on Brand still do: another crisis is active on them\./);

    await change(second.id, { topicIds: [world.topics.weather] });
    assert.deepEqual((await settings()).crisisTopicIds, [world.topics.weather]);
    await change(second.id, { status: 'monitoring' });
    assert.deepEqual((await settings()).crisisTopicIds, []);
    assert.equal((await advocacy()).paused, false, 'the first crisis paused it; the last one to leave active resumes it');
    await change(second.id, { status: 'closed' });
  });

  it('leaves a resume by hand alone, and copes with its routing rule deleted by the hub', async () => {
    const crisis = await open({ title: 'Outage', topicIds: [world.topics.stores], crisisTeamSpokeId: world.deskId });
    expectStatus(await as(world.admin).patch('/api/advocacy/settings', { paused: false }), 200);
    const rules = expectStatus(await as(world.admin).get('/api/routing/rules'), 200).items;
    expectStatus(await as(world.admin).delete(`/api/routing/rules/${rules[0].id}`), 204);
    // Topics change while active: the rule is gone, so a new one is made, again first.
    await change(crisis.id, { topicIds: [world.topics.stores, world.topics.weather] });
    assert.deepEqual(await ruleNames(), ['Crisis: Outage', 'All to Care']);
    assert.equal((await world.arrive('Weather closed the stores')).spokeId, world.deskId);
    assert.equal((await advocacy()).paused, false, 'a topic change does not pause again what a person resumed');
    const closed = await change(crisis.id, { status: 'closed' });
    assert.equal(closed.effects.routedToSpokeId, null);
    assert.deepEqual(await ruleNames(), ['All to Care']);
    assert.equal((await advocacy()).paused, false);
  });
});
