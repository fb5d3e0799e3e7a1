import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { ConnectorError, type ConnectorContext, type Cursor, type IncomingPost, type PollResult } from '../connector.ts';
import { createGuardedHttp } from '../http/guarded-http.ts';
import { forumIds, retailerBlogIds, retailerBlogNewItem, retailerBlogRss, reviewSiteIds } from './feed-samples.ts';
import { busyRetryAfterDate, feedPaths, startFeedTestServer, testNow, type FeedTestServer } from './feed-test-server.ts';
import { rssConnector, type RssConfig } from './rss.connector.ts';

const http = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000, maxBytes: 2 * 1024 * 1024 });

function contextFor(url: string, cursor: Cursor = null): ConnectorContext<RssConfig> {
  return { config: rssConnector.parseConfig({ url }), cursor, http, signal: new AbortController().signal, now: () => testNow };
}

function byId(result: PollResult): Map<string, IncomingPost> {
  return new Map(result.posts.map((post) => [post.externalId, post]));
}

async function pollError(context: ConnectorContext<RssConfig>): Promise<ConnectorError> {
  const error = await rssConnector.poll!(context).then(
    () => assert.fail('expected the poll to fail'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ConnectorError, `expected ConnectorError, got ${String(error)}`);
  return error;
}

function validationDetails(action: () => unknown): { field: string; message: string }[] {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'VALIDATION_FAILED');
    return error.details as { field: string; message: string }[];
  }
  return assert.fail('expected VALIDATION_FAILED');
}

