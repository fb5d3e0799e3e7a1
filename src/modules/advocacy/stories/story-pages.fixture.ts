// For tests: a local web server with real-shaped story pages (Open Graph tags, an
// oEmbed link, twitter: fallbacks, a redirect loop, a huge page, a PDF).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoryPages { origin: string; close(): Promise<void> }

const page = (head: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body><article><p>Body text.</p></article></body></html>`;

export async function startStoryPages(): Promise<StoryPages> {
  const server = http.createServer((request, response) => {
    const origin = `http://${request.headers.host}`;
    const html = (body: string) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    switch (request.url) {
      case '/blog/spring':
        return html(page(`
          <title>Ignored when og:title is there</title>
          <meta property="og:title" content="Spring at Acme &amp; friends">
          <meta property="og:description" content='We planted 1,000 trees with our customers.'>
          <meta property="og:image" content="/img/trees.jpg">
          <meta property="og:site_name" content="Acme Blog">
          <meta name="twitter:title" content="Not this one">`));
      case '/blog/video':
        return html(page(`<title>Video page</title><link rel="alternate" type="application/json+oembed" href="${origin}/oembed?url=video" title="oEmbed">`));
      case '/oembed?url=video':
        return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: '1.0', type: 'video', title: 'Our store tour', thumbnail_url: `${origin}/img/tour.jpg`, provider_name: 'Acme Video' }));
      case '/blog/plain':
        return html(page('<meta name="twitter:title" content="Twitter title"><meta name="twitter:description" content="From twitter tags"><title> Plain &lt;page&gt; </title>'));
      case '/blog/untitled':
        return html(page('<meta name="viewport" content="width=device-width">'));
      case '/report.pdf':
        return response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
      case '/loop-a':
        return response.writeHead(302, { location: '/loop-b' }).end();
      case '/loop-b':
        return response.writeHead(302, { location: '/loop-a' }).end();
      case '/moved':
        return response.writeHead(301, { location: '/blog/spring' }).end();
      case '/huge':
        return html(page(`<title>Huge</title><!-- ${'x'.repeat(2 * 1024 * 1024)} -->`));
      default:
        return response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
