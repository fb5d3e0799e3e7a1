import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describeHttp, type SignedIn } from '../../../server/test-app.ts';
import type { TriagedMention } from '../../triage/index.ts';
import { watchTriagedMentions } from '../watch-triaged-mentions.ts';
import type { LiveEvent } from '../../routing/index.ts';
import { createCrisisRoomWorld, expectStatus, requestsAs, type CrisisRoomWorld } from './crisis-room.fixture.ts';

const MINUTE = 60_000;

describeHttp('the crisis room over HTTP', (herd) => {
  let world: CrisisRoomWorld;
  let other: SignedIn;
  let otherAlertId: string;
  const as = (who: SignedIn) => world.as(who);

  /** A negative post by an author with a million followers on the topic: the high-reach detector alerts at once. */
  const raiseAlert = async (who: SignedIn, topicId: string, author: string) => {
    const loud: TriagedMention = {
      id: randomUUID(), conversationId: randomUUID(), sourceId: randomUUID(), seq: 0, title: null, text: 'This is a disgrace, never again',
      authorHandle: author, authorFollowers: 1_000_000, postedAt: new Date(Date.now() - 10 * MINUTE).toISOString(), topicIds: [topicId],
      language: 'en', sentiment: 'negative', categoryId: null, categoryName: null, urgency: 50, placeSpokeId: null, spam: false,
    };
    assert.equal((await watchTriagedMentions(herd().database.db, who.orgId, [loud])).alerts.length, 1);
    return expectStatus(await requestsAs(herd, who).get(`/api/crisis/alerts?topicId=${topicId}&limit=1`), 200).items[0].id as string;
  };
  const fieldsOf = (response: { json(): { error: { details: { field: string }[] } } }) => response.json().error.details.map((problem) => problem.field);

  before(async () => {
    world = await createCrisisRoomWorld(herd);
    const otherWorld = await createCrisisRoomWorld(herd, 'other');
    other = otherWorld.admin;
    otherAlertId = await raiseAlert(other, otherWorld.topics.brand, '@elsewhere');
  });

  it('keeps the room for hub admins and org-wide PR leads: 403 for everyone else, on every route', async () => {
    const crisis = expectStatus(await as(world.prLead).post('/api/crises', { title: 'Guarded', severity: 'low', topicIds: [world.topics.weather], status: 'monitoring' }), 201);
    const analyst = await herd().signInAs('analyst', { email: 'analyst@acme.test' });
    const spokeLead = await herd().signInAs('spoke_lead', { spokeId: world.deskId, email: 'desk-lead@acme.test' });
    const deskPrLead = await herd().signInAs('pr_lead', { spokeId: world.deskId, email: 'desk-pr@acme.test' });
    const deskVolunteer = await herd().signInAs('volunteer', { spokeId: world.deskId, email: 'desk-volunteer@acme.test' });
    for (const who of [world.volunteer, analyst, spokeLead, deskPrLead, deskVolunteer]) {
      const them = requestsAs(herd, who);
      const answers = [
        await them.get('/api/crises'), await them.get(`/api/crises/${crisis.id}`), await them.get(`/api/crises/${crisis.id}/timeline`),
        await them.get(`/api/crises/${crisis.id}/series`), await them.get(`/api/crises/${crisis.id}/mentions`), await them.get(`/api/crises/${crisis.id}/statements`),
        await them.get(`/api/crises/${crisis.id}/report`), await them.post('/api/crises', { title: 'Mine', severity: 'low', topicIds: [world.topics.weather] }),
        await them.patch(`/api/crises/${crisis.id}`, { status: 'active' }), await them.post(`/api/crises/${crisis.id}/notes`, { text: 'Me too' }),
        await them.post(`/api/crises/${crisis.id}/statements`, { title: 'Mine', text: 'Mine' }),
      ];
      assert.deepEqual(answers.map((answer) => answer.statusCode), answers.map(() => 403), who.email);
    }
    expectStatus(await as(world.admin).patch(`/api/crises/${crisis.id}`, { status: 'closed' }), 200);
  });

  it('keeps another organization out: 404 for its crises, its alerts, its topics and spokes refused by name', async () => {
    const crisis = expectStatus(await as(world.prLead).post('/api/crises', { title: 'Ours', severity: 'low', topicIds: [world.topics.weather], status: 'monitoring' }), 201);
    const them = requestsAs(herd, other);
    for (const url of ['', '/timeline', '/series', '/mentions', '/statements', '/report']) {
      assert.equal((await them.get(`/api/crises/${crisis.id}${url}`)).statusCode, 404, url);
    }
    assert.equal((await them.patch(`/api/crises/${crisis.id}`, { status: 'closed' })).statusCode, 404);
    assert.equal((await them.post(`/api/crises/${crisis.id}/notes`, { text: 'Hi' })).statusCode, 404);
    assert.equal((await them.post(`/api/crises/${crisis.id}/statements`, { title: 'Hi', text: 'Hi' })).statusCode, 404);
    assert.deepEqual(expectStatus(await them.get('/api/crises'), 200).items, []);
    const fromTheirAlert = await as(world.prLead).post('/api/crises', { title: 'Theirs', severity: 'low', fromAlertId: otherAlertId });
    assert.equal(fromTheirAlert.statusCode, 404, fromTheirAlert.body);
    const withTheirs = await them.post('/api/crises', { title: 'Mixed', severity: 'low', topicIds: [world.topics.weather], crisisTeamSpokeId: world.deskId, ownerId: world.prLead.personId });
    assert.equal(withTheirs.statusCode, 400);
    assert.deepEqual(fieldsOf(withTheirs), ['body.topicIds.0', 'body.ownerId', 'body.crisisTeamSpokeId']);
    expectStatus(await as(world.prLead).patch(`/api/crises/${crisis.id}`, { status: 'closed' }), 200);
  });

  it('names the fields of a bad request', async () => {
    const missing = await as(world.prLead).post('/api/crises', { topicIds: [world.topics.brand] });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(fieldsOf(missing).sort(), ['body.severity', 'body.title']);
    const blank = await as(world.prLead).post('/api/crises', { title: '   ', severity: 'dire', topicIds: ['not-a-uuid'] });
    assert.deepEqual(fieldsOf(blank).sort(), ['body.severity', 'body.title', 'body.topicIds.0']);
    const noTopic = await as(world.prLead).post('/api/crises', { title: 'Nothing', severity: 'low', topicIds: [] });
    assert.deepEqual([noTopic.statusCode, fieldsOf(noTopic)], [400, ['body.topicIds']]);
    const unknownTopic = await as(world.prLead).post('/api/crises', { title: 'Nothing', severity: 'low', topicIds: [world.topics.brand, randomUUID()] });
    assert.deepEqual([unknownTopic.statusCode, fieldsOf(unknownTopic)], [400, ['body.topicIds.1']]);
    const closedOnOpen = await as(world.prLead).post('/api/crises', { title: 'Nothing', severity: 'low', topicIds: [world.topics.brand], status: 'closed' });
    assert.deepEqual([closedOnOpen.statusCode, fieldsOf(closedOnOpen)], [400, ['body.status']]);
    assert.equal(expectStatus(await as(world.prLead).get('/api/crises?status=active'), 200).items.length, 0, 'nothing was opened');

    const crisis = expectStatus(await as(world.prLead).post('/api/crises', { title: 'Checked', severity: 'low', topicIds: [world.topics.weather], status: 'monitoring' }), 201);
    const badPatch = await as(world.prLead).patch(`/api/crises/${crisis.id}`, { status: 'over', topicIds: [] });
    assert.deepEqual(fieldsOf(badPatch).sort(), ['body.status', 'body.topicIds']);
    assert.deepEqual(fieldsOf(await as(world.prLead).get(`/api/crises/${crisis.id}/series?bucketMinutes=0`)), ['querystring.bucketMinutes']);
    assert.deepEqual(fieldsOf(await as(world.prLead).get(`/api/crises/${crisis.id}/timeline?cursor=nonsense`)), ['query.cursor']);
    assert.deepEqual(fieldsOf(await as(world.prLead).get(`/api/crises/${crisis.id}/report?format=pdf`)), ['querystring.format']);
    assert.deepEqual(fieldsOf(await as(world.prLead).post(`/api/crises/${crisis.id}/notes`, { text: ' ' })), ['body.text']);
    assert.deepEqual(fieldsOf(await as(world.prLead).post(`/api/crises/${crisis.id}/statements`, { title: 'T', text: 'x', language: 'english' })), ['body.language']);
    expectStatus(await as(world.prLead).patch(`/api/crises/${crisis.id}`, { status: 'closed' }), 200);
  });

  it('announces each change live to those watching for crises, in its transaction', async () => {
    const origin = await herd().app.listen({ port: 0, host: '127.0.0.1' });
    const abort = new AbortController();
    const stream = (await fetch(`${origin}/api/live`, { headers: { cookie: world.prLead.cookie }, signal: abort.signal })).body!.getReader();
    await stream.read(); // the stream is open: what is committed from now on is heard
    try {
      const crisis = expectStatus(await as(world.prLead).post('/api/crises', { title: 'Heard', severity: 'low', topicIds: [world.topics.weather], status: 'monitoring' }), 201);
      expectStatus(await as(world.prLead).post(`/api/crises/${crisis.id}/notes`, { text: 'Noted' }), 201);
      expectStatus(await as(world.prLead).patch(`/api/crises/${crisis.id}`, { status: 'closed' }), 200);
      assert.equal((await as(world.prLead).patch(`/api/crises/${crisis.id}`, { status: 'active' })).statusCode, 409);
      const marker = expectStatus(await as(world.prLead).post('/api/crises', { title: 'Marker', severity: 'low', topicIds: [world.topics.weather], status: 'monitoring' }), 201);
      const heard: LiveEvent[] = [];
      let text = '';
      while (!heard.some((event) => event.type === 'crisis.changed' && event.crisisId === marker.id)) {
        const { value, done } = await stream.read();
        if (done) throw new Error('the live stream ended');
        text += new TextDecoder().decode(value);
        const lines = text.split('\n');
        text = lines.pop()!;
        heard.push(...lines.filter((line) => line.startsWith('data: ')).map((line) => JSON.parse(line.slice(6)) as LiveEvent).filter((event) => event.type === 'crisis.changed'));
      }
      assert.deepEqual(heard.slice(0, -1), [1, 2, 3].map(() => ({ orgId: world.admin.orgId, type: 'crisis.changed', alertId: null, crisisId: crisis.id })), 'opened, noted, closed; nothing for the refused reopening');
    } finally {
      abort.abort();
    }
  });

  it('runs a crisis from an alert to its report: timeline, notes, statements, volumes, mentions, closing for good', async () => {
    const db = herd().database.db;
    const old = await world.arrive('The brand was fine last year', new Date(Date.now() - 3 * 60 * MINUTE));
    const alertId = await raiseAlert(world.admin, world.topics.brand, '@reporter');

    const opened = expectStatus(await as(world.prLead).post('/api/crises', { title: 'Brand <script>alert(1)</script> storm', severity: 'high', topicIds: [], fromAlertId: alertId }), 201);
    assert.deepEqual([opened.topics, opened.openedFromAlertId, opened.status, opened.ownerId, opened.closedAt], [[{ id: world.topics.brand, name: 'Brand' }], alertId, 'active', world.prLead.personId, null]);
    const alert = expectStatus(await as(world.prLead).get(`/api/crisis/alerts?topicId=${world.topics.brand}`), 200).items.find((item: { id: string }) => item.id === alertId);
    assert.equal(alert.acknowledgedBy, world.prLead.personId, 'opening a room from an alert acknowledges it');

    // Customers write; one conversation is answered (after approval: the crisis holds replies) and published.
    const angry = await world.arrive('This brand is terrible, awful and I hate it');
    await world.arrive('Brand stores look calm today');
    await world.arrive('Weather is lovely', new Date());
    expectStatus(await as(world.admin).post(`/api/conversations/${angry.conversationId}/assign`, { personId: world.volunteer.personId }), 200);
    const { reply } = expectStatus(await as(world.volunteer).post(`/api/conversations/${angry.conversationId}/replies`, { text: 'We are sorry <b>truly</b> | call us' }), 201);
    assert.equal(reply.status, 'pending_approval');
    assert.equal(expectStatus(await as(world.prLead).post(`/api/replies/${reply.id}/review`, { decision: 'approved' }), 200).status, 'awaiting_manual');
    expectStatus(await as(world.volunteer).post(`/api/replies/${reply.id}/sent-by-hand`, { url: 'https://reviews.example/r/1#reply' }), 200);

    const note = expectStatus(await as(world.prLead).post(`/api/crises/${opened.id}/notes`, { text: 'Legal is drafting a statement' }), 201);
    assert.deepEqual([note.kind, note.text], ['note', 'Legal is drafting a statement']);
    assert.match(note.actorName, /^pr_lead \d+$/);
    const statement = expectStatus(await as(world.prLead).post(`/api/crises/${opened.id}/statements`, { title: 'Brand storm holding line', text: 'We are aware and looking into it.', language: 'en' }), 201);
    assert.deepEqual([statement.topicIds, statement.approvedByName !== null, statement.expired], [[world.topics.brand], true, false]);
    const library = expectStatus(await as(world.volunteer).get('/api/reply-library?kind=holding_statement'), 200).items;
    assert.ok(library.some((entry: { id: string }) => entry.id === statement.id), 'volunteers find it in the composer\'s library');
    assert.deepEqual(expectStatus(await as(world.admin).get(`/api/crises/${opened.id}/statements`), 200).items.map((entry: { id: string }) => entry.id), [statement.id]);

    const changed = expectStatus(await as(world.admin).patch(`/api/crises/${opened.id}`, { severity: 'critical', ownerId: world.admin.personId }), 200);
    assert.deepEqual([changed.severity, changed.ownerId], ['critical', world.admin.personId]);
    assert.match(changed.ownerName, /^hub_admin \d+$/);

    const timeline = expectStatus(await as(world.prLead).get(`/api/crises/${opened.id}/timeline?limit=200`), 200);
    const kinds = timeline.items.map((entry: { kind: string }) => entry.kind);
    assert.deepEqual(kinds.slice(0, 5), ['owner', 'severity', 'statement', 'note', 'reply-published']);
    assert.deepEqual(kinds.slice(-4), ['effect', 'effect', 'opened', 'alert'], 'the alert it was opened from came first, raised in the hour before');
    const published = timeline.items.find((entry: { kind: string }) => entry.kind === 'reply-published');
    assert.deepEqual([published.id, published.text, published.data.url, published.actorName !== null], [reply.id, 'We are sorry <b>truly</b> | call us', 'https://reviews.example/r/1#reply', true]);
    const raised = timeline.items.find((entry: { kind: string; id: string }) => entry.kind === 'alert' && entry.id === alertId);
    assert.equal(raised.data.topicName, 'Brand');
    const times = timeline.items.map((entry: { at: string }) => Date.parse(entry.at));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    const paged: string[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page = expectStatus(await as(world.prLead).get(`/api/crises/${opened.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`), 200);
      paged.push(...page.items.map((entry: { id: string }) => entry.id));
      cursor = page.nextCursor;
    }
    assert.deepEqual(paged, timeline.items.map((entry: { id: string }) => entry.id), 'the pages make the whole timeline, each entry once');

    const series = expectStatus(await as(world.prLead).get(`/api/crises/${opened.id}/series?bucketMinutes=5`), 200).buckets;
    const sum = (key: string) => series.reduce((total: number, bucket: Record<string, number>) => total + bucket[key]!, 0);
    assert.equal(sum('mentions'), 2, 'the two Brand posts; the old one is before the window, the weather one off topic');
    assert.equal(sum('negative') + sum('neutral') + sum('positive'), 2);
    assert.ok(sum('negative') >= 1);
    assert.ok(series.every((bucket: { at: string }) => Date.parse(bucket.at) % (5 * MINUTE) === 0), 'buckets on whole five minutes');
    assert.ok(Date.parse(series[0].at) <= Date.parse(opened.openedAt) - 60 * MINUTE && series.length >= 12, 'from an hour before it opened');

    const mentions = expectStatus(await as(world.prLead).get(`/api/crises/${opened.id}/mentions?limit=1`), 200);
    assert.equal(mentions.items[0].text, 'Brand stores look calm today', 'newest first');
    const second = expectStatus(await as(world.prLead).get(`/api/crises/${opened.id}/mentions?limit=5&cursor=${mentions.nextCursor}`), 200);
    assert.deepEqual(second.items.map((mention: { text: string }) => mention.text), ['This brand is terrible, awful and I hate it']);
    assert.equal(second.items[0].sentiment, 'negative');
    assert.ok(!second.items.some((mention: { conversationId: string }) => mention.conversationId === old.conversationId));

    // Response times: the answered conversation took 30 minutes, a second 10 minutes, a third none yet.
    const quick = await world.arrive('Brand question: is my order safe?');
    await world.arrive('Brand, anyone there?');
    await db.execute(sql`update conversation_states set first_responded_at = created_at + interval '30 minutes' where conversation_id = ${angry.conversationId}`);
    await db.execute(sql`update conversation_states set first_responded_at = created_at + interval '10 minutes' where conversation_id = ${quick.conversationId}`);

    const closed = expectStatus(await as(world.prLead).patch(`/api/crises/${opened.id}`, { status: 'closed' }), 200);
    assert.ok(closed.closedAt);
    assert.deepEqual(closed.effects, { repliesNeedApproval: false, advocacyPaused: false, routedToSpokeId: null });
    const reopen = await as(world.prLead).patch(`/api/crises/${opened.id}`, { status: 'active' });
    assert.deepEqual([reopen.statusCode, reopen.json().error.code], [409, 'CONFLICT'], 'closed is final');
    assert.equal((await as(world.prLead).post(`/api/crises/${opened.id}/statements`, { title: 'Late', text: 'Too late' })).statusCode, 409);
    expectStatus(await as(world.prLead).post(`/api/crises/${opened.id}/notes`, { text: 'Review on Monday' }), 201);

    const html = await as(world.prLead).get(`/api/crises/${opened.id}/report?format=html`);
    assert.equal(html.statusCode, 200, html.body);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    assert.match(String(html.headers['content-disposition']), /^attachment; filename="crisis-brand-script-alert-1-script-storm-\d{4}-\d{2}-\d{2}\.html"$/);
    assert.equal(html.body.includes('<script>'), false, 'the title is escaped');
    assert.ok(html.body.includes('Brand &lt;script&gt;alert(1)&lt;/script&gt; storm'));
    assert.ok(html.body.includes('We are sorry &lt;b&gt;truly&lt;/b&gt; | call us'));
    assert.ok(html.body.includes('<a href="https://reviews.example/r/1#reply"'));
    for (const heading of ['Volumes per hour', 'Response times', 'Timeline', 'What was published']) assert.ok(html.body.includes(`<h2>${heading}</h2>`), heading);
    assert.match(html.body, /Median first response<\/th><td>20 min</, 'median of 10 and 30');
    assert.match(html.body, /90th percentile<\/th><td>28 min</);
    assert.match(html.body, /Conversations<\/th><td>4</);
    assert.ok(html.body.includes('Brand storm holding line') && html.body.includes('Review on Monday'));

    const markdown = await as(world.prLead).get(`/api/crises/${opened.id}/report?format=markdown`);
    assert.match(String(markdown.headers['content-type']), /^text\/markdown/);
    assert.match(String(markdown.headers['content-disposition']), /\.md"$/);
    assert.ok(markdown.body.startsWith('# Crisis report: Brand &lt;script&gt;alert(1)&lt;/script&gt; storm\n'));
    assert.ok(markdown.body.includes('[We are sorry &lt;b&gt;truly&lt;/b&gt; \\| call us](https://reviews.example/r/1#reply)'));

    const list = expectStatus(await as(world.prLead).get('/api/crises?status=closed&limit=1'), 200);
    assert.equal(list.items.length, 1);
    const rest = expectStatus(await as(world.prLead).get(`/api/crises?status=closed&limit=50&cursor=${list.nextCursor}`), 200);
    const all = [...list.items, ...rest.items];
    assert.equal(all[0].id, opened.id, 'newest opened first');
    assert.deepEqual(all[0].topicNames, ['Brand']);
    assert.equal(new Set(all.map((item: { id: string }) => item.id)).size, all.length);
    const audit = expectStatus(await as(world.admin).get(`/api/audit?targetId=${opened.id}`), 200).items.map((entry: { action: string }) => entry.action);
    assert.deepEqual(audit.sort(), ['crisis.changed', 'crisis.changed', 'crisis.note-added', 'crisis.note-added', 'crisis.opened']);
  });
});
