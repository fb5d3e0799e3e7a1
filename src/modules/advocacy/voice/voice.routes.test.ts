import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp, type SignedIn } from '../../../server/test-app.ts';
import { parseFeed } from '../../../connectors/rss/parse-feed.ts';
import { ingestPosts } from '../../listening/index.ts';
import { enrichMentions } from '../../triage/index.ts';
import { routeStoredMentions } from '../../routing/index.ts';
import { shares, stories } from '../advocacy.schema.ts';
import { voiceItems } from './voice-items.ts';

const HOSTILE_NAME = 'Zoë <script>alert("x")</script>';
const CUSTOMER_SECRET = 'my order 55501 arrived broken';

describeHttp('the aggregate voice', (herd) => {
  let admin: SignedIn;
  let volunteer: SignedIn;
  let storyId: string;
  let replyId: string;
  /** When the reply was confirmed (now): the newest item. */
  let replyAt: Date;
  let shareCount = 0;

  const get = (url: string, headers: Record<string, string> = {}) => herd().app.inject({ method: 'GET', url, headers });
  const as = (who: SignedIn) => ({
    post: (url: string, payload: object = {}) => herd().app.inject({ method: 'POST', url, headers: who.headers, payload }),
    patch: (url: string, payload: object) => herd().app.inject({ method: 'PATCH', url, headers: who.headers, payload }),
  });
  const setVoice = async (who: SignedIn, publicVoice: object) => assert.equal((await as(who).patch('/api/advocacy/settings', { publicVoice })).statusCode, 200);
  /** A share as its sharer left it: published at `url` (the confirmation another part of advocacy records), or only opened. */
  const addShare = async (values: { text: string; at: string; url?: string | null; status?: 'published' | 'opened'; network?: string; orgId?: string; personId?: string; storyId?: string }) => {
    const [row] = await herd().database.db.insert(shares).values({
      orgId: values.orgId ?? admin.orgId, storyId: values.storyId ?? storyId, personId: values.personId ?? volunteer.personId, text: values.text,
      network: values.network ?? 'mastodon', status: values.status ?? 'published', linkCode: `Voice${++shareCount}`, policyVersion: 0,
      publishedUrl: values.url === undefined ? `https://mastodon.example/@zoe/${shareCount}` : values.url, publishedAt: new Date(values.at),
    }).returning();
    return row!.id;
  };
  const articles = (html: string) => html.match(/<article>/g)?.length ?? 0;

  before(async () => {
    admin = await herd().signInAs('hub_admin');
    const care = (await as(admin).post('/api/spokes', { kind: 'department', name: 'Care' })).json().id;
    volunteer = await herd().signInAs('volunteer', { spokeId: care });
    assert.equal((await as(admin).patch(`/api/people/${volunteer.personId}`, { name: HOSTILE_NAME })).statusCode, 200);
    const [story] = await herd().database.db.insert(stories).values({ orgId: admin.orgId, url: 'https://acme.example/spring', title: 'Spring at Acme', status: 'live', origin: 'hub' }).returning();
    storyId = story!.id;

    // A customer's post, answered by the volunteer and confirmed as sent by hand at a public address.
    const db = herd().database.db;
    const source = (await as(admin).post('/api/sources', { kind: 'file', name: 'Reviews', config: {}, matchMode: 'all' })).json();
    assert.equal((await as(admin).post('/api/routing/rules', { name: 'All to Care', conditions: [], actions: { routeTo: { spokeId: care } } })).statusCode, 201);
    assert.equal((await as(admin).patch('/api/respond/settings', { urgencyThreshold: 101, reachThreshold: 1_000_000, approvalForFindings: 'none' })).statusCode, 200);
    const { mentionIds } = await ingestPosts(db, { id: source.id, orgId: admin.orgId, name: 'Reviews', matchMode: 'all' }, [{ externalId: 'review-1', text: CUSTOMER_SECRET, language: 'en' }]);
    await enrichMentions(db, admin.orgId, mentionIds);
    const [routed] = await routeStoredMentions(db, admin.orgId, mentionIds);
    assert.equal((await as(admin).post(`/api/conversations/${routed!.conversationId}/assign`, { personId: volunteer.personId })).statusCode, 200);
    const sent = await as(volunteer).post(`/api/conversations/${routed!.conversationId}/replies`, { text: 'Sorry about that, a new one is on its way & tracked.' });
    assert.equal(sent.statusCode, 201, sent.body);
    replyId = sent.json().reply.id;
    const confirmed = await as(volunteer).post(`/api/replies/${replyId}/sent-by-hand`, { url: 'https://reviews.example/r/1#reply' });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    replyAt = new Date(confirmed.json().publishedAt);

    await addShare({ text: 'Our spring planting <b>rocks</b>', at: '2025-06-05T10:00:00Z' });
    await addShare({ text: 'Only opened, never confirmed', at: '2025-06-06T10:00:00Z', status: 'opened', url: null });
    await addShare({ text: 'Sent by e-mail to friends', at: '2025-06-06T11:00:00Z', network: 'email', url: 'https://mail.example/1' });
    await addShare({ text: 'Published at a script address', at: '2025-06-06T12:00:00Z', url: 'javascript:alert(1)' });
  });

  it('answers the same 404 for an organization that did not opt in and one that does not exist, signed in or not', async () => {
    for (const path of ['', '/feed.atom', '/feed.json']) {
      const off = await get(`/voice/acme${path}`);
      const unknown = await get(`/voice/no-such-org${path}`);
      assert.equal(off.statusCode, 404, off.body);
      assert.deepEqual([unknown.statusCode, unknown.body], [off.statusCode, off.body]);
    }
    assert.equal((await get('/voice/acme', admin.headers)).statusCode, 404);
    assert.equal((await get('/voice/acme?before=nonsense')).statusCode, 404, 'a closed page does not even read the cursor');
  });

  it('shows what people published, escaped, without scripts, with where and when; nothing private', async () => {
    await setVoice(admin, { enabled: true, title: 'Acme <people>' });
    const page = await get('/voice/acme');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(String(page.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.match(String(page.headers['content-security-policy']), /^default-src 'none'/);
    assert.equal(page.headers['cache-control'], 'public, max-age=60');
    const html = page.body;
    assert.equal(/<script/i.test(html), false, 'nothing runs');
    assert.ok(html.includes('<h1>Acme &lt;people&gt;</h1>'));
    assert.ok(html.includes('<strong>Zoë &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</strong> · Care'));
    assert.ok(html.includes('Our spring planting &lt;b&gt;rocks&lt;/b&gt;'));
    assert.ok(html.includes('<a href="https://mastodon.example/@zoe/1" rel="nofollow noopener noreferrer">Shared on Mastodon</a>: <a href="https://acme.example/spring" rel="noopener">Spring at Acme</a>'));
    assert.ok(html.includes('Sorry about that, a new one is on its way &amp; tracked.'));
    assert.ok(html.includes('<a href="https://reviews.example/r/1#reply" rel="nofollow noopener noreferrer">Replied on the web</a>'));
    for (const absent of ['Only opened', 'Sent by e-mail', 'script address', CUSTOMER_SECRET]) assert.equal(html.includes(absent), false, absent);
    assert.equal(articles(html), 2);
    assert.ok(html.indexOf('Sorry about that') < html.indexOf('Our spring planting'), 'newest first');
    assert.equal(html.includes('rel="next"'), false, 'one page only');
  });

  it('publishes Atom 1.0 and JSON Feed 1.1 that a feed reader reads back', async () => {
    const atom = await get('/voice/acme/feed.atom');
    assert.equal(atom.statusCode, 200, atom.body);
    assert.match(String(atom.headers['content-type']), /^application\/atom\+xml; charset=utf-8/);
    const fromAtom = parseFeed(atom.rawPayload, String(atom.headers['content-type']), 'http://localhost:3000/voice/acme/feed.atom');
    assert.equal(fromAtom.format, 'Atom');
    assert.equal(fromAtom.title, 'Acme <people>');
    assert.deepEqual(fromAtom.posts.map((post) => [post.text, post.url, post.author?.displayName, post.createdAt]), [
      ['Sorry about that, a new one is on its way & tracked.', 'https://reviews.example/r/1#reply', HOSTILE_NAME, replyAt.toISOString()],
      ['Our spring planting <b>rocks</b>', 'https://mastodon.example/@zoe/1', HOSTILE_NAME, '2025-06-05T10:00:00.000Z'],
    ]);
    assert.equal(fromAtom.posts[0]!.externalId, `urn:uuid:${replyId}`);

    const json = await get('/voice/acme/feed.json');
    assert.match(String(json.headers['content-type']), /^application\/feed\+json; charset=utf-8/);
    assert.equal(json.json().version, 'https://jsonfeed.org/version/1.1');
    const fromJson = parseFeed(json.rawPayload, String(json.headers['content-type']), 'http://localhost:3000/voice/acme/feed.json');
    assert.deepEqual(fromJson.posts.map((post) => [post.externalId, post.text]), fromAtom.posts.map((post) => [post.externalId, post.text]));
    assert.deepEqual(json.json().items.map((item: { _herd: { kind: string; spoke: string } }) => [item._herd.kind, item._herd.spoke]), [['reply', 'Care'], ['share', 'Care']]);
  });

  it('lets caches revalidate by ETag', async () => {
    const first = await get('/voice/acme/feed.atom');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
    assert.equal(first.headers['last-modified'], replyAt.toUTCString(), 'the newest item\'s time');
    const again = await get('/voice/acme/feed.atom', { 'if-none-match': etag });
    assert.deepEqual([again.statusCode, again.body], [304, '']);
    assert.equal((await get('/voice/acme/feed.atom', { 'if-none-match': '"stale"' })).statusCode, 200);
  });

  it('pages back with an "Older" link, every item once', async () => {
    for (let day = 1; day <= 24; day++) await addShare({ text: `Spring note ${day}`, at: `2025-05-${String(day).padStart(2, '0')}T09:00:00Z` });
    const seen: string[] = [];
    let url: string | null = '/voice/acme';
    let pages = 0;
    while (url) {
      const page = await get(url);
      assert.equal(page.statusCode, 200, page.body);
      seen.push(...[...page.body.matchAll(/<p class="text">([^<]*)<\/p>/g)].map((match) => match[1]!));
      const older = /<a href="([^"]+)" rel="next">Older<\/a>/.exec(page.body)?.[1];
      url = older ? new URL(older.replaceAll('&amp;', '&')).pathname + new URL(older.replaceAll('&amp;', '&')).search : null;
      pages++;
    }
    assert.equal(pages, 2);
    assert.equal(seen.length, 26);
    assert.equal(new Set(seen).size, 26, 'no item twice');
    assert.deepEqual(seen.slice(-2), ['Spring note 2', 'Spring note 1']);
    assert.equal((await get('/voice/acme?before=nonsense')).statusCode, 400);
    assert.equal((await get('/voice/acme/feed.atom')).body.match(/<entry>/g)?.length, 26, 'the feeds carry the newest 50');
  });

  it('merges replies and shares in time order across pages, with equal times kept apart by id', async () => {
    const db = herd().database.db;
    // Two shares published the same millisecond as the reply.
    const same = replyAt.toISOString();
    const ids = [await addShare({ text: 'Tie A', at: same }), await addShare({ text: 'Tie B', at: same })];
    const first = await voiceItems(db, admin.orgId, { limit: 2 });
    const second = await voiceItems(db, admin.orgId, { limit: 2, before: first.next! });
    const three = [...first.items, ...second.items].slice(0, 3);
    assert.deepEqual(new Set(three.map((item) => item.id)), new Set([...ids, replyId]));
    assert.deepEqual(three.map((item) => item.id), [...three.map((item) => item.id)].sort().reverse(), 'ties newest-first by id');
    assert.equal(second.items[1]!.text, 'Our spring planting <b>rocks</b>');
  });

  it('shows another organization\'s page only its own people', async () => {
    const otherAdmin = await herd().signInAs('hub_admin', { org: 'globex' });
    await setVoice(otherAdmin, { enabled: true, title: 'Globex voices' });
    const page = await get('/voice/globex');
    assert.equal(page.statusCode, 200);
    assert.equal(articles(page.body), 0);
    assert.ok(page.body.includes('Nothing published yet.'));
    assert.equal((await voiceItems(herd().database.db, otherAdmin.orgId, { limit: 50 })).items.length, 0);
  });
});
