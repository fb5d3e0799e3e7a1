// A local feed server for tests (node:http on 127.0.0.1, a free port): serves the
// sample RSS, Atom and JSON Feed documents with ETag and Last-Modified like a real
// web server, and scripted failures (rate limits, errors, truncated and huge bodies,
// a redirect to the cloud metadata address, HTML pages, broken encodings).
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { forumJsonFeed, retailerBlogRss, reviewSiteAtom } from './feed-samples.ts';

export const feedPaths = {
  rss: '/blog/feed/',
  atom: '/reviews.atom',
  json: '/forum/feed.json',
} as const;

/** The Retry-After date '/fail/busy' sends: 5 minutes after the `now` tests pass in. */
export const busyRetryAfterDate = 'Wed, 11 Jun 2025 12:05:00 GMT';
export const testNow = new Date('2025-06-11T12:00:00Z');

export interface ServedRequest {
  path: string;
  status: number;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface FeedTestServer {
  origin: string;
  url(path: string): string;
  /** Every request served, in order. */
  requests: ServedRequest[];
  /** Replaces a document (as a site publishing a new post would); its ETag and Last-Modified change. */
  setDocument(path: string, body: string, contentType?: string): void;
  close(): Promise<void>;
}

interface Document {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

const HUGE_BYTES = 10 * 1024 * 1024;

export async function startFeedTestServer(): Promise<FeedTestServer> {
  const documents = new Map<string, Document>();
  let clock = Date.parse('2025-06-10T09:12:44Z');
  const setDocument = (path: string, body: string | Buffer, contentType?: string) => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    clock += 60 * 60 * 1000;
    documents.set(path, {
      body: bytes,
      contentType: contentType ?? documents.get(path)?.contentType ?? 'application/xml',
      etag: `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`,
      lastModified: new Date(clock),
    });
  };
  setDocument(feedPaths.rss, retailerBlogRss, 'application/rss+xml; charset=UTF-8');
  setDocument(feedPaths.atom, reviewSiteAtom, 'application/atom+xml');
  setDocument(feedPaths.json, forumJsonFeed, 'application/feed+json');
  setDocument('/quirks/bad-utf8.xml', Buffer.concat([
    Buffer.from(retailerBlogRss.slice(0, retailerBlogRss.indexOf('Voluntary recall'))),
    Buffer.from([0x52, 0xe9, 0x63, 0xff, 0x61, 0x6c, 0x6c, 0x3a, 0x20]), // "R?c?all: " in broken bytes
    Buffer.from(retailerBlogRss.slice(retailerBlogRss.indexOf('Voluntary recall'))),
  ]), 'application/rss+xml');
  setDocument('/quirks/latin1.xml', Buffer.from(
    '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\xe9 Montagne</title><link>https://cafe-montagne.example/</link><language>fr</language>'
    + '<item><guid>cm-1</guid><title>Cr\xe8me br\xfbl\xe9e \xe0 la carte</title><description>D\xe9licieux, merci Acme&#160;!</description></item></channel></rss>', 'latin1'),
  'text/xml');
  setDocument('/fail/html', '<!DOCTYPE html>\n<html lang="en"><head><title>Acme Outdoor</title><link rel="alternate" type="application/rss+xml" href="/blog/feed/"></head><body><h1>Welcome</h1></body></html>', 'text/html; charset=utf-8');
  setDocument('/fail/sitemap.xml', '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://www.acme-outdoor.example/</loc></url></urlset>', 'application/xml');
  setDocument('/fail/not-json-feed.json', '{"status":"ok","uptime":1234}', 'application/json');
  setDocument('/fail/invalid.json', '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1",', 'application/feed+json');
  setDocument('/fail/truncated.xml', retailerBlogRss.slice(0, Math.floor(retailerBlogRss.length * 0.6)), 'application/rss+xml');
  setDocument('/fail/plain.txt', 'Service temporarily moved. Please check back later.', 'text/plain');
  setDocument('/quirks/empty', '', 'application/rss+xml');

  const requests: ServedRequest[] = [];
  let origin = '';

  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const served: ServedRequest = {
      path,
      status: 200,
      ...(request.headers['if-none-match'] && { ifNoneMatch: request.headers['if-none-match'] }),
      ...(request.headers['if-modified-since'] && { ifModifiedSince: request.headers['if-modified-since'] }),
    };
    requests.push(served);
    const send = (status: number, headers: Record<string, string> = {}, body = '') => {
      served.status = status;
      response.writeHead(status, headers);
      response.end(body);
    };

    switch (path) {
      case '/fail/rate-limited':
        return send(429, { 'retry-after': '120', 'content-type': 'text/plain' }, 'Too Many Requests');
      case '/fail/busy':
        return send(503, { 'retry-after': busyRetryAfterDate, 'content-type': 'text/html' }, '<h1>Down for maintenance</h1>');
      case '/fail/unavailable':
        return send(503, { 'content-type': 'text/plain' }, 'Service Unavailable');
      case '/fail/server-error':
        return send(500, { 'content-type': 'text/html' }, '<h1>Internal Server Error</h1>');
      case '/fail/forbidden':
        return send(403, { 'content-type': 'text/plain' }, 'Forbidden');
      case '/fail/gone':
        return send(410, { 'content-type': 'text/plain' }, 'Gone');
      case '/fail/redirect-to-metadata':
        return send(302, { location: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' });
      case '/fail/redirect-to-private':
        return send(301, { location: 'http://10.0.0.5/internal/feed.xml' });
      case '/moved':
        return send(301, { location: feedPaths.rss });
      case '/fail/huge.xml':
        return streamHuge(response, served);
    }

    const document = documents.get(path);
    if (!document) return send(404, { 'content-type': 'text/html' }, '<h1>Not Found</h1>');
    const validators = { etag: document.etag, 'last-modified': document.lastModified.toUTCString() };
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    // RFC 9110: If-None-Match wins when present; If-Modified-Since is compared at second precision.
    const notModified = ifNoneMatch !== undefined
      ? ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, '')).includes(document.etag)
      : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Math.floor(document.lastModified.getTime() / 1000) * 1000;
    if (notModified) return send(304, validators);
    served.status = 200;
    response.writeHead(200, { ...validators, 'content-type': document.contentType, 'content-length': String(document.body.length) });
    response.end(document.body);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    setDocument: (path, body, contentType) => setDocument(path, body, contentType),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A 10 MB feed without Content-Length, so only counting the bytes can stop it. */
function streamHuge(response: http.ServerResponse, served: ServedRequest): void {
  served.status = 200;
  response.writeHead(200, { 'content-type': 'application/rss+xml' });
  response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
  const item = `<item><guid>x</guid><title>${'padding '.repeat(120)}</title></item>`;
  let sent = 0;
  const pump = () => {
    while (sent < HUGE_BYTES && !response.destroyed) {
      sent += item.length;
      if (!response.write(item)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end('</channel></rss>');
  };
  pump();
}
