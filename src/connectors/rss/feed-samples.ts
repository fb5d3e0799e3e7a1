// Real-shaped feed documents for tests and the local feed server: a retailer's blog
// (RSS 2.0 as WordPress writes it), a review site (Atom 1.0) and a community forum
// (JSON Feed 1.1), each with the quirks real feeds have and a few broken items.

export const retailerBlogRss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
  xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
  <title>Acme Outdoor &#8211; Trail Notes</title>
  <atom:link href="https://www.acme-outdoor.example/blog/feed/" rel="self" type="application/rss+xml" />
  <link>https://www.acme-outdoor.example/blog/</link>
  <description>News, gear care and store events from Acme Outdoor</description>
  <lastBuildDate>Tue, 10 Jun 2025 09:12:44 +0000</lastBuildDate>
  <language>en-GB</language>
  <sy:updatePeriod>hourly</sy:updatePeriod>
  <sy:updateFrequency>1</sy:updateFrequency>
  <generator>https://wordpress.org/?v=6.5.4</generator>
  <item>
    <title>Voluntary recall: Summit 2 tent poles</title>
    <link>https://www.acme-outdoor.example/blog/2025/06/10/summit-2-pole-recall/</link>
    <comments>https://www.acme-outdoor.example/blog/2025/06/10/summit-2-pole-recall/#respond</comments>
    <dc:creator><![CDATA[Maria Lopez]]></dc:creator>
    <pubDate>Tue, 10 Jun 2025 09:00:00 +0000</pubDate>
    <category><![CDATA[Safety]]></category>
    <guid isPermaLink="false">https://www.acme-outdoor.example/blog/?p=4812</guid>
    <description><![CDATA[We are recalling the aluminium poles sold with Summit 2 tents between March and May 2025. [&#8230;]]]></description>
    <content:encoded><![CDATA[<p>We are recalling the aluminium poles sold with <strong>Summit&nbsp;2</strong> tents between March and May 2025.</p>
<p>A supplier batch can crack in cold weather. Bring the poles to any store for a free replacement &amp; a &euro;20 voucher, or <a href="https://www.acme-outdoor.example/recall">request a kit by post</a>.</p>
<script>trackRecallView()</script>]]></content:encoded>
    <wfw:commentRss>https://www.acme-outdoor.example/blog/2025/06/10/summit-2-pole-recall/feed/</wfw:commentRss>
    <slash:comments>14</slash:comments>
  </item>
  <item>
    <title>Our Leeds store opens on 21 June</title>
    <link>https://www.acme-outdoor.example/blog/2025/06/02/leeds-opening/</link>
    <author>press@acme-outdoor.example (Acme Press Office)</author>
    <pubDate>Mon, 02 Jun 2025 07:30:00 GMT</pubDate>
    <guid>https://www.acme-outdoor.example/blog/2025/06/02/leeds-opening/</guid>
    <description>&lt;p&gt;Free coffee, a bouldering wall &amp;amp; repair caf&amp;eacute; &amp;mdash; come and say hello on Briggate.&lt;/p&gt;</description>
  </item>
  <item>
    <title>How to re-proof a waterproof jacket</title>
    <link>/blog/2025/05/20/reproofing-guide/</link>
    <dc:creator>Sam O'Neill</dc:creator>
    <pubDate>Tue, 20 May 2025 12:00:00 BST</pubDate>
    <guid isPermaLink="false">acme-blog-3977</guid>
    <description><![CDATA[<p>Wash, tumble, spray: three steps that keep you dry for another season.</p>]]></description>
  </item>
  <item>
    <title>Draft without a link or guid</title>
    <description>This item cannot be identified, so it is skipped.</description>
  </item>
  <item>
    <guid isPermaLink="false">acme-blog-empty</guid>
  </item>
</channel>
</rss>
`;

export const retailerBlogIds = [
  'https://www.acme-outdoor.example/blog/?p=4812',
  'https://www.acme-outdoor.example/blog/2025/06/02/leeds-opening/',
  'acme-blog-3977',
];

/** A new post as WordPress would add it at the top of the feed. */
export const retailerBlogNewItem = `  <item>
    <title>Summit 2 recall: your questions answered</title>
    <link>https://www.acme-outdoor.example/blog/2025/06/11/recall-faq/</link>
    <dc:creator><![CDATA[Maria Lopez]]></dc:creator>
    <pubDate>Wed, 11 Jun 2025 08:00:00 +0000</pubDate>
    <guid isPermaLink="false">https://www.acme-outdoor.example/blog/?p=4820</guid>
    <description><![CDATA[Do I need a receipt? No. Can I keep using the tent? Only with the replacement poles.]]></description>
  </item>
`;

export const reviewSiteAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="en-US" xml:base="https://gearcritic.example/">
  <title type="text">GearCritic &#8212; latest reviews</title>
  <subtitle type="html">Independent tests of outdoor gear</subtitle>
  <link rel="alternate" type="text/html" href="https://gearcritic.example/"/>
  <link rel="self" type="application/atom+xml" href="https://gearcritic.example/reviews.atom"/>
  <id>tag:gearcritic.example,2009:reviews</id>
  <updated>2025-06-09T18:20:00Z</updated>
  <author><name>GearCritic editors</name><uri>https://gearcritic.example/about</uri></author>
  <entry>
    <title type="html">Acme Summit 2 review: light, roomy &amp;amp; (now) recalled</title>
    <link rel="alternate" type="text/html" href="/reviews/acme-summit-2"/>
    <link rel="replies" type="application/atom+xml" href="/reviews/acme-summit-2/comments.atom" thr:count="2"/>
    <id>tag:gearcritic.example,2025:review-1182</id>
    <published>2025-06-08T10:00:00+02:00</published>
    <updated>2025-06-09T18:20:00Z</updated>
    <author><name>Priya Natarajan</name><uri>https://gearcritic.example/authors/priya</uri></author>
    <summary type="text">Three stars: a great two-person tent let down by its poles.</summary>
    <content type="html"><![CDATA[<h2>Verdict</h2><p>The <em>Summit 2</em> pitches in four minutes and sleeps two with room for packs.</p><p>One pole cracked at &minus;3&nbsp;&deg;C; Acme has since issued a recall.</p>]]></content>
  </entry>
  <entry>
    <title>Re: Acme Summit 2 review</title>
    <link href="https://gearcritic.example/reviews/acme-summit-2#comment-77"/>
    <id>tag:gearcritic.example,2025:comment-77</id>
    <thr:in-reply-to ref="tag:gearcritic.example,2025:review-1182" href="https://gearcritic.example/reviews/acme-summit-2"/>
    <updated>2025-06-09T07:45:00Z</updated>
    <author><name>trailrunner_jo</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Mine cracked too, on Snowdon. The <b>Leeds</b> store swapped it in ten minutes &amp; no receipt needed.</p></div></content>
  </entry>
  <entry>
    <title>Ridgeline 45 backpack: long-term test</title>
    <link rel="alternate" href="https://gearcritic.example/reviews/ridgeline-45"/>
    <id>tag:gearcritic.example,2025:review-1175</id>
    <updated>2025-05-30T09:00:00Z</updated>
    <summary>After 600 km the hip belt still fits &amp; the zips run smoothly: 4/5, &lt;5 only for the weight</summary>
  </entry>
  <entry>
    <title>Untitled draft</title>
  </entry>
</feed>
`;

export const reviewSiteIds = ['tag:gearcritic.example,2025:review-1182', 'tag:gearcritic.example,2025:comment-77', 'tag:gearcritic.example,2025:review-1175'];

export const forumJsonFeed = JSON.stringify(
  {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'TrailTalk forum: Tents & shelters',
    home_page_url: 'https://forum.trailtalk.example/c/tents',
    feed_url: 'https://forum.trailtalk.example/c/tents/feed.json',
    language: 'en',
    items: [
      {
        id: 'https://forum.trailtalk.example/t/summit-2-pole-snapped/9921',
        url: 'https://forum.trailtalk.example/t/summit-2-pole-snapped/9921',
        title: 'Summit 2 pole snapped on day one',
        content_html: '<p>Anyone else? Pole section 3 split at the ferrule. <img src="x.jpg" alt="cracked pole"> @AcmeOutdoor any news?</p>',
        date_published: '2025-06-07T21:14:09Z',
        authors: [{ name: 'wildcamper77', url: 'https://forum.trailtalk.example/u/wildcamper77' }],
        tags: ['tents', 'acme'],
      },
      {
        id: '9925',
        url: 'https://forum.trailtalk.example/t/best-budget-bivvy/9925',
        title: 'Best budget bivvy?',
        content_text: 'Looking for something under £80. The Acme Bivvy Lite or the Alpkit one?\n\nThanks!',
        date_published: '2025-06-08T06:02:00+01:00',
        language: 'en-GB',
      },
      {
        id: 9930,
        url: 'https://forum.trailtalk.example/t/zelt-frage/9930',
        content_text: 'Hat jemand Erfahrung mit dem Acme Summit 2 im Winter?',
        date_published: '2025-06-09T10:00:00Z',
        language: 'de',
      },
      { title: 'A post with neither id nor url', content_text: 'skipped' },
      'not an object',
    ],
  },
  null,
  2,
);

export const forumIds = ['https://forum.trailtalk.example/t/summit-2-pole-snapped/9921', '9925', '9930'];
