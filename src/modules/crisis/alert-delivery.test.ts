import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describeHttp, testConfig, type SignedIn } from '../../server/test-app.ts';
import { modules } from '../../server/app.ts';
import { createGuardedHttp } from '../../connectors/index.ts';
import { startSmtpTestServer, type SmtpTestServer } from '../../connectors/email/smtp-test-server.ts';
import { runDueJobs } from '../../jobs/index.ts';
import type { TriagedMention } from '../triage/index.ts';
import { escalateCrisisAlert } from './alert-escalation.ts';
import { watchTriagedMentions } from './watch-triaged-mentions.ts';

interface Notification { kind: string; title: string; body: string }

/** A negative post by an author with a million followers: the high-reach detector alerts at once. */
const loudPost = (topicId: string, author: string): TriagedMention => ({
  id: randomUUID(), conversationId: randomUUID(), sourceId: randomUUID(), seq: 0, title: null, text: 'This is a disgrace, never again',
  authorHandle: author, authorFollowers: 1_000_000, postedAt: new Date().toISOString(), topicIds: [topicId],
  language: 'en', sentiment: 'negative', categoryId: null, categoryName: null, urgency: 50, placeSpokeId: null, spam: false,
});

/** Reads the live stream of a signed-in person until it holds `text` (failing after ten seconds); resolves with everything read. */
async function liveStream(origin: string, who: SignedIn) {
  const abort = new AbortController();
  const response = await fetch(`${origin}/api/live`, { headers: { cookie: who.cookie }, signal: AbortSignal.any([abort.signal, AbortSignal.timeout(10_000)]) });
  const reader = response.body!.getReader();
  let read = new TextDecoder().decode((await reader.read()).value);
  return {
    async until(text: string): Promise<string> {
      while (!read.includes(text)) read += new TextDecoder().decode((await reader.read()).value);
      return read;
    },
    close: () => abort.abort(),
  };
}

