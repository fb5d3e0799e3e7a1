import { it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { startSmtpTestServer, type SmtpTestServer } from '../../connectors/email/smtp-test-server.ts';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { enqueueJob, runDueJobs } from '../../jobs/index.ts';
import { testConfig } from '../../server/test-app.ts';
import { addMembership, createOrganization, createPerson, createSpoke, systemActor } from '../people/index.ts';
import { setMyPreferences } from '../routing/index.ts';
import type { TriagedMention } from '../triage/index.ts';
import { countTriagedMentions } from './count-mentions.ts';
import { insightsJobs, nextDigestSlot, sendWeeklyDigestJob } from './insights.jobs.ts';
import { duration } from './weekly-digest.ts';

describeOnEachDatabase('the weekly digest', (database) => {
  const db = () => database().db;
  let server: SmtpTestServer;
  const received = () => server.received.map(({ envelope, mail }) => ({ to: envelope.to.join(','), subject: mail.subject ?? '', text: mail.text ?? '' }));
  let config: ReturnType<typeof testConfig>;
  let orgId: string;
  let storeId: string;
  let pia: string;
  let lee: string;

  /** A Monday's slot: the digest is about the week before it, 2026-11-23 to 2026-11-29. */
  const SLOT = '2026-11-30T07:00:00.000Z';
  const drain = async (withConfig = config) => { while (await runDueJobs({ db: db(), definitions: insightsJobs, workerId: 'test', config: withConfig }) > 0); };
  const due = (slot = SLOT) => enqueueJob(db(), sendWeeklyDigestJob, { slot }, { orgId, key: `test-digest:${randomUUID()}` });
  const mention = (postedAt: string, sentiment: TriagedMention['sentiment'], placeSpokeId: string | null = null): TriagedMention => ({
    id: randomUUID(), conversationId: randomUUID(), sourceId: randomUUID(), seq: 1, title: null, text: 'x', authorHandle: null, authorFollowers: null,
    postedAt, topicIds: [], language: 'en', sentiment, categoryId: null, categoryName: null, urgency: 0, placeSpokeId, spam: false,
  });
  const person = async (name: string, role: 'hub_admin' | 'pr_lead' | 'spoke_lead' | 'volunteer', spokeId: string | null = null) => {
    const id = (await createPerson(db(), { passwordCost: 4 }, systemActor(orgId), { name, email: `${name.toLowerCase()}@digest.test` })).id;
    await addMembership(db(), systemActor(orgId), { personId: id, spokeId, role });
    return id;
  };

  /** The person's own choice, as they make it on their notification settings. */
  const chooseEmail = (personId: string, email: 'instant' | 'digest' | 'off') =>
    setMyPreferences(db(), { orgId, personId, label: 'test', via: 'session', roles: [] }, { email, quietStart: null, quietEnd: null, digestHour: 8 });

  before(async () => {
    server = await startSmtpTestServer();
    config = testConfig({ mailUrl: server.url, mailFrom: 'Herd <herd@test.example>', publicUrl: 'https://herd.example' });
    orgId = (await createOrganization(db(), { slug: 'digests', name: 'Digests' })).id;
    storeId = (await createSpoke(db(), systemActor(orgId), { kind: 'store', name: 'Leeds' })).id;
    await person('Hana', 'hub_admin');
    pia = await person('Pia', 'pr_lead');
    lee = await person('Lee', 'spoke_lead', storeId);
    await person('Val', 'volunteer', storeId);
    await countTriagedMentions(db(), orgId, [
      mention('2026-11-24T10:00:00Z', 'negative', storeId), mention('2026-11-25T10:00:00Z', 'positive', storeId), mention('2026-11-29T23:00:00Z', 'neutral'),
      mention('2026-11-18T10:00:00Z', 'negative', storeId), mention('2026-11-30T08:00:00Z', 'negative'),
    ]);
  });
  after(() => server.close());
  beforeEach(async () => {
    server.received.length = 0;
    await db().execute(sql`delete from jobs`);
    await db().execute(sql`delete from insights_digests`);
  });

  it('mails the hub its organization\'s week and each spoke lead their spoke\'s, against the week before', async () => {
    await due();
    await drain();
    assert.deepEqual(received().map((mail) => [mail.to, mail.subject]).sort(), [
      ['hana@digest.test', 'Herd weekly digest: 2026-11-23 to 2026-11-29'],
      ['lee@digest.test', 'Herd weekly digest for Leeds: 2026-11-23 to 2026-11-29'],
      ['pia@digest.test', 'Herd weekly digest: 2026-11-23 to 2026-11-29'],
    ]);
    const hub = received().find((mail) => mail.to === 'hana@digest.test')!.text;
    assert.match(hub, /^Week 2026-11-23 to 2026-11-29 — the whole organization$/m);
    assert.match(hub, /^Mentions: 3 \(\+200% on the week before\); 33% negative, 33% positive$/m);
    assert.match(hub, /^Crises opened: 0\nCrisis alerts: 0$/m);
    assert.match(hub, /^The dashboards: https:\/\/herd\.example\/insights\?from=2026-11-23&to=2026-11-29$/m);
    const lead = received().find((mail) => mail.to === 'lee@digest.test')!.text;
    assert.match(lead, /^Mentions: 2 \(\+100% on the week before\); 50% negative, 50% positive$/m);
    assert.match(lead, new RegExp(`insights\\?from=2026-11-23&to=2026-11-29&spokeId=${storeId}$`, 'm'));
    assert.doesNotMatch(lead, /Crises opened|Crisis alerts/, 'crises are the hub\'s');
  });

  it('mails nobody twice for a week, however often the job runs, and schedules the next Monday', async () => {
    await due();
    await due();
    await drain();
    assert.equal(received().length, 3);
    await db().execute(sql`update jobs set status = 'queued', run_at = now() where kind = 'insights.send-weekly-digest' and run_at <= now()`);
    await drain();
    assert.equal(received().length, 3);
    const { rows } = await db().execute(sql`select run_at, key from jobs where kind = 'insights.send-weekly-digest' and status = 'queued'`) as unknown as { rows: { run_at: string | Date; key: string }[] };
    assert.deepEqual(rows.map((row) => new Date(row.run_at).toISOString()), ['2026-12-07T07:00:00.000Z']);
  });

  it('mails nobody who chose never to get e-mail, and leaves out a spoke whose only lead did', async () => {
    await chooseEmail(pia, 'off');
    await chooseEmail(lee, 'digest');
    try {
      await due();
      await drain();
      assert.deepEqual(received().map((mail) => mail.to).sort(), ['hana@digest.test', 'lee@digest.test'], 'a daily digest of notifications is still e-mail');
      await chooseEmail(lee, 'off');
      await db().execute(sql`delete from insights_digests`);
      server.received.length = 0;
      await due();
      await drain();
      assert.deepEqual(received().map((mail) => mail.to), ['hana@digest.test']);
    } finally {
      await chooseEmail(pia, 'instant');
      await chooseEmail(lee, 'instant');
    }
  });

  it('sends nothing, and records nothing as sent, without a mail server', async () => {
    await due();
    await drain({ ...config, mailUrl: undefined });
    assert.equal(received().length, 0);
    const { rows } = await db().execute(sql`select count(*)::int as n from insights_digests`) as unknown as { rows: { n: number }[] };
    assert.equal(rows[0]!.n, 0);
  });

  it('goes out on Mondays at 07:00 UTC, and says durations the way people read them', () => {
    assert.equal(nextDigestSlot(new Date('2026-12-04T17:00:00Z')).toISOString(), '2026-12-07T07:00:00.000Z');
    assert.equal(nextDigestSlot(new Date('2026-12-07T06:59:00Z')).toISOString(), '2026-12-07T07:00:00.000Z');
    assert.equal(nextDigestSlot(new Date('2026-12-07T07:00:00Z')).toISOString(), '2026-12-14T07:00:00.000Z');
    assert.deepEqual([duration(null), duration(59), duration(14 * 60), duration(2 * 3600 + 5 * 60), duration(3 * 86_400 + 4 * 3600)], ['n/a', '1 min', '14 min', '2 h 5 min', '3 d 4 h']);
  });
});
