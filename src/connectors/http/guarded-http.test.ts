import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { ConnectorError } from '../connector.ts';
import { createGuardedHttp, GuardedHttpError, type GuardedHttpFailure } from './guarded-http.ts';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

async function startServer(handler: Handler): Promise<{ origin: string; port: number; requests: http.IncomingMessage[]; close(): Promise<void> }> {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function assertFails(promise: Promise<unknown>, failure: GuardedHttpFailure, message?: RegExp): Promise<GuardedHttpError> {
  const error = await promise.then(
    () => assert.fail(`expected a ${failure} failure`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof GuardedHttpError, `expected GuardedHttpError, got ${String(error)}`);
  assert.ok(error instanceof ConnectorError);
  assert.equal(error.failure, failure, error.message);
  if (message) assert.match(error.message, message);
  return error;
}

describe('guarded HTTP client', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let other: Awaited<ReturnType<typeof startServer>>;
  const local = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 2000, maxBytes: 64 * 1024 });

  before(async () => {
    other = await startServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ authorization: request.headers.authorization ?? null, cookie: request.headers.cookie ?? null, custom: request.headers['x-custom'] ?? null }));
    });
    server = await startServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const to = url.searchParams.get('to');
      switch (url.pathname) {
        case '/hello':
          response.setHeader('content-type', 'text/plain; charset=utf-8');
          response.end(`hello ${request.headers.host} ${request.headers['user-agent']}`);
          return;
        case '/redirect':
          response.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to ?? '/hello' });
          response.end();
          return;
        case '/loop':
          response.writeHead(301, { location: `/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}` });
          response.end();
          return;
        case '/big-declared':
          response.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
          response.write('x'.repeat(1024));
          return; // never finishes; the client must give up on the header alone
        case '/big-chunked': {
          response.writeHead(200, { 'content-type': 'text/plain' });
          const chunk = 'y'.repeat(16 * 1024);
          let sent = 0;
          const pump = () => {
            while (sent < 10 * 1024 * 1024 && !response.destroyed) {
              sent += chunk.length;
              if (!response.write(chunk)) return void response.once('drain', pump);
            }
            response.end();
          };
          pump();
          return;
        }
        case '/gzip-bomb':
          response.writeHead(200, { 'content-encoding': 'gzip' });
          response.end(zlib.gzipSync(Buffer.alloc(5 * 1024 * 1024)));
          return;
        case '/gzip':
          response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
          response.end(zlib.gzipSync('compressed hello'));
          return;
        case '/latin1':
          response.writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' });
          response.end(Buffer.from([0x63, 0x61, 0x66, 0xe9])); // "café"
          return;
        case '/hang':
          return; // never answers
        case '/truncated':
          response.writeHead(200, { 'content-length': '100' });
          response.write('only part');
          setTimeout(() => response.socket?.destroy(), 20);
          return;
        default:
          response.writeHead(404);
          response.end('no');
      }
    });
  });

  after(async () => {
    await server.close();
    await other.close();
  });

  it('fetches from an allow-listed 127.0.0.1', async () => {
    const response = await local.get(`${server.origin}/hello`);
    assert.equal(response.status, 200);
    assert.equal(response.url, `${server.origin}/hello`);
    assert.match(response.bodyText, new RegExp(`^hello 127\\.0\\.0\\.1:${server.port} Herd/`));
    assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
  });

  it('refuses 127.0.0.1 without an allow-list, before any request is sent', async () => {
    const before = server.requests.length;
    const error = await assertFails(createGuardedHttp().get(`${server.origin}/hello`), 'blocked_address', /127\.0\.0\.1.*loopback/);
    assert.equal(error.kind, 'forbidden');
    assert.equal(server.requests.length, before);
  });

  it('refuses private, link-local (cloud metadata), loopback IPv6, unspecified and mapped addresses', async () => {
    const guarded = createGuardedHttp({ timeoutMs: 500 });
    for (const [url, why] of [
      ['http://10.0.0.1/', /private/],
      ['http://172.16.5.4/', /private/],
      ['http://192.168.1.1/', /private/],
      ['http://169.254.169.254/latest/meta-data/', /link-local/],
      ['http://[::1]:8080/', /loopback/],
      ['http://0.0.0.0/', /unspecified/],
      ['http://100.64.1.1/', /carrier-grade/],
      ['http://[fd12::1]/', /unique-local/],
      ['http://[::ffff:10.0.0.1]/', /private/],
      ['http://2130706433/', /loopback/], // 127.0.0.1 written as one number
    ] as const) {
      await assertFails(guarded.get(url), 'blocked_address', why);
    }
  });

  it('refuses a host name that resolves to an internal address, even when it also has a public one', async () => {
    const guarded = createGuardedHttp({
      resolve: async (name) => (name === 'mixed.example' ? [{ address: '93.184.216.34', family: 4 }, { address: '10.1.1.1', family: 4 }] : [{ address: '169.254.169.254', family: 4 }]),
    });
    await assertFails(guarded.get('http://metadata.example/'), 'blocked_address', /metadata\.example.*169\.254\.169\.254/);
    await assertFails(guarded.get('http://mixed.example/'), 'blocked_address', /10\.1\.1\.1/);
  });

  it('refuses schemes other than http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/feed', 'gopher://127.0.0.1/', 'not a url']) {
      await assertFails(local.get(url), 'bad_url');
    }
  });

  it('follows redirects and checks every hop', async () => {
    const followed = await local.get(`${server.origin}/redirect?to=/hello&status=308`);
    assert.equal(followed.status, 200);
    assert.equal(followed.url, `${server.origin}/hello`);
    for (const target of ['http://10.0.0.1/admin', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'file:///etc/passwd']) {
      await assertFails(local.get(`${server.origin}/redirect?to=${encodeURIComponent(target)}`), target.startsWith('file') ? 'bad_url' : 'blocked_address');
    }
  });

  it('re-resolves the host on every redirect, so a name that turns internal is refused', async () => {
    let lookups = 0;
    const guarded = createGuardedHttp({
      allowHosts: ['127.0.0.1'],
      resolve: async () => (lookups++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.7', family: 4 }]),
    });
    await assertFails(guarded.get(`http://rebind.example:${server.port}/redirect?to=/hello`), 'blocked_address', /10\.0\.0\.7/);
    assert.equal(lookups, 2);
  });

  it('connects to the address it checked while sending the host name', async () => {
    // feeds.example is not resolved through DNS here and the test preload blocks connecting to it by
    // name, so success proves the socket went to the checked 127.0.0.1.
    const guarded = createGuardedHttp({ allowHosts: ['127.0.0.1'], resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    const response = await guarded.get(`http://feeds.example:${server.port}/hello`);
    assert.match(response.bodyText, new RegExp(`^hello feeds\\.example:${server.port} `));
  });

  it('allows a host name on the allow-list whatever it resolves to', async () => {
    const guarded = createGuardedHttp({ allowHosts: ['intranet.example'], resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    assert.equal((await guarded.get(`http://intranet.example:${server.port}/hello`)).status, 200);
  });

  it('stops after five redirects', async () => {
    await assertFails(local.get(`${server.origin}/loop`), 'too_many_redirects', /more than 5 redirects/);
  });

  it('drops credentials on a redirect to another origin and keeps other headers', async () => {
    const response = await local.get(`${server.origin}/redirect?to=${encodeURIComponent(`${other.origin}/`)}`, {
      headers: { authorization: 'Bearer secret', cookie: 'a=b', 'x-custom': 'kept' },
    });
    assert.deepEqual(JSON.parse(response.bodyText), { authorization: null, cookie: null, custom: 'kept' });
    const direct = await local.get(`${other.origin}/`, { headers: { authorization: 'Bearer secret' } });
    assert.equal(JSON.parse(direct.bodyText).authorization, 'Bearer secret');
  });

  it('caps the response size, whether declared, streamed or compressed', async () => {
    for (const path of ['/big-declared', '/big-chunked', '/gzip-bomb']) {
      await assertFails(local.get(`${server.origin}${path}`), 'too_large', /response larger than 65536 bytes/);
    }
  });

  it('decompresses and decodes by the declared charset', async () => {
    assert.equal((await local.get(`${server.origin}/gzip`)).bodyText, 'compressed hello');
    const latin1 = await local.get(`${server.origin}/latin1`);
    assert.equal(latin1.bodyText, 'café');
    assert.deepEqual([...latin1.body], [0x63, 0x61, 0x66, 0xe9]);
  });

  it('times out a server that does not answer', async () => {
    const quick = createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 150 });
    const started = Date.now();
    const error = await assertFails(quick.get(`${server.origin}/hang`), 'timeout', /within 150 ms/);
    assert.equal(error.kind, 'unavailable');
    assert.ok(Date.now() - started < 2000);
  });

  it('reports a connection closed mid-body as a network failure', async () => {
    await assertFails(local.get(`${server.origin}/truncated`), 'network');
  });

  it('reports a closed port as unavailable', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const error = await assertFails(local.get(`${closed.origin}/`), 'network');
    assert.equal(error.kind, 'unavailable');
  });

  it("rejects with the caller's abort reason when the caller aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 50);
    await assert.rejects(local.get(`${server.origin}/hang`, { signal: controller.signal }), /shutting down/);
  });
});