describe('rss connector', () => {
  let server: FeedTestServer;
  before(async () => {
    server = await startFeedTestServer();
  });
  after(() => server.close());

  describe('configuration', () => {
    it('applies the default interval and normalizes the URL', () => {
      assert.deepEqual(rssConnector.parseConfig({ url: ' https://Example.com/feed ' }), { url: 'https://example.com/feed', intervalSeconds: 600 });
      assert.deepEqual(rssConnector.parseConfig({ url: 'http://example.com/rss', intervalSeconds: 60 }), { url: 'http://example.com/rss', intervalSeconds: 60 });
    });

    it('rejects bad settings naming each field', () => {
      assert.deepEqual(validationDetails(() => rssConnector.parseConfig({ url: 'ftp://example.com/feed' })), [{ field: 'config.url', message: 'must start with http:// or https://' }]);
      assert.equal(validationDetails(() => rssConnector.parseConfig({ url: 'not a url' }))[0]!.field, 'config.url');
      assert.equal(validationDetails(() => rssConnector.parseConfig({ url: 'https://user:pw@example.com/' }))[0]!.field, 'config.url');
      assert.deepEqual(validationDetails(() => rssConnector.parseConfig({ url: 'https://example.com/', intervalSeconds: 5 })).map((p) => p.field), ['config.intervalSeconds']);
      assert.deepEqual(validationDetails(() => rssConnector.parseConfig({ url: 42, intervalSeconds: 'often', colour: 'red' })).map((p) => p.field).sort(), ['config.colour', 'config.intervalSeconds', 'config.url']);
      assert.deepEqual(validationDetails(() => rssConnector.parseConfig({})).map((p) => p.field), ['config.url']);
      assert.deepEqual(validationDetails(() => rssConnector.parseConfig(null)).map((p) => p.field), ['config']);
    });
  });

  describe('RSS 2.0', () => {
    it('reads items with content:encoded, dc:creator, entities and relative links', async () => {
      const result = await rssConnector.poll!(contextFor(server.url(feedPaths.rss)));
      assert.deepEqual(result.posts.map((post) => post.externalId), retailerBlogIds);
      assert.equal(result.nextPollInMs, 600_000);
      assert.deepEqual(result.warnings, []);
      const posts = byId(result);

      const recall = posts.get(retailerBlogIds[0]!)!;
      assert.equal(recall.title, 'Voluntary recall: Summit 2 tent poles');
      assert.equal(recall.text, 'We are recalling the aluminium poles sold with Summit 2 tents between March and May 2025.\n\nA supplier batch can crack in cold weather. Bring the poles to any store for a free replacement & a €20 voucher, or request a kit by post.');
      assert.equal(recall.url, 'https://www.acme-outdoor.example/blog/2025/06/10/summit-2-pole-recall/');
      assert.deepEqual(recall.author, { displayName: 'Maria Lopez' });
      assert.equal(recall.createdAt, '2025-06-10T09:00:00.000Z');
      assert.equal(recall.language, 'en');
      assert.equal(recall.site, 'www.acme-outdoor.example');
      assert.ok(recall.raw && typeof recall.raw === 'object');

      const leeds = posts.get(retailerBlogIds[1]!)!;
      assert.equal(leeds.text, 'Free coffee, a bouldering wall & repair café — come and say hello on Briggate.');
      assert.deepEqual(leeds.author, { displayName: 'Acme Press Office' });
      assert.equal(leeds.url, retailerBlogIds[1]);

      const guide = posts.get('acme-blog-3977')!;
      assert.equal(guide.url, 'https://www.acme-outdoor.example/blog/2025/05/20/reproofing-guide/');
      assert.equal(guide.author?.displayName, "Sam O'Neill");
    });

    it('skips items without an identity or text and still returns the rest', async () => {
      const result = await rssConnector.poll!(contextFor(server.url(feedPaths.rss)));
      assert.equal(result.skipped.length, 2);
      assert.match(result.skipped[0]!.reason, /item 4 \("Draft without a link or guid"\) has no id and no link/);
      assert.equal(result.skipped[1]!.externalId, 'acme-blog-empty');
      assert.match(result.skipped[1]!.reason, /has no text/);
    });

    it('sends the ETag back, and a 304 yields nothing and keeps the cursor', async () => {
      const first = await rssConnector.poll!(contextFor(server.url(feedPaths.rss)));
      assert.match(String(first.cursor?.etag), /^".+"$/);
      assert.ok(first.cursor?.lastModified);
      const second = await rssConnector.poll!(contextFor(server.url(feedPaths.rss), first.cursor));
      const request = server.requests.at(-1)!;
      assert.equal(request.status, 304);
      assert.equal(request.ifNoneMatch, first.cursor?.etag);
      assert.equal(request.ifModifiedSince, first.cursor?.lastModified);
      assert.deepEqual(second.posts, []);
      assert.deepEqual(second.cursor, first.cursor);
    });

    it('falls back to If-Modified-Since when the cursor has no ETag', async () => {
      const first = await rssConnector.poll!(contextFor(server.url(feedPaths.rss)));
      const { etag: _etag, ...withoutEtag } = first.cursor!;
      const second = await rssConnector.poll!(contextFor(server.url(feedPaths.rss), withoutEtag));
      assert.equal(server.requests.at(-1)!.status, 304);
      assert.deepEqual(second.posts, []);
    });

    it('yields only new items when the feed changes', async () => {
      const path = '/blog/changing/';
      server.setDocument(path, retailerBlogRss, 'application/rss+xml');
      const first = await rssConnector.poll!(contextFor(server.url(path)));
      server.setDocument(path, retailerBlogRss.replace('  <item>', `${retailerBlogNewItem}  <item>`));
      const second = await rssConnector.poll!(contextFor(server.url(path), first.cursor));
      assert.equal(server.requests.at(-1)!.status, 200);
      assert.deepEqual(second.posts.map((post) => post.externalId), ['https://www.acme-outdoor.example/blog/?p=4820']);
      assert.deepEqual((second.cursor?.seen as string[]).slice(0, 4), ['https://www.acme-outdoor.example/blog/?p=4820', ...retailerBlogIds]);
    });

    it('keeps the remembered ids bounded', async () => {
      const old = Array.from({ length: 600 }, (_, i) => `old-${i}`);
      const result = await rssConnector.poll!(contextFor(server.url(feedPaths.rss), { seen: old }));
      const seen = result.cursor?.seen as string[];
      assert.equal(seen.length, 500);
      assert.deepEqual(seen.slice(0, 3), retailerBlogIds);
    });

    it('starts afresh from a cursor it does not understand', async () => {
      const result = await rssConnector.poll!(contextFor(server.url(feedPaths.rss), { etag: 7, seen: 'nope', other: true }));
      assert.equal(result.posts.length, 3);
    });

    it('follows a permanent redirect to the feed', async () => {
      const result = await rssConnector.poll!(contextFor(server.url('/moved')));
      assert.equal(result.posts.length, 3);
    });

    it('decodes a feed declared as ISO-8859-1', async () => {
      const result = await rssConnector.poll!(contextFor(server.url('/quirks/latin1.xml')));
      assert.deepEqual(result.warnings, []);
      assert.equal(result.posts[0]!.title, 'Crème brûlée à la carte');
      assert.equal(result.posts[0]!.text, 'Délicieux, merci Acme !');
      assert.equal(result.posts[0]!.language, 'fr');
      assert.equal(result.posts[0]!.site, 'cafe-montagne.example');
    });

    it('reads a feed with invalid UTF-8, replacing the bad bytes and saying so', async () => {
      const result = await rssConnector.poll!(contextFor(server.url('/quirks/bad-utf8.xml')));
      assert.equal(result.posts.length, 3);
      assert.match(result.posts[0]!.title!, /^R\ufffdc\ufffdall: Voluntary recall/);
      assert.equal(result.warnings.length, 1);
      assert.match(result.warnings[0]!, /not valid UTF-8: 2 invalid byte sequences were replaced/);
    });
  });

  describe('Atom 1.0', () => {
    it('reads entries with html, xhtml and text content, authors, threading and relative links', async () => {
      const result = await rssConnector.poll!(contextFor(server.url(feedPaths.atom)));
      assert.deepEqual(result.posts.map((post) => post.externalId), reviewSiteIds);
      const posts = byId(result);

      const review = posts.get(reviewSiteIds[0]!)!;
      assert.equal(review.title, 'Acme Summit 2 review: light, roomy & (now) recalled');
      assert.equal(review.text, 'Verdict\n\nThe Summit 2 pitches in four minutes and sleeps two with room for packs.\n\nOne pole cracked at −3 °C; Acme has since issued a recall.');
      assert.equal(review.url, 'https://gearcritic.example/reviews/acme-summit-2');
      assert.deepEqual(review.author, { displayName: 'Priya Natarajan', profileUrl: 'https://gearcritic.example/authors/priya' });
      assert.equal(review.createdAt, '2025-06-08T08:00:00.000Z');
      assert.equal(review.language, 'en');
      assert.equal(review.site, 'gearcritic.example');

      const comment = posts.get(reviewSiteIds[1]!)!;
      assert.equal(comment.inReplyToExternalId, reviewSiteIds[0]);
      assert.equal(comment.text, 'Mine cracked too, on Snowdon. The Leeds store swapped it in ten minutes & no receipt needed.');
      assert.equal(comment.createdAt, '2025-06-09T07:45:00.000Z');
      assert.deepEqual(comment.author, { displayName: 'trailrunner_jo' });

      const backpack = posts.get(reviewSiteIds[2]!)!;
      // A text summary is plain text: decoded, but nothing in it is markup to strip.
      assert.equal(backpack.text, 'After 600 km the hip belt still fits & the zips run smoothly: 4/5, <5 only for the weight');
      assert.deepEqual(backpack.author, { displayName: 'GearCritic editors', profileUrl: 'https://gearcritic.example/about' });

      assert.deepEqual(result.skipped, [{ reason: 'entry 4 ("Untitled draft") has no id and no link, so it cannot be told apart from other entries' }]);
    });

    it('reads Atom written with a namespace prefix', async () => {
      const prefixed = '<?xml version="1.0"?><a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title><a:link href="https://p.example/"/>'
        + '<a:entry><a:id>urn:p:1</a:id><a:title>Hello</a:title><a:content type="html">&lt;p&gt;Prefixed &amp;amp; fine&lt;/p&gt;</a:content></a:entry></a:feed>';
      server.setDocument('/prefixed.atom', prefixed, 'application/atom+xml');
      const result = await rssConnector.poll!(contextFor(server.url('/prefixed.atom')));
      assert.deepEqual(result.posts.map((post) => [post.externalId, post.text, post.site]), [['urn:p:1', 'Prefixed & fine', 'p.example']]);
    });
  });

  describe('JSON Feed 1.1', () => {
    it('reads items with HTML or text content, authors and languages', async () => {
      const result = await rssConnector.poll!(contextFor(server.url(feedPaths.json)));
      assert.deepEqual(result.posts.map((post) => post.externalId), forumIds);
      const posts = byId(result);
      const snapped = posts.get(forumIds[0]!)!;
      assert.equal(snapped.text, 'Anyone else? Pole section 3 split at the ferrule. cracked pole @AcmeOutdoor any news?');
      assert.deepEqual(snapped.author, { displayName: 'wildcamper77', profileUrl: 'https://forum.trailtalk.example/u/wildcamper77' });
      assert.equal(snapped.site, 'forum.trailtalk.example');
      assert.equal(snapped.language, 'en');
      assert.equal(posts.get('9925')!.text, 'Looking for something under £80. The Acme Bivvy Lite or the Alpkit one?\n\nThanks!');
      assert.equal(posts.get('9925')!.createdAt, '2025-06-08T05:02:00.000Z');
      const german = posts.get('9930')!;
      assert.equal(german.language, 'de');
      assert.equal(german.title, undefined);
      assert.equal(german.text, 'Hat jemand Erfahrung mit dem Acme Summit 2 im Winter?');
      assert.deepEqual(result.skipped.map((s) => s.reason), [
        'item 4 ("A post with neither id nor url") has no id and no link, so it cannot be told apart from other items',
        'item 5 is not an object',
      ]);
    });
  });

  describe('failures', () => {
    it('maps 429 with Retry-After seconds to rate_limited', async () => {
      const error = await pollError(contextFor(server.url('/fail/rate-limited')));
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.retryAfterMs, 120_000);
      assert.match(error.message, /HTTP 429.*120 s/);
    });

    it('maps 503 with a Retry-After date to rate_limited, measured from now()', async () => {
      const error = await pollError(contextFor(server.url('/fail/busy')));
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.retryAfterMs, Date.parse(busyRetryAfterDate) - testNow.getTime());
    });

    it('maps 5xx to unavailable, 404/410 to not_found and 403 to forbidden', async () => {
      for (const [path, kind] of [
        ['/fail/server-error', 'unavailable'], ['/fail/unavailable', 'unavailable'],
        ['/no/such/feed.xml', 'not_found'], ['/fail/gone', 'not_found'], ['/fail/forbidden', 'forbidden'],
      ] as const) {
        const error = await pollError(contextFor(server.url(path)));
        assert.equal(error.kind, kind, path);
        assert.equal(error.retryAfterMs, undefined);
      }
    });

    it('rejects truncated XML clearly', async () => {
      const error = await pollError(contextFor(server.url('/fail/truncated.xml')));
      assert.equal(error.kind, 'invalid_response');
      assert.match(error.message, /not well-formed XML.*truncated/);
    });

    it('stops reading a 10 MB body', async () => {
      const error = await pollError(contextFor(server.url('/fail/huge.xml')));
      assert.equal(error.kind, 'invalid_response');
      assert.match(error.message, /response larger than 2097152 bytes/);
    });

    it('refuses a redirect to the cloud metadata address or a private network', async () => {
      for (const path of ['/fail/redirect-to-metadata', '/fail/redirect-to-private']) {
        const error = await pollError(contextFor(server.url(path)));
        assert.equal(error.kind, 'forbidden');
        assert.match(error.message, /refused to connect to (169\.254\.169\.254|10\.0\.0\.5)/);
      }
    });

    it('refuses the feed server itself without an allow-list', async () => {
      const error = await pollError({ ...contextFor(server.url(feedPaths.rss)), http: createGuardedHttp() });
      assert.equal(error.kind, 'forbidden');
    });

    it('says what is wrong with content that is not a feed', async () => {
      for (const [path, message] of [
        ['/fail/html', /HTML page, not a feed/],
        ['/fail/sitemap.xml', /not a feed: its root element is <urlset>/],
        ['/fail/not-json-feed.json', /not a JSON Feed/],
        ['/fail/invalid.json', /not valid JSON/],
        ['/fail/plain.txt', /neither XML nor JSON \(Content-Type text\/plain\)/],
        ['/quirks/empty', /empty/],
      ] as const) {
        const error = await pollError(contextFor(server.url(path)));
        assert.equal(error.kind, 'invalid_response', path);
        assert.match(error.message, message, path);
      }
    });

    it('does not expand an entity bomb', async () => {
      const entities = ['<!ENTITY a0 "lolololololololololo">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('');
      server.setDocument('/fail/bomb.xml', `<?xml version="1.0"?><!DOCTYPE rss [${entities}]><rss version="2.0"><channel><item><guid>1</guid><title>&a9;</title></item></channel></rss>`, 'application/rss+xml');
      const result = await rssConnector.poll!(contextFor(server.url('/fail/bomb.xml')));
      assert.ok(result.posts.every((post) => post.text.length < 1000));
      // A bare id is not a link, even though RSS guids default to isPermaLink="true".
      assert.equal(result.posts[0]?.url, undefined);
    });
  });

  describe('health check', () => {
    it('reports what it read', async () => {
      const report = await rssConnector.checkHealth(contextFor(server.url(feedPaths.atom)));
      assert.equal(report.ok, true);
      assert.equal(report.message, 'Read 3 item(s) from the Atom feed "GearCritic — latest reviews". 1 item(s) will be skipped.');
    });

    it('reports problems instead of throwing', async () => {
      const report = await rssConnector.checkHealth(contextFor(server.url('/fail/redirect-to-metadata')));
      assert.equal(report.ok, false);
      assert.match(report.message, /169\.254\.169\.254/);
      const missing = await rssConnector.checkHealth(contextFor(server.url('/nothing-here')));
      assert.deepEqual(missing, { ok: false, message: `there is no feed at ${server.url('/nothing-here')} (HTTP 404)` });
    });
  });
});
