import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../../../connectors/index.ts';
import { forumJsonFeed, retailerBlogRss, reviewSiteAtom } from '../../../connectors/rss/feed-samples.ts';
import { chooseNewItems, storyOfFeedItem, type FeedItemStory } from './feed-item-story.ts';

const storiesOf = (document: string, url = 'https://blog.acme.example/feed') => parseFeed(Buffer.from(document), undefined, url).posts.map(storyOfFeedItem);

describe('the story a feed item makes', () => {
  it('keys it by guid, else link, with the title, a short summary and the date', () => {
    const [recall, leeds] = storiesOf(retailerBlogRss);
    assert.equal(recall!.key, 'https://www.acme-outdoor.example/blog/?p=4812');
    assert.equal(recall!.url, 'https://www.acme-outdoor.example/blog/2025/06/10/summit-2-pole-recall/');
    assert.equal(recall!.title, 'Voluntary recall: Summit 2 tent poles');
    assert.ok(recall!.summary.startsWith('We are recalling the aluminium poles'));
    assert.ok(recall!.summary.includes('free replacement & a €20 voucher'), 'HTML stripped, entities decoded');
    assert.equal(recall!.publishedAt?.toISOString(), '2025-06-10T09:00:00.000Z');
    assert.equal(leeds!.key, 'https://www.acme-outdoor.example/blog/2025/06/02/leeds-opening/');
  });

  it('takes the image the item names: Media RSS, enclosures, Atom enclosure links, JSON Feed image and attachments, else the first <img>', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><link>https://blog.acme.example/</link>
      <item><guid>thumb</guid><link>/a</link><title>A</title><pubDate>Tue, 10 Jun 2025 09:00:00 +0000</pubDate><enclosure url="/img/enclosure.jpg" type="image/jpeg" length="1"/><media:thumbnail url="https://cdn.acme.example/thumb.jpg"/></item>
      <item><guid>group</guid><link>/b</link><title>B</title><media:group><media:content url="https://cdn.acme.example/group.png" type="image/png"/></media:group></item>
      <item><guid>enclosure</guid><link>/c</link><title>C</title><enclosure url="/podcast.mp3" type="audio/mpeg" length="1"/><enclosure url="/img/c.jpg" type="image/jpeg" length="1"/></item>
      <item><guid>inline</guid><link>/d</link><title>D</title><content:encoded><![CDATA[<p>Hello <img alt="x" src="/img/first.png?w=1&amp;h=2"> <img src="/second.png"></p>]]></content:encoded></item>
      <item><guid>none</guid><link>/e</link><title>E</title><description>No picture</description><media:content url="https://cdn.acme.example/clip.mp4" medium="video"/></item>
      <item><guid>unsafe</guid><link>/f</link><title>F</title><enclosure url="javascript:alert(1)" type="image/png" length="1"/></item>
    </channel></rss>`;
    assert.deepEqual(storiesOf(rss).map((story) => story!.imageUrl), [
      'https://cdn.acme.example/thumb.jpg', 'https://cdn.acme.example/group.png', 'https://blog.acme.example/img/c.jpg',
      'https://blog.acme.example/img/first.png?w=1&h=2', null, null,
    ]);
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
      <entry><title>E1</title><id>e1</id><link href="https://news.acme.example/e1"/><link rel="enclosure" type="image/png" href="https://news.acme.example/e1.png"/><updated>2025-06-09T07:45:00Z</updated></entry>
      <entry><title>E2</title><id>e2</id><link href="https://news.acme.example/e2"/><updated>2025-06-09T07:45:00Z</updated><content type="html">&lt;p&gt;hello &lt;img src="/inline.png"&gt;&lt;/p&gt;</content></entry>
    </feed>`;
    assert.deepEqual(storiesOf(atom).map((story) => story!.imageUrl), ['https://news.acme.example/e1.png', 'https://news.acme.example/inline.png']);
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [
      { id: '1', url: 'https://news.acme.example/1', title: 'One', content_text: 'x', image: 'https://cdn.acme.example/1.jpg' },
      { id: '2', url: 'https://news.acme.example/2', title: 'Two', content_text: 'x', attachments: [{ url: 'https://cdn.acme.example/2.mp3', mime_type: 'audio/mpeg' }, { url: 'https://cdn.acme.example/2.webp', mime_type: 'image/webp' }] },
    ] });
    assert.deepEqual(storiesOf(json).map((story) => story!.imageUrl), ['https://cdn.acme.example/1.jpg', 'https://cdn.acme.example/2.webp']);
    assert.equal(storiesOf(forumJsonFeed)[0]!.imageUrl, 'https://forum.trailtalk.example/t/summit-2-pole-snapped/x.jpg', 'relative to the item');
  });

  it('makes no story of an item without a link, and uses the text when there is no title', () => {
    const rss = `<rss version="2.0"><channel><title>T</title>
      <item><guid isPermaLink="false">only-an-id</guid><title>No link</title></item>
      <item><link>https://blog.acme.example/untitled</link><description>${'A long first sentence about trees and people. '.repeat(10)}</description></item>
    </channel></rss>`;
    const [noLink, untitled] = storiesOf(rss);
    assert.equal(noLink, null);
    assert.ok(untitled!.title.startsWith('A long first sentence') && untitled!.title.length <= 120);
    assert.ok(untitled!.summary.length <= 300 && untitled!.summary.endsWith(' first sentence…'), `cut at a word: ${untitled!.summary}`);
  });

  it('keeps the review site and forum samples readable', () => {
    assert.equal(storiesOf(reviewSiteAtom)[0]!.summary.startsWith('Verdict'), true);
    assert.equal(storiesOf(forumJsonFeed)[2]!.title, 'Hat jemand Erfahrung mit dem Acme Summit 2 im Winter?');
  });
});

describe('which items become stories', () => {
  const day = 86_400_000;
  const now = Date.parse('2025-06-20T12:00:00Z');
  const item = (key: string, daysAgo: number | null): FeedItemStory => ({
    key, url: `https://blog.acme.example/${key}`, title: key, summary: '', imageUrl: null, publishedAt: daysAgo === null ? null : new Date(now - daysAgo * day),
  });

  it('takes unknown, dated items since the start, newest first, up to the limit', () => {
    const items = [item('old', 20), item('b', 2), item('a', 1), item('known', 1), item('undated', null), null, item('c', 3)];
    const choice = chooseNewItems(items, new Set(['known']), new Date(now - 14 * day), 2);
    assert.deepEqual(choice.chosen.map((chosen) => chosen.key), ['a', 'b']);
    assert.equal(choice.known, 1);
    assert.equal(choice.leftOut, 4, 'old, undated, no link, and c beyond the limit');
  });
});
