import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp, type SignedIn } from '../../server/test-app.ts';
import { ingestPosts, type IngestTarget } from '../listening/index.ts';
import { enrichMentions } from '../triage/index.ts';
import { routeStoredMentions } from '../routing/index.ts';

const CARD = '4111 1111 1111 1111';

describeHttp('replies under the policy, approvals and the library', (herd) => {
  let admin: SignedIn;
  let prLead: SignedIn;
  let careLead: SignedIn;
  let storeLead: SignedIn;
  let volunteer: SignedIn;
  let analyst: SignedIn;
  let careId: string;
  let storeId: string;
  let source: IngestTarget;
  let posts = 0;

  const as = (who: SignedIn) => ({
    get: (url: string) => herd().app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object = {}) => herd().app.inject({ method: 'POST', url, headers: who.headers, payload }),
    patch: (url: string, payload: object) => herd().app.inject({ method: 'PATCH', url, headers: who.headers, payload }),
    put: (url: string, payload: object) => herd().app.inject({ method: 'PUT', url, headers: who.headers, payload }),
  });
  /** A customer post (a reply to `inReplyTo` when given), triaged and routed; its conversation. */
  const arrive = async (text: string, inReplyTo?: string) => {
    const db = herd().database.db;
    const externalId = `post-${++posts}`;
    const { mentionIds } = await ingestPosts(db, source, [{ externalId, text, language: 'en', inReplyToExternalId: inReplyTo, createdAt: new Date(Date.now() + posts).toISOString() }]);
    await enrichMentions(db, admin.orgId, mentionIds);
    const [routed] = await routeStoredMentions(db, admin.orgId, mentionIds);
    return { conversationId: routed!.conversationId, externalId };
  };
  /** A conversation in Care, assigned to the volunteer. */
  const conversationForVolunteer = async (text: string) => {
    const arrived = await arrive(text);
    const assigned = await as(admin).post(`/api/conversations/${arrived.conversationId}/assign`, { personId: volunteer.personId });
    assert.equal(assigned.statusCode, 200, assigned.body);
    return arrived;
  };
  const setRisk = (patch: object) => as(admin).patch('/api/respond/settings', patch);

  before(async () => {
    admin = await herd().signInAs('hub_admin');
    careId = (await as(admin).post('/api/spokes', { kind: 'department', name: 'Care' })).json().id;
    storeId = (await as(admin).post('/api/spokes', { kind: 'store', name: 'Leeds' })).json().id;
    prLead = await herd().signInAs('pr_lead');
    careLead = await herd().signInAs('spoke_lead', { spokeId: careId });
    storeLead = await herd().signInAs('spoke_lead', { spokeId: storeId });
    volunteer = await herd().signInAs('volunteer', { spokeId: careId });
    analyst = await herd().signInAs('analyst');
    const created = await as(admin).post('/api/sources', { kind: 'file', name: 'Reviews', config: {}, matchMode: 'all' });
    source = { id: created.json().id, orgId: admin.orgId, name: 'Reviews', matchMode: 'all' };
    const rule = await as(admin).post('/api/routing/rules', { name: 'All to Care', conditions: [], actions: { routeTo: { spokeId: careId } } });
    assert.equal(rule.statusCode, 201, rule.body);
    // Only what a test asks for makes a reply high-risk.
    assert.equal((await setRisk({ urgencyThreshold: 101, reachThreshold: 1_000_000, approvalForFindings: 'none' })).statusCode, 200);
  });

  it('checks a draft as it is typed: findings with spans, the network\'s limits, risk and who may send it', async () => {
    const { conversationId } = await conversationForVolunteer('My card was charged twice');
    const text = `Sorry! Is your card ${CARD}? Call us.`;
    const check = await as(volunteer).post(`/api/conversations/${conversationId}/reply-check`, { text });
    assert.equal(check.statusCode, 200, check.body);
    const judgement = check.json();
    const card = judgement.findings.find((f: { severity: string; span: { start: number; end: number } | null }) => f.severity === 'block');
    assert.ok(card, `a card number is a blocking finding: ${check.body}`);
    assert.equal(text.slice(card.span.start, card.span.end).replace(/\D/g, ''), CARD.replace(/\D/g, ''));
    assert.equal(judgement.blocked, true);
    assert.equal(judgement.policyVersion, 0, 'the starter policy is in force until the hub saves one');
    assert.equal(judgement.permission.allowed, true);
    assert.equal(judgement.publishing, 'copy_and_open', 'a file source cannot be written to');
    assert.equal(judgement.measure.length, text.length);

    const clean = (await as(volunteer).post(`/api/conversations/${conversationId}/reply-check`, { text: 'Sorry about that, we will refund the second charge.' })).json();
    assert.equal(clean.blocked, false);
    assert.equal(clean.risk.tier, 'low');

    const sent = await as(volunteer).post(`/api/conversations/${conversationId}/replies`, { text });
    assert.equal(sent.statusCode, 422, 'refused at send, not only advised while typing');
    assert.equal(sent.json().error.code, 'REPLY_BLOCKED');
    assert.ok(sent.json().error.details.findings.some((f: { ruleId: string }) => f.ruleId === card.ruleId));
    assert.equal((await as(volunteer).get(`/api/conversations/${conversationId}/replies`)).json().items.length, 0, 'nothing was stored');
  });

  it('sends a low-risk reply at once; on a network without write access the author posts it by hand and confirms', async () => {
    const { conversationId } = await conversationForVolunteer('Where is my parcel?');
    assert.equal((await as(analyst).post(`/api/conversations/${conversationId}/replies`, { text: 'Analysts only look' })).statusCode, 403);
    const sent = await as(volunteer).post(`/api/conversations/${conversationId}/replies`, { text: 'It left our depot this morning, it should be with you tomorrow.' });
    assert.equal(sent.statusCode, 201, sent.body);
    const reply = sent.json().reply;
    assert.equal(reply.status, 'awaiting_manual');
    assert.equal(reply.riskTier, 'low');
    assert.equal(reply.policyVersion, 0);
    const again = await as(volunteer).post(`/api/conversations/${conversationId}/replies`, { text: 'Another one' });
    assert.equal(again.statusCode, 409, 'one reply on its way per author and conversation: a double click sends nothing twice');

    assert.equal((await as(careLead).post(`/api/replies/${reply.id}/sent-by-hand`, {})).statusCode, 403, 'only the author confirms');
    const confirmed = await as(volunteer).post(`/api/replies/${reply.id}/sent-by-hand`, { url: 'https://reviews.example/r/1#reply' });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().status, 'published');
    assert.equal(confirmed.json().publishedUrl, 'https://reviews.example/r/1#reply');
    assert.equal((await as(volunteer).post(`/api/replies/${reply.id}/sent-by-hand`, {})).statusCode, 409);

    const view = (await as(volunteer).get(`/api/conversations/${conversationId}`)).json();
    assert.equal(view.conversation.status, 'waiting', 'answered: now waiting on the customer');
    assert.ok(view.conversation.firstRespondedAt, 'the first response time is recorded');
    const replied = view.timeline.find((e: { kind: string }) => e.kind === 'replied');
    assert.equal(replied.details.replyId, reply.id);
    assert.equal(replied.details.firstResponse, true);

    const audit = (await as(admin).get(`/api/audit?targetId=${reply.id}`)).json().items;
    const actions = audit.map((e: { action: string }) => e.action).sort();
    assert.deepEqual(actions, ['reply.sent-by-hand', 'reply.submitted']);
    const submitted = audit.find((e: { action: string }) => e.action === 'reply.submitted');
    assert.equal(submitted.after.policyVersion, 0);
    assert.equal(submitted.after.text, reply.text);
  });

  it('sends a high-risk reply to the approvers of its spoke; changes are requested on a span, revised, and approved', async () => {
    await setRisk({ reachThreshold: 0 });
    try {
      const { conversationId } = await conversationForVolunteer('Your kettle burned my hand');
      const text = 'I am so sorry. Please send us a photo and we will make it right.';
      const sent = await as(volunteer).post(`/api/conversations/${conversationId}/replies`, { text });
      assert.equal(sent.statusCode, 201, sent.body);
      const reply = sent.json().reply;
      assert.equal(reply.status, 'pending_approval');
      assert.ok(reply.riskReasons.some((r: string) => r.includes('followers')), reply.riskReasons.join('; '));

      const queueOf = async (who: SignedIn) => (await as(who).get('/api/approvals')).json().items.map((r: { id: string }) => r.id);
      assert.ok((await queueOf(careLead)).includes(reply.id), 'the spoke\'s lead sees it');
      assert.ok((await queueOf(prLead)).includes(reply.id), 'PR leads see every spoke\'s');
      assert.equal((await queueOf(storeLead)).includes(reply.id), false, 'another spoke\'s lead does not');
      const told = (await as(careLead).get('/api/notifications')).json().items;
      assert.ok(told.some((n: { kind: string; conversationId: string }) => n.kind === 'reply_approval' && n.conversationId === conversationId));
      assert.equal((await as(storeLead).post(`/api/replies/${reply.id}/review`, { decision: 'approved' })).statusCode, 404, 'not theirs to see');

      const noComment = await as(careLead).post(`/api/replies/${reply.id}/review`, { decision: 'changes_requested' });
      assert.equal(noComment.statusCode, 400);
      assert.equal(noComment.json().error.details[0].field, 'body.comment');
      const span = { start: text.indexOf('make it right'), end: text.indexOf('make it right') + 'make it right'.length };
      const changes = await as(careLead).post(`/api/replies/${reply.id}/review`, { decision: 'changes_requested', comment: 'Do not promise; offer a call.', span });
      assert.equal(changes.statusCode, 200, changes.body);
      assert.equal(changes.json().status, 'changes_requested');
      assert.deepEqual(changes.json().reviews[0].span, span);
      const authorTold = (await as(volunteer).get('/api/notifications')).json().items;
      assert.ok(authorTold.some((n: { title: string; body: string }) => n.title.includes('Changes were requested') && n.body.includes('offer a call')));

      assert.equal((await as(careLead).put(`/api/replies/${reply.id}/text`, { text: 'Not mine' })).statusCode, 403, 'only the author revises');
      const revised = await as(volunteer).put(`/api/replies/${reply.id}/text`, { text: 'I am so sorry. Could we call you today to sort this out?' });
      assert.equal(revised.statusCode, 200, revised.body);
      assert.equal(revised.json().reply.status, 'pending_approval');

      const approved = await as(careLead).post(`/api/replies/${reply.id}/review`, { decision: 'approved' });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().status, 'awaiting_manual', 'approved, and the author posts it by hand on this network');
      assert.equal(approved.json().approvedBy, careLead.personId);
      assert.equal((await as(prLead).post(`/api/replies/${reply.id}/review`, { decision: 'rejected', comment: 'late' })).statusCode, 409, 'decided once');
    } finally {
      await setRisk({ reachThreshold: 1_000_000 });
    }
  });

  it('lets an approval lapse when the customer writes again under it', async () => {
    await setRisk({ reachThreshold: 0 });
    try {
      const { conversationId, externalId } = await conversationForVolunteer('The blender arrived broken');
      const reply = (await as(volunteer).post(`/api/conversations/${conversationId}/replies`, { text: 'Sorry! A new one is on its way.' })).json().reply;
      const followUp = await arrive('Actually I want my money back instead', externalId);
      assert.equal(followUp.conversationId, conversationId, 'the follow-up joined the conversation');
      const decided = await as(prLead).post(`/api/replies/${reply.id}/review`, { decision: 'approved' });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal(decided.json().status, 'expired');
      assert.match(decided.json().reviews.at(-1).comment, /customer wrote again/);
      const revised = await as(volunteer).put(`/api/replies/${reply.id}/text`, { text: 'Of course, I have refunded it in full.' });
      assert.equal(revised.json().reply.status, 'pending_approval', 'the author looks again and resubmits');
    } finally {
      await setRisk({ reachThreshold: 1_000_000 });
    }
  });

  it('keeps the policy in versions the hub saves; replying needs the version in force acknowledged and the certification level set', async () => {
    const { conversationId } = await conversationForVolunteer('Do you price match?');
    assert.equal((await as(volunteer).put('/api/policy', { rules: [] })).statusCode, 403);
    const bad = await as(admin).put('/api/policy', { rules: [{ id: 'codes', kind: 'confidential-terms', severity: 'block', terms: [] }] });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.details[0].field, /^body\.rules\[0\]/);
    const starter = (await as(admin).get('/api/policy')).json();
    const saved = await as(admin).put('/api/policy', { rules: [...starter.rules, { id: 'codenames', kind: 'confidential-terms', severity: 'block', terms: ['Project Kestrel'] }], note: 'add Kestrel' });
    assert.equal(saved.statusCode, 200, saved.body);
    const version = saved.json().version;
    assert.equal(version, 1);

    const draft = (text: string) => as(volunteer).post(`/api/conversations/${conversationId}/reply-check`, { text });
    const blocked = (await draft('We will price match once Project Kestrel launches')).json();
    assert.equal(blocked.policyVersion, version);
    assert.ok(blocked.findings.some((f: { ruleId: string }) => f.ruleId === 'codenames'));
    const unacknowledged = (await draft('Yes, we price match local shops.')).json();
    assert.equal(unacknowledged.permission.allowed, false);
    assert.match(unacknowledged.permission.missing.join(' '), /acknowledge/);
    assert.equal(unacknowledged.permission.acknowledgePolicyVersion, version);
    assert.equal((await as(volunteer).post(`/api/conversations/${conversationId}/replies`, { text: 'Yes, we price match local shops.' })).statusCode, 403);

    assert.equal((await as(volunteer).post('/api/policy/acknowledgements', { version: 7 })).statusCode, 409, 'only the version in force can be acknowledged');
    assert.equal((await as(volunteer).post('/api/policy/acknowledgements', { version })).statusCode, 204);
    assert.equal((await as(volunteer).get('/api/policy')).json().acknowledgedVersion, version);
    assert.equal((await draft('Yes, we price match local shops.')).json().permission.allowed, true);

    await setRisk({ minimumCertificationLevel: 2 });
    try {
      assert.match((await draft('Yes.')).json().permission.missing.join(' '), /certification level 2/);
      assert.equal((await as(admin).patch(`/api/people/${volunteer.personId}`, { certificationLevel: 2 })).statusCode, 200);
      assert.equal((await draft('Yes.')).json().permission.allowed, true);
    } finally {
      await setRisk({ minimumCertificationLevel: 0 });
    }
    const sent = (await as(volunteer).post(`/api/conversations/${conversationId}/replies`, { text: 'Yes, we price match local shops.' })).json();
    assert.equal(sent.reply.policyVersion, version, 'the reply records the version it was checked against');
    const versions = (await as(admin).get('/api/policy/versions')).json().items;
    assert.deepEqual(versions.map((v: { version: number; note: string }) => [v.version, v.note]), [[1, 'add Kestrel']]);
  });

  it('keeps saved replies and holding statements: who may write which, for which spoke, and expiry', async () => {
    const holding = await as(prLead).post('/api/reply-library', { kind: 'holding_statement', title: 'Recall', text: 'We are aware and looking into it.' });
    assert.equal(holding.statusCode, 201, holding.body);
    assert.equal(holding.json().approvedBy, prLead.personId, 'a PR lead\'s holding statement is approved as written');
    assert.equal((await as(careLead).post('/api/reply-library', { kind: 'holding_statement', title: 'Mine', text: 'x' })).statusCode, 403);
    assert.equal((await as(volunteer).post('/api/reply-library', { kind: 'saved_reply', title: 'Mine', text: 'x' })).statusCode, 403);
    const care = await as(careLead).post('/api/reply-library', { kind: 'saved_reply', title: 'Refund steps', text: 'Here is how a refund works…', spokeId: careId });
    assert.equal(care.statusCode, 201, care.body);
    assert.equal((await as(careLead).post('/api/reply-library', { kind: 'saved_reply', title: 'Leeds only', text: 'x', spokeId: storeId })).statusCode, 403);
    assert.equal((await as(storeLead).post('/api/reply-library', { kind: 'saved_reply', title: 'Leeds opening hours', text: 'We open at 9.', spokeId: storeId })).statusCode, 201);
    assert.equal((await as(careLead).post('/api/reply-library', { kind: 'saved_reply', title: 'Refund steps', text: 'again', spokeId: careId })).statusCode, 409);
    const past = await as(prLead).post('/api/reply-library', { kind: 'holding_statement', title: 'Old outage', text: 'Fixed.', expiresAt: '2020-01-01T00:00:00Z' });
    assert.equal(past.statusCode, 201);

    const titles = async (who: SignedIn, query = '') => (await as(who).get(`/api/reply-library${query}`)).json().items.map((e: { title: string }) => e.title).sort();
    assert.deepEqual(await titles(volunteer), ['Recall', 'Refund steps'], 'the organization\'s and their own spoke\'s, not expired');
    assert.deepEqual(await titles(prLead, '?includeExpired=true&kind=holding_statement'), ['Old outage', 'Recall']);
  });
});
