import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { describeHttp, type SignedIn } from '../../server/test-app.ts';
import { jobs } from '../../jobs/jobs.schema.ts';
import { advocacyPoints } from './advocacy.schema.ts';
import { setAdvocacyPaused } from './shares/advocacy-settings.ts';
import { openScheduledShare } from './shares/open-scheduled-share.job.ts';
import { startStoryPages, type StoryPages } from './stories/story-pages.fixture.ts';

const TALKING_POINT = 'We planted one thousand trees together with our customers across twelve cities this spring';

describeHttp('stories and shares', (herd) => {
  let pages: StoryPages;
  let admin: SignedIn;
  let prLead: SignedIn;
  let careLead: SignedIn;
  let storeLead: SignedIn;
  let volunteer: SignedIn;
  let careId: string;
  let storeId: string;
  let sharers = 0;

  const as = (who: SignedIn) => ({
    get: (url: string) => herd().app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object = {}) => herd().app.inject({ method: 'POST', url, headers: who.headers, payload }),
    patch: (url: string, payload: object) => herd().app.inject({ method: 'PATCH', url, headers: who.headers, payload }),
  });
  const created = async (response: Awaited<ReturnType<ReturnType<typeof as>['post']>>) => {
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };
  /** A live hub story of the blog page, with the given fields. */
  const liveStory = async (fields: object = {}) => created(await as(admin).post('/api/advocacy/stories', { url: `${pages.origin}/blog/spring`, talkingPoints: [TALKING_POINT], ...fields }));
  /** A fresh volunteer in Care, so caps and points start from zero. */
  const newSharer = async (profile: object = {}) => {
    const who = await herd().signInAs('volunteer', { spokeId: careId, email: `sharer-${++sharers}@acme.test` });
    if (Object.keys(profile).length > 0) assert.equal((await as(admin).patch(`/api/people/${who.personId}`, profile)).statusCode, 200);
    return who;
  };
  const pointsOf = async (personId: string) => herd().database.db.select().from(advocacyPoints).where(eq(advocacyPoints.personId, personId));
  const setSettings = async (patch: object) => {
    const response = await as(admin).patch('/api/advocacy/settings', patch);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const ALL_DAY = { sharingHours: { start: '00:00', end: '00:00' }, maxSharesPerPersonPerDay: 50, maxSharesPerStoryPerHour: 500, identicalTextWindowMinutes: 60 };

  before(async () => {
    pages = await startStoryPages();
    admin = await herd().signInAs('hub_admin');
    careId = (await as(admin).post('/api/spokes', { kind: 'department', name: 'Care' })).json().id;
    storeId = (await as(admin).post('/api/spokes', { kind: 'store', name: 'Leeds' })).json().id;
    prLead = await herd().signInAs('pr_lead');
    careLead = await herd().signInAs('spoke_lead', { spokeId: careId });
    storeLead = await herd().signInAs('spoke_lead', { spokeId: storeId });
    volunteer = await herd().signInAs('volunteer', { spokeId: careId });
    await setSettings(ALL_DAY);
  });
  after(() => pages.close());

  it('reads a story page through the guard, and refuses a bad one with the reason', async () => {
    const read = await as(volunteer).post('/api/advocacy/story-metadata', { url: `${pages.origin}/blog/spring` });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().title, 'Spring at Acme & friends');
    const pdf = await as(volunteer).post('/api/advocacy/story-metadata', { url: `${pages.origin}/report.pdf` });
    assert.equal(pdf.statusCode, 400);
    assert.equal(pdf.json().error.details.reason, 'not_html');
  });

  it('publishes for the hub and for a lead\'s own spoke, and takes everyone else\'s story as a suggestion', async () => {
    const hub = await liveStory({ hashtags: ['AcmeTrees', '#Spring'] });
    assert.deepEqual([hub.status, hub.origin, hub.title, hub.siteName, hub.hashtags], ['live', 'hub', 'Spring at Acme & friends', 'Acme Blog', ['#AcmeTrees', '#Spring']]);
    const spoke = await created(await as(careLead).post('/api/advocacy/stories', { url: `${pages.origin}/blog/video`, spokeId: careId }));
    assert.deepEqual([spoke.status, spoke.origin], ['live', 'spoke']);
    const elsewhere = await created(await as(careLead).post('/api/advocacy/stories', { url: `${pages.origin}/blog/video`, spokeId: storeId }));
    assert.deepEqual([elsewhere.status, elsewhere.origin], ['suggested', 'employee']);
    const suggested = await created(await as(volunteer).post('/api/advocacy/stories', { url: `${pages.origin}/blog/plain`, status: 'live' }));
    assert.deepEqual([suggested.status, suggested.origin], ['suggested', 'employee']);
    const draft = await created(await as(admin).post('/api/advocacy/stories', { url: `${pages.origin}/blog/plain`, status: 'draft' }));
    assert.equal(draft.status, 'draft');
    assert.equal((await as(volunteer).post('/api/advocacy/stories', { url: `${pages.origin}/blog/spring`, spokeId: '00000000-0000-4000-8000-000000000000' })).statusCode, 404);
    const bad = await as(admin).post('/api/advocacy/stories', { url: `${pages.origin}/blog/spring`, startsAt: '2027-02-01T00:00:00Z', endsAt: '2027-01-01T00:00:00Z' });
    assert.equal(bad.statusCode, 400);
  });

  it('lets the leads of the story\'s spoke or the hub review it, and gives the suggester points once', async () => {
    const suggester = await newSharer();
    const story = await created(await as(suggester).post('/api/advocacy/stories', { url: `${pages.origin}/blog/spring`, spokeId: careId }));
    assert.equal((await as(storeLead).post(`/api/advocacy/stories/${story.id}/review`, { decision: 'approve' })).statusCode, 404, 'another spoke\'s lead does not see it');
    assert.equal((await as(suggester).post(`/api/advocacy/stories/${story.id}/review`, { decision: 'approve' })).statusCode, 403, 'the suggester');
    assert.equal((await as(suggester).patch(`/api/advocacy/stories/${story.id}`, { title: 'Mine' })).statusCode, 403);
    assert.equal((await as(storeLead).get(`/api/advocacy/stories/${story.id}`)).statusCode, 404, 'a suggestion is seen by its spoke\'s leads only');
    const approved = await as(careLead).post(`/api/advocacy/stories/${story.id}/review`, { decision: 'approve', note: 'Nice find' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.deepEqual([approved.json().status, approved.json().reviewedBy, approved.json().reviewNote], ['live', careLead.personId, 'Nice find']);
    assert.equal((await as(careLead).post(`/api/advocacy/stories/${story.id}/review`, { decision: 'approve' })).statusCode, 409, 'reviewed once');
    assert.deepEqual((await pointsOf(suggester.personId)).map((p) => [p.action, p.points, p.refId]), [['story_approved', 20, story.id]]);

    const other = await created(await as(suggester).post('/api/advocacy/stories', { url: `${pages.origin}/blog/plain` }));
    assert.equal((await as(careLead).post(`/api/advocacy/stories/${other.id}/review`, { decision: 'reject' })).statusCode, 404, 'a hub suggestion is for the hub');
    const rejected = await as(prLead).post(`/api/advocacy/stories/${other.id}/review`, { decision: 'reject', note: 'Off brand' });
    assert.deepEqual([rejected.json().status, rejected.json().reviewNote], ['rejected', 'Off brand']);
    assert.equal((await pointsOf(suggester.personId)).length, 1);

    const paused = await as(careLead).post(`/api/advocacy/stories/${story.id}/pause`, { paused: true });
    assert.equal(paused.json().status, 'paused');
    assert.equal((await as(careLead).post(`/api/advocacy/stories/${story.id}/pause`, { paused: false })).json().status, 'live');
    const audit = (await as(admin).get(`/api/audit?targetId=${story.id}`)).json().items.map((e: { action: string }) => e.action);
    for (const action of ['story.created', 'story.approved', 'story.paused', 'story.resumed']) assert.ok(audit.includes(action), `${action} in ${audit}`);
  });

  it('lists stories newest first in keyset pages, with filters', async () => {
    const first = await as(admin).get('/api/advocacy/stories?limit=2');
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().items.length, 2);
    const second = await as(admin).get(`/api/advocacy/stories?limit=2&cursor=${first.json().nextCursor}`);
    const ids = [...first.json().items, ...second.json().items].map((s: { id: string }) => s.id);
    assert.equal(new Set(ids).size, 4);
    const suggested = (await as(admin).get('/api/advocacy/stories?status=suggested&limit=100')).json().items;
    assert.ok(suggested.length > 0 && suggested.every((s: { status: string }) => s.status === 'suggested'));
    const seenByVolunteer = (await as(volunteer).get('/api/advocacy/stories?limit=100')).json().items;
    assert.ok(seenByVolunteer.every((s: { status: string; createdBy: string }) => s.status === 'live' || s.createdBy === volunteer.personId));
  });

  it('builds a volunteer\'s feed from their spokes, skills and languages, with ended stories shown as expired', async () => {
    const reader = await newSharer({ skills: [{ topic: 'Returns', level: 2 }], languages: ['en'] });
    const day = 86_400_000;
    const forSkill = await liveStory({ audienceSkills: ['returns'] });
    const forGerman = await liveStory({ audienceLanguages: ['de'] });
    const forStore = await liveStory({ audienceSpokeIds: [storeId] });
    const forCare = await liveStory({ audienceSpokeIds: [careId], audienceLanguages: ['en', 'fr'] });
    const ended = await liveStory({ startsAt: new Date(Date.now() - 3 * day).toISOString(), endsAt: new Date(Date.now() - day).toISOString() });
    const later = await liveStory({ startsAt: new Date(Date.now() + day).toISOString() });
    const feed = (await as(reader).get('/api/advocacy/feed')).json().items as { id: string; status: string; expired: boolean }[];
    const ids = feed.map((s) => s.id);
    for (const story of [forSkill, forCare, ended]) assert.ok(ids.includes(story.id));
    for (const story of [forGerman, forStore, later]) assert.equal(ids.includes(story.id), false);
    const shownEnded = feed.find((s) => s.id === ended.id)!;
    assert.deepEqual([shownEnded.status, shownEnded.expired], ['expired', true]);
    assert.equal(ids.at(-1), ended.id, 'expired stories come last');
  });

  it('previews a share: the policy, the near-copy nudge, the disclosure added, the short link', async () => {
    const sharer = await newSharer();
    const story = await liveStory();
    const preview = await as(sharer).post('/api/advocacy/shares/preview', { storyId: story.id, network: 'bluesky', text: `Proud of this: ${TALKING_POINT}! ${story.url}` });
    assert.equal(preview.statusCode, 200, preview.body);
    const body = preview.json();
    assert.equal(body.mayShare, true, preview.body);
    assert.equal(body.nudges[0]?.ruleId, 'own-words', 'a near-copy of the talking points is nudged');
    assert.equal(body.disclosureAdded, '(I work at Acme) #AcmeTeam');
    assert.ok(body.text.includes('(I work at Acme) #AcmeTeam'));
    assert.ok(body.text.includes(`${herd().config.publicUrl.replace(/\/$/, '')}/s/`) && !body.text.includes(story.url), 'the story URL becomes the short link');
    const blocked = (await as(sharer).post('/api/advocacy/shares/preview', { storyId: story.id, network: 'linkedin', text: 'Cannot wait for the Project Falcon launch!' })).json();
    assert.equal(blocked.mayShare, false);
    assert.equal(blocked.whyNot[0].code, 'policy');
    assert.equal(blocked.disclosureAdded, null, 'the starter policy asks for disclosure on Mastodon and Bluesky only');
  });

  it('refuses a share that breaks the policy, and opens one that does not, with its tracked link, intent URL and points once', async () => {
    const sharer = await newSharer();
    const story = await liveStory();
    const blocked = await as(sharer).post('/api/advocacy/shares', { storyId: story.id, network: 'x', text: 'Project Falcon is coming' });
    assert.equal(blocked.statusCode, 422);
    assert.equal(blocked.json().error.code, 'SHARE_BLOCKED');
    const share = (await created(await as(sharer).post('/api/advocacy/shares', { storyId: story.id, network: 'x', text: 'Our team planted trees this spring, I helped in Leeds.' }))).share;
    assert.equal(share.status, 'opened');
    const code = share.shortUrl.split('/s/')[1];
    assert.ok(share.text.endsWith(share.shortUrl));
    assert.equal(share.intentUrl, `https://twitter.com/intent/tweet?text=${encodeURIComponent(share.text)}`);
    const link = await herd().app.inject({ method: 'GET', url: `/s/${code}` });
    assert.equal(link.statusCode, 302, link.body);
    const target = new URL(link.headers.location as string);
    assert.deepEqual(['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'].map((k) => target.searchParams.get(k)), ['x', 'employee-share', story.id, share.id]);
    assert.deepEqual((await pointsOf(sharer.personId)).map((p) => [p.action, p.refId]), [['share', share.id]]);
    const mine = (await as(sharer).get('/api/advocacy/shares/mine')).json().items;
    assert.deepEqual(mine.map((s: { id: string }) => s.id), [share.id]);
    const one = await as(sharer).get(`/api/advocacy/shares/${share.id}`);
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().shortUrl, share.shortUrl);
    assert.equal((await as(admin).get(`/api/advocacy/shares/${share.id}`)).statusCode, 404, 'a share is its sharer\'s own');
    const audit = (await as(admin).get(`/api/audit?targetId=${share.id}`)).json().items[0];
    assert.equal(audit.action, 'share.created');
    assert.equal(audit.after.policyVersion, 0);
  });

  it('gives every network a way to share', async () => {
    const sharer = await newSharer();
    const story = await liveStory();
    const intents: [string, RegExp][] = [
      ['linkedin', /^https:\/\/www\.linkedin\.com\/sharing\/share-offsite\/\?url=http/],
      ['facebook', /^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=http/],
      ['email', /^mailto:\?subject=Spring%20at%20Acme%20%26%20friends&body=/],
      ['bluesky', /^https:\/\/bsky\.app\/intent\/compose\?text=.*I%20work%20at%20Acme/],
      ['mastodon', /^https:\/\/mastodon\.social\/share\?text=/],
    ];
    for (const [network, intent] of intents) {
      const response = await as(sharer).post('/api/advocacy/shares', { storyId: story.id, network, text: `Sharing on ${network}: we did a lot this spring, come and see.`, mastodonInstance: 'mastodon.social' });
      assert.match((await created(response)).share.intentUrl, intent, network);
    }
    const noServer = await as(sharer).post('/api/advocacy/shares', { storyId: story.id, network: 'mastodon', text: 'Hello from my server' });
    assert.equal(noServer.statusCode, 400);
  });

  it('holds the guard rails: identical text, caps, sharing hours, the pause switch, stories that are not live', async () => {
    const story = await liveStory();
    const [first, second] = [await newSharer(), await newSharer()];
    await created(await as(first).post('/api/advocacy/shares', { storyId: story.id, network: 'linkedin', text: 'Look what we did this spring!' }));
    const copy = await as(second).post('/api/advocacy/shares', { storyId: story.id, network: 'x', text: 'look what we did, this spring' });
    assert.equal(copy.statusCode, 409);
    assert.equal(copy.json().error.code, 'SHARE_REFUSED');
    assert.equal(copy.json().error.details.reason, 'identical_text');

    await setSettings({ maxSharesPerPersonPerDay: 1 });
    const capped = await as(first).post('/api/advocacy/shares', { storyId: story.id, network: 'x', text: 'Once more, in other words' });
    assert.equal(capped.statusCode, 429);
    assert.equal(capped.json().error.details.reason, 'person_cap');
    await setSettings({ maxSharesPerPersonPerDay: 50, maxSharesPerStoryPerHour: 1 });
    assert.equal((await as(second).post('/api/advocacy/shares', { storyId: story.id, network: 'x', text: 'My own take on it' })).json().error.details.reason, 'story_cap');
    await setSettings(ALL_DAY);

    const hour = new Date().getUTCHours();
    const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
    await setSettings({ sharingHours: { start: hh(hour + 6), end: hh(hour + 7) } });
    const late = await as(second).post('/api/advocacy/shares', { storyId: story.id, network: 'x', text: 'Out of hours' });
    assert.equal(late.json().error.details.reason, 'outside_sharing_hours', late.body);
    await setSettings(ALL_DAY);

    await setAdvocacyPaused(herd().database.db, admin.orgId, true, 'A crisis is open');
    const paused = await as(second).post('/api/advocacy/shares', { storyId: story.id, network: 'x', text: 'During a crisis' });
    assert.equal(paused.statusCode, 409);
    assert.match(paused.json().error.message, /A crisis is open/);
    assert.equal((await as(admin).get('/api/advocacy/settings')).json().paused, true);
    await setAdvocacyPaused(herd().database.db, admin.orgId, false, null);

    const tomorrow = await liveStory({ startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    assert.equal((await as(second).post('/api/advocacy/shares', { storyId: tomorrow.id, network: 'x', text: 'Too early' })).json().error.details.reason, 'story_not_live');
    await as(admin).post(`/api/advocacy/stories/${story.id}/pause`, { paused: true });
    assert.equal((await as(second).post('/api/advocacy/shares', { storyId: story.id, network: 'x', text: 'A paused story' })).statusCode, 404, 'a paused story is out of sight');
  });

  it('schedules a share in the sharer\'s time zone, re-checks it when due, and scores it once', async () => {
    const sharer = await newSharer({ timeZone: 'America/New_York' });
    const story = await liveStory();
    const response = await as(sharer).post('/api/advocacy/shares', { storyId: story.id, network: 'linkedin', text: 'Planting trees in January, who knew.', scheduledFor: '2027-01-15T09:00' });
    const { share } = await created(response);
    assert.deepEqual([share.status, share.scheduledFor], ['scheduled', '2027-01-15T14:00:00.000Z']);
    const [job] = await herd().database.db.select().from(jobs).where(and(eq(jobs.kind, 'advocacy.open-scheduled-share'), eq(jobs.key, `advocacy-share-open:${share.id}`)));
    assert.equal(job?.runAt.toISOString(), '2027-01-15T14:00:00.000Z');
    assert.equal((await pointsOf(sharer.personId)).length, 0, 'points when it goes out');
    const due = new Date('2027-01-15T14:00:00Z');
    await openScheduledShare(herd().database.db, share.id, due);
    await openScheduledShare(herd().database.db, share.id, due);
    const [opened] = (await as(sharer).get('/api/advocacy/shares/mine')).json().items;
    assert.equal(opened.status, 'opened');
    assert.equal((await pointsOf(sharer.personId)).length, 1);

    const later = (await created(await as(sharer).post('/api/advocacy/shares', { storyId: story.id, network: 'x', text: 'And again in February.', scheduledFor: '2027-02-01T10:00' }))).share;
    await setAdvocacyPaused(herd().database.db, admin.orgId, true, 'A crisis is open');
    await openScheduledShare(herd().database.db, later.id, new Date('2027-02-01T15:00:00Z'));
    await setAdvocacyPaused(herd().database.db, admin.orgId, false, null);
    const cancelled = (await as(sharer).get('/api/advocacy/shares/mine')).json().items.find((s: { id: string }) => s.id === later.id);
    assert.equal(cancelled.status, 'cancelled');
    assert.match(cancelled.lastError, /paused: A crisis is open/);
    assert.equal((await as(sharer).post('/api/advocacy/shares', { storyId: story.id, network: 'x', text: 'Yesterday', scheduledFor: '2020-01-01T09:00' })).statusCode, 400);
  });

  it('keeps the settings for hub admins', async () => {
    assert.equal((await as(prLead).patch('/api/advocacy/settings', { paused: true })).statusCode, 403);
    const saved = await setSettings({ points: { share: 3, click: 1, story_approved: 5, helpful_answer: 2 } });
    assert.equal(saved.points.share, 3);
    const audit = (await as(admin).get('/api/audit')).json().items.map((e: { action: string }) => e.action);
    assert.ok(audit.includes('advocacy.settings-saved'));
  });
});
