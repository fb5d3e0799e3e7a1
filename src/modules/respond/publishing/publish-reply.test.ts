import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { describeHttp, type SignedIn } from '../../../server/test-app.ts';
import { createGuardedHttp } from '../../../connectors/index.ts';
import { statusToPost } from '../../../connectors/mastodon/mastodon-status.ts';
import { GOOD_TOKEN, TAG, startMastodonTestServer, type MastodonTestServer } from '../../../connectors/mastodon/mastodon-test-server.ts';
import { runDueJobs } from '../../../jobs/index.ts';
import { jobs } from '../../../jobs/jobs.schema.ts';
import { ingestPosts, type IngestTarget, type PostToStore } from '../../listening/index.ts';
import { enrichMentions } from '../../triage/index.ts';
import { routeStoredMentions } from '../../routing/index.ts';
import { replies } from '../respond.schema.ts';
import { publishReplyJob } from './publish-reply.job.ts';

describeHttp('publishing replies through the network, exactly once', (herd) => {
  let server: MastodonTestServer;
  let admin: SignedIn;
  let volunteer: SignedIn;
  let source: IngestTarget;
  const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 1_000 });
  const db = () => herd().database.db;

  const as = (who: SignedIn) => ({
    get: (url: string) => herd().app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object = {}) => herd().app.inject({ method: 'POST', url, headers: who.headers, payload }),
  });
  /** The worker's turn: every publish job due now runs. */
  const runPublisher = () => runDueJobs({ db: db(), definitions: [publishReplyJob], workerId: 'test', http });
  /** A status from the instance's tag timeline, stored as the connector yields it, routed to the volunteer. */
  const statusArrives = async (index: number) => {
    const status = server.tagStatuses[index]!;
    const post = statusToPost(status, new URL(server.origin).hostname) as PostToStore;
    const { mentionIds } = await ingestPosts(db(), source, [JSON.parse(JSON.stringify(post))]);
    await enrichMentions(db(), admin.orgId, mentionIds);
    const [routed] = await routeStoredMentions(db(), admin.orgId, mentionIds);
    await as(admin).post(`/api/conversations/${routed!.conversationId}/assign`, { personId: volunteer.personId });
    return { conversationId: routed!.conversationId, statusId: status.id };
  };
  const send = async (conversationId: string, text: string) => {
    const sent = await as(volunteer).post(`/api/conversations/${conversationId}/replies`, { text });
    assert.equal(sent.statusCode, 201, sent.body);
    return sent.json().reply as { id: string; status: string };
  };
  const replyRow = async (id: string) => (await db().select().from(replies).where(eq(replies.id, id)))[0]!;

  before(async () => {
    server = await startMastodonTestServer();
    admin = await herd().signInAs('hub_admin');
    const care = (await as(admin).post('/api/spokes', { kind: 'department', name: 'Care' })).json().id;
    volunteer = await herd().signInAs('volunteer', { spokeId: care });
    await as(admin).post('/api/routing/rules', { name: 'All to Care', conditions: [], actions: { routeTo: { spokeId: care } } });
    await herd().app.inject({ method: 'PATCH', url: '/api/respond/settings', headers: admin.headers, payload: { urgencyThreshold: 101, reachThreshold: 1_000_000, approvalForFindings: 'none' } });
    const created = await as(admin).post('/api/sources', { kind: 'mastodon', name: 'Mastodon #tag', config: { instanceUrl: server.origin, mode: 'hashtag', value: TAG, accessToken: GOOD_TOKEN }, matchMode: 'all' });
    assert.equal(created.statusCode, 201, created.body);
    source = { id: created.json().id, orgId: admin.orgId, name: 'Mastodon #tag', matchMode: 'all' };
  });
  after(() => server.close());

  it('publishes a low-risk reply as a status in reply, records it on the conversation, and says so to the author', async () => {
    const { conversationId, statusId } = await statusArrives(0);
    const check = (await as(volunteer).post(`/api/conversations/${conversationId}/reply-check`, { text: 'x' })).json();
    assert.equal(check.publishing, 'api', 'a Mastodon source with a token is written to');
    const reply = await send(conversationId, 'Sorry about that! A replacement is on its way. (I work at Acme)');
    assert.equal(reply.status, 'approved');
    await runPublisher();

    assert.equal(server.posted.length, 1);
    const request = server.requests.find((r) => r.method === 'POST')!;
    assert.equal(request.body!.in_reply_to_id, statusId);
    assert.equal(request.idempotencyKey, reply.id, 'the reply\'s id is the idempotency key');
    const row = await replyRow(reply.id);
    assert.equal(row.status, 'published');
    assert.equal(row.publishedExternalId, server.posted[0]!.id);
    assert.equal(row.publishedUrl, server.posted[0]!.url);
    const view = (await as(volunteer).get(`/api/conversations/${conversationId}`)).json();
    assert.equal(view.conversation.status, 'waiting');
    assert.ok(view.timeline.some((e: { kind: string; details: { replyId?: string } }) => e.kind === 'replied' && e.details.replyId === reply.id));
    const told = (await as(volunteer).get('/api/notifications')).json().items;
    assert.ok(told.some((n: { title: string }) => n.title === 'Your reply is published'));
    const audit = (await as(admin).get(`/api/audit?targetId=${reply.id}`)).json().items.map((e: { action: string }) => e.action);
    assert.ok(audit.includes('reply.published'), audit.join(', '));
  });

  it('retries a rate-limited publish at the time the network names, telling the author, and publishes once', async () => {
    const { conversationId } = await statusArrives(1);
    const reply = await send(conversationId, 'We have passed this to the store team.');
    server.failNext(429, undefined, { path: '/api/v1/statuses' });
    const before = Date.now();
    await runPublisher();
    const waiting = await replyRow(reply.id);
    assert.equal(waiting.status, 'approved');
    assert.match(waiting.lastError ?? '', /rate|limit|429/i);
    assert.ok(waiting.nextAttemptAt!.getTime() > before, 'a later attempt is scheduled');
    const told = (await as(volunteer).get('/api/notifications')).json().items;
    assert.ok(told.some((n: { title: string }) => n.title.startsWith('Your reply is not published yet')));
    assert.equal(server.posted.length, 1, 'nothing new was posted yet');

    // Bring the scheduled attempt forward instead of waiting for it.
    await db().update(jobs).set({ runAt: new Date() }).where(eq(jobs.kind, publishReplyJob.kind));
    await runPublisher();
    assert.equal((await replyRow(reply.id)).status, 'published');
    assert.equal(server.posted.length, 2);
    assert.equal((await replyRow(reply.id)).publishAttempts, 2);
  });

  it('fails a reply the network refuses, with its reason, and lets the author revise it', async () => {
    const { conversationId } = await statusArrives(2);
    const reply = await send(conversationId, 'Thanks for the photo.');
    server.failNext(422, JSON.stringify({ error: 'Validation failed: Text character limit of 500 exceeded' }), { path: '/api/v1/statuses' });
    await runPublisher();
    const failed = await replyRow(reply.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.lastError ?? '', /character limit/);
    const revised = await herd().app.inject({ method: 'PUT', url: `/api/replies/${reply.id}/text`, headers: volunteer.headers, payload: { text: 'Thanks for the photo, we are on it.' } });
    assert.equal(revised.statusCode, 200, revised.body);
    await runPublisher();
    assert.equal((await replyRow(reply.id)).status, 'published');
  });

  it('reconciles a publish that went out but was never recorded: the retry finds the copy the network holds', async () => {
    const { conversationId } = await statusArrives(3);
    const reply = await send(conversationId, 'We are sorry, a refund is on its way.');
    const postedBefore = server.posted.length;
    // The network carries the post out but its answer never arrives (the process "dies" waiting).
    server.hangNext({ path: '/api/v1/statuses', afterWrite: true });
    await runPublisher();
    assert.equal(server.posted.length, postedBefore + 1, 'it went out');
    const unknown = await replyRow(reply.id);
    assert.notEqual(unknown.status, 'published', 'but Herd does not know it yet');

    // As a crash would leave it: marked publishing, its job due again once the lease runs out.
    await db().update(replies).set({ status: 'publishing' }).where(eq(replies.id, reply.id));
    await db().update(jobs).set({ runAt: new Date() }).where(eq(jobs.kind, publishReplyJob.kind));
    await runPublisher();
    const done = await replyRow(reply.id);
    assert.equal(done.status, 'published');
    assert.equal(server.posted.length, postedBefore + 1, 'never published twice');
    assert.equal(done.publishedExternalId, server.posted.at(-1)!.id);
  });
});
