import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describeHttp, type SignedIn } from '../../server/test-app.ts';
import { modules } from '../../server/app.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { createSource, ingestPosts } from '../listening/index.ts';
import { systemActor, type Actor } from '../people/index.ts';
import { addStory } from '../advocacy/index.ts';
import { sweepAdvocacy } from './sweep-advocacy.ts';
import { recordAnswer } from '../routing/index.ts';

const ROUTES = ['volume', 'share-of-voice', 'response-times', 'sla', 'participation', 'advocacy', 'backlog'];

describeHttp('insights over HTTP', (herd) => {
  let admin: SignedIn;
  let analyst: SignedIn;
  let careLead: SignedIn;
  let carer: SignedIn;
  let volunteer: SignedIn;
  let careId: string;
  let storeId: string;
  let otherOrgSpokeId: string;
  let topicId: string;

  const get = (who: SignedIn, url: string) => herd().app.inject({ method: 'GET', url, headers: who.headers });
  const post = (who: SignedIn, url: string, payload: object) => herd().app.inject({ method: 'POST', url, headers: who.headers, payload });
  const drain = async () => { while (await runDueJobs({ db: herd().database.db, definitions: modules.flatMap((m) => m.jobs ?? []), workerId: 'test' }) > 0); };
  const today = () => new Date().toISOString().slice(0, 10);

  before(async () => {
    admin = await herd().signInAs('hub_admin');
    careId = (await post(admin, '/api/spokes', { kind: 'department', name: 'Care' })).json().id;
    storeId = (await post(admin, '/api/spokes', { kind: 'store', name: 'Leeds' })).json().id;
    careLead = await herd().signInAs('spoke_lead', { spokeId: careId });
    carer = await herd().signInAs('volunteer', { spokeId: careId });
    volunteer = await herd().signInAs('volunteer', { spokeId: storeId });
    analyst = await herd().signInAs('analyst');
    const otherAdmin = await herd().signInAs('hub_admin', { org: 'elsewhere' });
    otherOrgSpokeId = (await post(otherAdmin, '/api/spokes', { kind: 'store', name: 'Elsewhere' })).json().id;
    topicId = (await post(admin, '/api/topics', { name: 'Acme', query: 'acme' })).json().id;
    const rule = await post(admin, '/api/routing/rules', { name: 'Care gets refunds', conditions: [{ field: 'keywords', anyOf: ['refund'] }], actions: { routeTo: { spokeId: careId } } });
    assert.equal(rule.statusCode, 201, rule.body);
    // The whole loop: mentions heard, triaged, routed, answered; insights counts as it goes.
    const source = await createSource(herd().database.db, systemActor(admin.orgId), { kind: 'file', name: 'Import', config: {}, matchMode: 'topics' });
    await ingestPosts(herd().database.db, { id: source.id, orgId: admin.orgId, name: source.name, matchMode: 'topics' }, [
      { externalId: 'a', text: 'acme refund please, the kettle broke', language: 'en' },
      { externalId: 'b', text: 'acme is wonderful, thank you', language: 'en' },
      { externalId: 'c', text: 'acme refund still missing, awful', language: 'en' },
    ]);
    await drain();
    const { rows } = await herd().database.db.execute(sql`select conversation_id from conversation_states where spoke_id = ${careId} order by conversation_id limit 1`) as unknown as { rows: { conversation_id: string }[] };
    await recordAnswer(herd().database.db, admin.orgId, rows[0]!.conversation_id, { replyId: randomUUID(), authorId: carer.personId, publishedAt: new Date(), url: null, network: 'file' });
    await drain();
    // The carer shares a story; two people follow the link; the hourly sweep rolls it up.
    const hub: Actor = { orgId: admin.orgId, personId: admin.personId, label: 'admin', via: 'session', roles: [{ role: 'hub_admin', spokeId: null }] };
    const story = await addStory(herd().database.db, hub, { url: 'https://acme.example/spring' }, { url: 'https://acme.example/spring', title: 'Spring', summary: '', imageUrl: null, siteName: null });
    assert.equal((await herd().app.inject({ method: 'PATCH', url: '/api/advocacy/settings', headers: admin.headers, payload: { sharingHours: { start: '00:00', end: '00:00' } } })).statusCode, 200);
    const share = await post(carer, '/api/advocacy/shares', { storyId: story.id, network: 'linkedin', text: 'We planted trees with our customers this spring, and I was there.' });
    assert.equal(share.statusCode, 201, share.body);
    const path = new URL(share.json().share.shortUrl as string, 'http://x').pathname;
    for (const agent of ['Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Version/17.1 Safari/604.1']) {
      assert.equal((await herd().app.inject({ method: 'GET', url: path, remoteAddress: '203.0.113.9', headers: { 'user-agent': agent } })).statusCode, 302);
    }
    await sweepAdvocacy(herd().database.db, admin.orgId);
    await sweepAdvocacy(herd().database.db, admin.orgId);
  });

  it('shows the hub and analysts every number, and spoke leads only their spoke', async () => {
    const volume = await get(analyst, `/api/insights/volume?from=${today()}&to=${today()}&topicIds=${topicId}`);
    assert.equal(volume.statusCode, 200, volume.body);
    assert.equal(volume.json().totals[0].total, 3);
    assert.equal(volume.json().spokeIds, null);
    const times = await get(admin, `/api/insights/response-times?from=${today()}&to=${today()}&by=spoke`);
    assert.equal(times.statusCode, 200, times.body);
    const care = times.json().rows.find((row: { key: string }) => row.key === careId);
    assert.deepEqual([care.name, care.opened, care.replies, care.firstResponse.count], ['Care', 2, 1, 1]);
    assert.ok(care.firstResponse.medianSeconds !== null && care.firstResponse.medianSeconds < 120, 'answered within seconds of opening');
    const lead = await get(careLead, `/api/insights/response-times?from=${today()}&to=${today()}`);
    assert.equal(lead.statusCode, 200, lead.body);
    assert.deepEqual(lead.json().spokeIds, [careId]);
    assert.deepEqual([lead.json().rows[0].opened, lead.json().rows[0].firstResponse.count], [2, 1]);
    const participation = await get(careLead, `/api/insights/participation?from=${today()}&to=${today()}`);
    assert.deepEqual(participation.json().spokes.map((row: { name: string; members: number; repliers: number; replies: number }) => [row.name, row.members, row.repliers, row.replies]), [['Care', 2, 1, 1]]);
    const backlog = await get(admin, '/api/insights/backlog');
    assert.equal(backlog.statusCode, 200, backlog.body);
    const careQueue = backlog.json().spokes.find((row: { spokeId: string }) => row.spokeId === careId);
    assert.equal(careQueue.open, 1, 'one of the two Care conversations was answered');
    assert.ok(backlog.json().spokes.some((row: { spokeId: string | null; name: string }) => row.spokeId === null && row.name === 'Hub queue'));
    const voice = await get(admin, '/api/insights/share-of-voice');
    assert.deepEqual(voice.json().topics.map((row: { name: string; mentions: number; share: number }) => [row.name, row.mentions, row.share]), [['Acme', 3, 1]]);
    const advocacy = await get(careLead, '/api/insights/advocacy?compare=previous');
    assert.equal(advocacy.statusCode, 200, advocacy.body);
    assert.deepEqual([advocacy.json().shares, advocacy.json().sharers, advocacy.json().clicks, advocacy.json().uniqueClicks, advocacy.json().previous.shares], [1, 1, 2, 2, 0]);
    assert.match(advocacy.json().earnedMediaValue.expression, /^2 × /);
    assert.match(advocacy.json().formula.formula, /cost per click/);
    const storeAdvocacy = await get(admin, `/api/insights/advocacy?spokeId=${storeId}`);
    assert.equal(storeAdvocacy.json().shares, 0, 'the store\'s members shared nothing');
    assert.equal((await get(admin, '/api/insights/crises?compare=previous')).statusCode, 200);
  });

  it('answers 403 to people without insights, and to spoke leads outside their spokes or asking for crises', async () => {
    for (const route of ROUTES) assert.equal((await get(volunteer, `/api/insights/${route}`)).statusCode, 403, route);
    for (const route of ROUTES) assert.equal((await get(careLead, `/api/insights/${route}?spokeId=${storeId}`)).statusCode, 403, route);
    const crises = await get(careLead, '/api/insights/crises');
    assert.equal(crises.statusCode, 403);
    assert.equal(crises.json().error.code, 'FORBIDDEN');
  });

  it('answers 404 for a spoke of another organization or none, whoever asks', async () => {
    for (const who of [admin, careLead, volunteer]) {
      for (const spokeId of [otherOrgSpokeId, randomUUID()]) {
        const response = await get(who, `/api/insights/volume?spokeId=${spokeId}`);
        assert.equal(response.statusCode, 404, `${response.body}`);
        assert.equal(response.json().error.code, 'NOT_FOUND');
      }
    }
  });

  it('refuses bad days, reversed or over-long ranges, hourly charts of long ranges and unknown groupings, naming the field', async () => {
    const problems: [string, string][] = [
      ['/api/insights/volume?from=2026-02-30', 'query.from'],
      ['/api/insights/volume?from=2026-03-10&to=2026-03-01', 'query.from'],
      ['/api/insights/sla?from=2024-01-01&to=2025-06-01', 'query.from'],
      ['/api/insights/volume?from=2026-01-01&to=2026-03-01&interval=hour', 'query.interval'],
      ['/api/insights/response-times?by=team', 'by'],
      ['/api/insights/volume?topicIds=not-a-uuid', 'topicIds'],
      ['/api/insights/volume?compare=next', 'compare'],
    ];
    for (const [url, field] of problems) {
      const response = await get(admin, url);
      assert.equal(response.statusCode, 400, `${url}: ${response.body}`);
      assert.equal(response.json().error.code, 'VALIDATION_FAILED', url);
      assert.match(response.body, new RegExp(field.replace('.', '\\.')), url);
    }
  });

  it('answers the previous period of the same length beside the current one', async () => {
    const response = await get(admin, `/api/insights/volume?from=${today()}&to=${today()}&compare=previous&interval=hour`);
    assert.equal(response.statusCode, 200, response.body);
    const { from, to, series, previous } = response.json();
    assert.deepEqual([from, to], [today(), today()]);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual([previous.from, previous.to, previous.series.length, series.length], [yesterday, yesterday, 24, 24]);
    assert.equal(previous.totals[0].total, 0);
  });

  it('exports each table as CSV, the previous period\'s rows after the current ones', async () => {
    const response = await get(admin, `/api/insights/response-times?from=${today()}&to=${today()}&by=spoke&compare=previous&format=csv`);
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.equal(response.headers['content-disposition'], `attachment; filename="insights-response-times-${today()}-${today()}.csv"`);
    const lines = response.body.trim().split('\r\n');
    assert.match(lines[0]!, /^period,from,to,key,name,opened,replies,first_response_count,first_response_mean_seconds,first_response_median_seconds/);
    assert.ok(lines.some((line) => line.startsWith(`current,${today()},${today()},${careId},Care,2,1,1,`)), lines.join('\n'));
    for (const route of [...ROUTES, 'crises']) {
      const csv = await get(admin, `/api/insights/${route}?format=csv`);
      assert.equal(csv.statusCode, 200, `${route}: ${csv.body}`);
      assert.match(String(csv.headers['content-disposition']), new RegExp(`^attachment; filename="insights-${route}-`), route);
    }
  });
});
