import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from '../../../connectors/rss/parse-feed.ts';
import type { VoiceDocument } from './voice-document.ts';
import type { VoiceItem } from './voice-items.ts';
import { voicePage, VOICE_PAGE_POLICY } from './voice-page.ts';
import { atomFeed, jsonFeed } from './voice-feeds.ts';

const HOSTILE = '<script>alert("owned")</script> & \'friends\'';

const items: VoiceItem[] = [
  {
    id: '00000000-0000-4000-8000-000000000002', kind: 'share', personName: `Zoë ${HOSTILE}`, spokeName: 'Care <b>team</b>',
    text: `Proud of this!\u0007 ${HOSTILE}\nhttps://herd.example/s/Abc12345`, network: 'linkedin',
    url: 'https://www.linkedin.com/feed/update/1', publishedAt: new Date('2025-06-05T10:00:00Z'), story: { title: 'Spring "at" Acme', url: 'https://acme.example/spring' },
  },
  {
    id: '00000000-0000-4000-8000-000000000001', kind: 'reply', personName: 'Ann', spokeName: null,
    text: 'Sorry about that, we refunded it.', network: 'mastodon', url: 'javascript:alert(1)', publishedAt: new Date('2025-06-04T08:30:00Z'), story: null,
  },
];

const document: VoiceDocument = {
  orgName: 'Acme & Co', title: 'Acme <voices>', description: 'What the people of Acme & Co published.',
  urls: { page: 'https://herd.example/voice/acme', atom: 'https://herd.example/voice/acme/feed.atom', json: 'https://herd.example/voice/acme/feed.json' },
  items, updated: new Date('2025-06-05T10:00:00Z'), older: 'https://herd.example/voice/acme?before=abc"def',
};

describe('the voice page and feeds', () => {
  it('renders an HTML page with everything escaped, no script, and only web addresses as links', () => {
    const html = voicePage(document);
    assert.equal(/<script/i.test(html), false);
    assert.ok(html.includes('Zoë &lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &#39;friends&#39;'), html);
    assert.ok(html.includes('<title>Acme &lt;voices&gt; · Acme &amp; Co</title>'));
    assert.ok(html.includes('Care &lt;b&gt;team&lt;/b&gt;'));
    assert.ok(html.includes('<a href="https://www.linkedin.com/feed/update/1" rel="nofollow noopener noreferrer">Shared on LinkedIn</a>: <a href="https://acme.example/spring" rel="noopener">Spring &quot;at&quot; Acme</a>'));
    assert.equal(html.includes('javascript:'), false, 'a javascript: address is no link');
    assert.ok(html.includes('Replied on Mastodon · <time datetime="2025-06-04T08:30:00.000Z">2025-06-04 08:30 UTC</time>'));
    assert.ok(html.includes('href="https://herd.example/voice/acme?before=abc&quot;def" rel="next">Older</a>'));
    assert.equal(html.includes('\u0007'), false);
    assert.match(VOICE_PAGE_POLICY, /default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    assert.equal(VOICE_PAGE_POLICY.includes('script-src'), false, 'default-src none forbids scripts');
  });

  it('writes valid Atom 1.0 that a feed reader reads back', () => {
    const atom = atomFeed(document);
    assert.equal(XMLValidator.validate(atom), true);
    const feed = parseFeed(Buffer.from(atom), 'application/atom+xml', document.urls.atom);
    assert.equal(feed.format, 'Atom');
    assert.equal(feed.title, 'Acme <voices>');
    assert.deepEqual(feed.skipped, []);
    assert.deepEqual(feed.posts.map((post) => [post.externalId, post.url, post.author?.displayName, post.createdAt]), [
      ['urn:uuid:00000000-0000-4000-8000-000000000002', 'https://www.linkedin.com/feed/update/1', `Zoë ${HOSTILE}`, '2025-06-05T10:00:00.000Z'],
      ['urn:uuid:00000000-0000-4000-8000-000000000001', undefined, 'Ann', '2025-06-04T08:30:00.000Z'],
    ]);
    assert.equal(feed.posts[0]!.text, `Proud of this! ${HOSTILE}\nhttps://herd.example/s/Abc12345`, 'the text comes back as text; the control character was dropped');
    assert.match(atom, /<category term="Care &lt;b&gt;team&lt;\/b&gt;"\/>/);
  });

  it('writes a JSON Feed 1.1 that a feed reader reads back', () => {
    const json = jsonFeed(document);
    const raw = JSON.parse(json);
    assert.equal(raw.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(raw.feed_url, document.urls.json);
    assert.deepEqual(raw.items[0]._herd, { kind: 'share', network: 'linkedin', spoke: 'Care <b>team</b>' });
    assert.equal(raw.items[1].url, undefined, 'no javascript: address');
    const feed = parseFeed(Buffer.from(json), 'application/feed+json', document.urls.json);
    assert.equal(feed.format, 'JSON Feed');
    assert.deepEqual(feed.posts.map((post) => [post.externalId, post.url, post.author?.displayName, post.text]), [
      ['urn:uuid:00000000-0000-4000-8000-000000000002', 'https://www.linkedin.com/feed/update/1', `Zoë ${HOSTILE}`, items[0]!.text], // JSON carries any character, escaped,
      ['urn:uuid:00000000-0000-4000-8000-000000000001', undefined, 'Ann', 'Sorry about that, we refunded it.'],
    ]);
  });

  it('writes a valid, empty feed when nothing was published', () => {
    const empty = { ...document, items: [], older: null };
    assert.equal(XMLValidator.validate(atomFeed(empty)), true);
    assert.deepEqual(parseFeed(Buffer.from(atomFeed(empty)), undefined, document.urls.atom).posts, []);
    assert.ok(voicePage(empty).includes('Nothing published yet.'));
  });
});