describeHttp('crisis alerts: delivery and escalation', (herd) => {
  const posts: { text: string; url: string }[] = [];
  let smtp: SmtpTestServer;
  /** What the SMTP server accepted: one recipient per message here. */
  const mails = () => smtp.received.map(({ envelope, mail }) => ({ to: envelope.to.join(','), subject: mail.subject ?? '', text: mail.text ?? '' }));
  let webhook: Server;
  let origin: string;
  let config: ReturnType<typeof testConfig>;
  let admin: SignedIn, prLead: SignedIn, spokePrLead: SignedIn, recipient: SignedIn, escalateTo: SignedIn, analyst: SignedIn;
  let topicId: string;
  const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 });
  const db = () => herd().database.db;
  const definitions = modules.flatMap((module) => module.jobs ?? []);
  const drain = async () => { while (await runDueJobs({ db: db(), definitions, workerId: 'test', config, http }) > 0); };
  const as = (who: SignedIn) => ({
    get: (url: string) => herd().app.inject({ method: 'GET', url, headers: who.headers }),
    send: (method: 'POST' | 'PUT', url: string, payload: object = {}) => herd().app.inject({ method, url, headers: who.headers, payload }),
  });
  /** Title and body of the person's notifications of this kind, newest first. */
  const notificationsOf = async (who: SignedIn, kind: string): Promise<[string, string][]> =>
    (await as(who).get('/api/notifications?limit=100')).json().items.filter((item: Notification) => item.kind === kind).map((item: Notification) => [item.title, item.body]);
  const raise = async (author: string) => {
    const [alert, ...more] = (await watchTriagedMentions(db(), admin.orgId, [loudPost(topicId, author)])).alerts;
    assert.ok(alert && more.length === 0);
    const [row] = (await as(admin).get('/api/crisis/alerts?limit=1')).json().items;
    return row as { id: string; summary: string; topicName: string };
  };

  before(async () => {
    smtp = await startSmtpTestServer();
    config = testConfig({ mailUrl: smtp.url, mailFrom: 'Herd <herd@test.example>' });
    webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => { body += chunk; });
      request.on('end', () => {
        const payload = JSON.parse(body);
        posts.push({ text: payload.text, url: payload.blocks[1]?.elements[0]?.url });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    origin = await herd().app.listen({ port: 0, host: '127.0.0.1' });

    admin = await herd().signInAs('hub_admin');
    prLead = await herd().signInAs('pr_lead');
    const spoke = (await as(admin).send('POST', '/api/spokes', { kind: 'store', name: 'Downtown' })).json();
    spokePrLead = await herd().signInAs('pr_lead', { spokeId: spoke.id });
    recipient = await herd().signInAs('volunteer');
    escalateTo = await herd().signInAs('spoke_lead', { spokeId: spoke.id });
    analyst = await herd().signInAs('analyst');
    topicId = (await as(admin).send('POST', '/api/topics', { name: 'Brand', query: 'acme' })).json().id;
    const channel = await as(admin).send('POST', '/api/notification-channels', { name: 'PR Slack', format: 'slack', url: `http://127.0.0.1:${(webhook.address() as { port: number }).port}/hook` });
    assert.equal(channel.statusCode, 201, channel.body);
    const saved = await as(admin).send('PUT', '/api/crisis/settings', {
      recipientIds: [recipient.personId], channelIds: [channel.json().id], escalateAfterMinutes: 5, escalateToIds: [escalateTo.personId],
    });
    assert.equal(saved.statusCode, 200, saved.body);
  });
  after(async () => {
    await smtp.close();
    await new Promise<void>((resolve) => webhook.close(() => resolve()));
  });

  it('tells the hub admins, the organization-wide PR leads and the recipients: in the app, by e-mail, in the channel and live', async () => {
    const stream = await liveStream(origin, prLead);
    try {
      const alert = await raise('@critic');
      assert.match(await stream.until(alert.id), /event: crisis\.changed/);
    } finally {
      stream.close();
    }
    const [alert] = (await as(admin).get('/api/crisis/alerts')).json().items;
    assert.equal(alert.topicName, 'Brand');
    for (const told of [admin, prLead, recipient]) assert.deepEqual(await notificationsOf(told, 'crisis.alert'), [['Crisis alert: Brand', alert.summary]]);
    for (const untold of [spokePrLead, escalateTo, analyst]) assert.deepEqual(await notificationsOf(untold, 'crisis.alert'), []);

    await drain();
    assert.deepEqual(mails().map((mail) => mail.to).sort(), [admin.email, prLead.email, recipient.email].sort());
    const toPrLead = mails().find((mail) => mail.to === prLead.email)!;
    assert.equal(toPrLead.subject, 'Crisis alert: Brand');
    assert.ok(toPrLead.text.includes(alert.summary), toPrLead.text);
    assert.equal(posts.length, 1);
    assert.ok(posts[0]!.text.startsWith(`Crisis alert: Brand\n${alert.summary}`), posts[0]!.text);
    assert.equal(posts[0]!.url, new URL(`/crisis/alerts?alert=${alert.id}`, config.publicUrl).href);
  });

  it('escalates an alert nobody acknowledged in time, once: the escalation list, the channel, live', async () => {
    smtp.received.length = 0;
    posts.length = 0;
    const alert = await raise('@reporter');
    const [job] = (await db().execute(sql`select run_at, created_at, status from jobs where key = ${`crisis-escalate:${alert.id}`}`) as unknown as { rows: { run_at: string; created_at: string; status: string }[] }).rows;
    assert.ok(job, 'the escalation is set when the alert is raised');
    const waits = (new Date(job.run_at).getTime() - new Date(job.created_at).getTime()) / 60_000;
    assert.ok(waits > 4.9 && waits < 5.1, `escalates after ${waits} minutes`);
    await drain();
    assert.equal((await as(admin).get(`/api/crisis/alerts/${alert.id}`)).json().escalatedAt, null, 'not before its time');

    const stream = await liveStream(origin, admin);
    await db().execute(sql`update jobs set run_at = now() where key = ${`crisis-escalate:${alert.id}`}`);
    await drain();
    try {
      assert.match(await stream.until(alert.id), /event: crisis\.changed/);
    } finally {
      stream.close();
    }
    assert.ok((await as(admin).get(`/api/crisis/alerts/${alert.id}`)).json().escalatedAt);
    assert.deepEqual(await notificationsOf(escalateTo, 'crisis.alert-escalated'), [['Unacknowledged crisis alert: Brand', `Unacknowledged for 5 minutes: ${alert.summary}`]]);
    assert.deepEqual(await notificationsOf(admin, 'crisis.alert-escalated'), [], 'an escalation list is set: the hub admins are not told twice');
    assert.ok(mails().some((mail) => mail.to === escalateTo.email && mail.subject === 'Unacknowledged crisis alert: Brand'));
    assert.deepEqual(posts.map((post) => post.text), [`Crisis alert: Brand\n${alert.summary}\n${posts[0]!.url}`, `Unacknowledged crisis alert: Brand\nUnacknowledged for 5 minutes: ${alert.summary}\n${posts[0]!.url}`]);

    // A second run (a lost lease) finds it escalated: nobody is told again.
    assert.equal(await escalateCrisisAlert(db(), admin.orgId, alert.id, 5), false);
    assert.equal((await notificationsOf(escalateTo, 'crisis.alert-escalated')).length, 1);
  });

  it('does not escalate an alert acknowledged in time, and tells every hub admin when no escalation list is set', async () => {
    const acknowledged = await raise('@celebrity');
    assert.equal((await as(prLead).send('POST', `/api/crisis/alerts/${acknowledged.id}/acknowledge`)).statusCode, 200);
    await db().execute(sql`update jobs set run_at = now() where key = ${`crisis-escalate:${acknowledged.id}`}`);
    await drain();
    assert.equal((await as(admin).get(`/api/crisis/alerts/${acknowledged.id}`)).json().escalatedAt, null);
    assert.equal((await notificationsOf(escalateTo, 'crisis.alert-escalated')).length, 1, 'nothing new');

    assert.equal((await as(admin).send('PUT', '/api/crisis/settings', { escalateToIds: [] })).statusCode, 200);
    const waiting = await raise('@influencer');
    assert.equal(await escalateCrisisAlert(db(), admin.orgId, waiting.id, 5), true);
    assert.equal((await notificationsOf(admin, 'crisis.alert-escalated')).length, 1);
    assert.deepEqual(await notificationsOf(prLead, 'crisis.alert-escalated'), [], 'only hub admins');
    assert.equal((await notificationsOf(escalateTo, 'crisis.alert-escalated')).length, 1, 'no longer on the list');
  });

  it('announces an acknowledgement live', async () => {
    const alert = await raise('@blogger');
    const stream = await liveStream(origin, admin);
    try {
      assert.equal((await as(prLead).send('POST', `/api/crisis/alerts/${alert.id}/acknowledge`)).statusCode, 200);
      assert.match(await stream.until(alert.id), /"type":"crisis\.changed"/);
    } finally {
      stream.close();
    }
  });
});
