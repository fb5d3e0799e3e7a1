import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { describeHttp, type SignedIn } from '../../../server/test-app.ts';
import { createGuardedHttp } from '../../../connectors/index.ts';
import { runDueJobs } from '../../../jobs/index.ts';
import { signWebhook } from '../../listening/index.ts';
import { notifyChannels } from './notify.ts';
import { notificationJobs } from './notification.jobs.ts';

interface Hit { headers: Record<string, string | string[] | undefined>; body: string }

describeHttp('notification channels and webhooks', (herd) => {
  const hits: Hit[] = [];
  let failNext = 0;
  let server: Server;
  let origin: string;
  let admin: SignedIn;
  const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 });
  const db = () => herd().database.db;
  const drain = async () => { while (await runDueJobs({ db: db(), definitions: notificationJobs, workerId: 'test', config: herd().config, http }) > 0); };
  const create = (who: SignedIn, payload: object) => herd().app.inject({ method: 'POST', url: '/api/notification-channels', headers: who.headers, payload });

  before(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => { body += chunk; });
      request.on('end', () => {
        hits.push({ headers: request.headers, body });
        response.statusCode = failNext-- > 0 ? 500 : 200;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    admin = await herd().signInAs('hub_admin');
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts Slack JSON signed with the channel secret, retrying after a 500, and records the outcome', async () => {
    const created = await create(admin, { name: 'Team Slack', format: 'slack', url: `${origin}/slack` });
    assert.equal(created.statusCode, 201, created.body);
    const { id, secret } = created.json();
    assert.ok(secret.length > 20);
    failNext = 1;
    await db().transaction((tx) => notifyChannels(tx, admin.orgId, [id], { title: 'Breach', text: 'First response is late', url: '/inbox/abc' }));
    await drain();
    let [channel] = (await herd().app.inject({ method: 'GET', url: '/api/notification-channels', headers: admin.headers })).json().items;
    assert.equal(channel.lastError, 'HTTP 500');
    assert.equal('secret' in channel, false, 'never listed');
    await db().execute(sql`update jobs set run_at = now() where status = 'queued'`);
    await drain();
    assert.equal(hits.length, 2);
    const hit = hits[1]!;
    const timestamp = hit.headers['x-herd-timestamp'] as string;
    assert.equal(hit.headers['x-herd-signature'], signWebhook(secret, timestamp, hit.body));
    const body = JSON.parse(hit.body);
    assert.match(body.text, /Breach/);
    assert.equal(body.blocks[1].elements[0].url, 'http://localhost:3000/inbox/abc');
    [channel] = (await herd().app.inject({ method: 'GET', url: '/api/notification-channels', headers: admin.headers })).json().items;
    assert.equal(channel.lastError, null);
    assert.ok(channel.lastDeliveryAt);
  });

  it('sends a Teams MessageCard from the test route and reports the outcome', async () => {
    hits.length = 0;
    const { id } = (await create(admin, { name: 'Teams', format: 'teams', url: `${origin}/teams` })).json();
    const response = await herd().app.inject({ method: 'POST', url: `/api/notification-channels/${id}/test`, headers: admin.headers, payload: {} });
    assert.deepEqual(response.json(), { delivered: true, status: 200, error: null });
    const card = JSON.parse(hits[0]!.body);
    assert.deepEqual([card['@type'], card['@context'], card.title], ['MessageCard', 'https://schema.org/extensions', 'Test from Herd']);
  });

  it('refuses a URL that is not http(s), naming the field', async () => {
    const response = await create(admin, { name: 'Bad', format: 'slack', url: 'ftp://example.com/x' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.details[0].field, 'body.url');
  });

  it('lets only hub admins manage channels', async () => {
    const volunteer = await herd().signInAs('volunteer');
    assert.equal((await create(volunteer, { name: 'Mine', format: 'slack', url: `${origin}/x` })).statusCode, 403);
    assert.equal((await herd().app.inject({ method: 'GET', url: '/api/notification-channels', headers: volunteer.headers })).statusCode, 403);
  });
});
