import { it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../../../db/test-database.ts';
import { runDueJobs } from '../../../jobs/index.ts';
import { testConfig } from '../../../server/test-app.ts';
import { createOrganization, createPerson, systemActor } from '../../people/index.ts';
import { notificationPreferences } from '../routing.schema.ts';
import { notifyPeople } from './notify.ts';
import { notificationJobs } from './notification.jobs.ts';

interface Received { to: string; subject: string; text: string }

describeOnEachDatabase('notification e-mail', (database) => {
  const db = () => database().db;
  const received: Received[] = [];
  let server: SMTPServer;
  let orgId: string;
  let personId: string;
  let config: ReturnType<typeof testConfig>;

  const drain = async () => { while (await runDueJobs({ db: db(), definitions: notificationJobs, workerId: 'test', config }) > 0); };
  const notify = (title: string) => db().transaction((tx) => notifyPeople(tx, orgId, { personIds: [personId, personId], kind: 'test', conversationId: null, title, body: `about ${title}` }));
  const prefer = (values: Partial<typeof notificationPreferences.$inferInsert>) => db().insert(notificationPreferences)
    .values({ personId, orgId, ...values }).onConflictDoUpdate({ target: notificationPreferences.personId, set: { email: 'instant', quietStart: null, quietEnd: null, ...values } });
  const clock = (at: Date) => at.toISOString().slice(11, 16);

  before(async () => {
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        simpleParser(stream).then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    config = testConfig({ mailUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Herd <herd@test.example>' });
    orgId = (await createOrganization(db(), { slug: 'mailers', name: 'Mailers' })).id;
    personId = (await createPerson(db(), { passwordCost: 10 }, systemActor(orgId), { name: 'Ann', email: 'ann@mailers.test', password: 'correct horse battery' })).id;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(async () => {
    received.length = 0;
    await db().execute(sql`delete from jobs`);
  });

  it('mails a notification at once, to each person once, and never twice when the job runs again', async () => {
    await notify('Instant one');
    await drain();
    assert.deepEqual(received, [{ to: 'ann@mailers.test', subject: 'Instant one', text: 'Instant one\nabout Instant one\n' }]);
    await db().execute(sql`update jobs set status = 'queued', run_at = now()`);
    await drain();
    assert.equal(received.length, 1);
    const [row] = (await db().execute(sql`select emailed_at from notifications where title = 'Instant one'`) as unknown as { rows: { emailed_at: unknown }[] }).rows;
    assert.ok(row?.emailed_at);
  });

  it('waits until quiet hours end', async () => {
    const now = new Date();
    await prefer({ quietStart: clock(new Date(now.getTime() - 60 * 60_000)), quietEnd: clock(new Date(now.getTime() + 60 * 60_000)) });
    await notify('Quiet one');
    await drain();
    assert.equal(received.length, 0);
    const [job] = (await db().execute(sql`select run_at from jobs where kind = 'routing.send-notification-email'`) as unknown as { rows: { run_at: string }[] }).rows;
    const waitMinutes = (new Date(job!.run_at).getTime() - now.getTime()) / 60_000;
    assert.ok(waitMinutes > 58 && waitMinutes <= 61, `waits ${waitMinutes} minutes`);
    await db().execute(sql`update jobs set run_at = now()`);
    await drain();
    assert.deepEqual(received.map((mail) => mail.subject), ['Quiet one']);
  });

  it('sends several notifications as one digest at the digest hour', async () => {
    await prefer({ email: 'digest', digestHour: 8 });
    await notify('First');
    await notify('Second');
    await notify('Third');
    const jobs = (await db().execute(sql`select key from jobs`) as unknown as { rows: { key: string }[] }).rows;
    assert.equal(jobs.length, 1, 'one digest job per person and day');
    assert.match(jobs[0]!.key, new RegExp(`^digest:${personId}:\\d{4}-\\d{2}-\\d{2}$`));
    await db().execute(sql`update jobs set run_at = now()`);
    await drain();
    assert.equal(received.length, 1);
    assert.equal(received[0]!.subject, '3 notifications from Herd');
    for (const title of ['First', 'Second', 'Third']) assert.ok(received[0]!.text.includes(title), received[0]!.text);
  });

  it('sends nothing when the person turned e-mail off', async () => {
    await prefer({ email: 'off' });
    await notify('Silent');
    await drain();
    assert.deepEqual(received, []);
    assert.equal((await db().execute(sql`select 1 from jobs`) as unknown as { rows: unknown[] }).rows.length, 0);
  });

  it('leaves notifications unmailed when no mail server is configured', async () => {
    await prefer({ email: 'instant' });
    await notify('Unconfigured');
    while (await runDueJobs({ db: db(), definitions: notificationJobs, workerId: 'test', config: testConfig() }) > 0);
    assert.deepEqual(received, []);
    const [row] = (await db().execute(sql`select emailed_at from notifications where title = 'Unconfigured'`) as unknown as { rows: { emailed_at: unknown }[] }).rows;
    assert.equal(row?.emailed_at, null);
  });
});
