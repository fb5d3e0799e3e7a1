// The only way connectors make HTTP requests (and open WebSockets): it refuses addresses
// inside our own network (SSRF), follows redirects itself so each hop is checked, connects
// to the exact IP it checked (no DNS rebinding), and caps time and response size.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import zlib from 'node:zlib';
import { AddressPolicy } from './address-policy.ts';
import { createSocketOpener, type SocketOpener } from './guarded-websocket.ts';
import { bareHostname, checkedAddress, GuardedHttpError, systemResolve, withoutUndefined, type Resolve } from './outbound-guard.ts';

export { GuardedHttpError, type GuardedHttpFailure } from './outbound-guard.ts';

export interface GuardedHttpOptions {
  /** Host names, IP addresses or CIDR ranges that may be reached even though they are not public (e.g. ['127.0.0.1'] in tests). */
  allowHosts?: string[];
  /** Deadline for one get(), redirects and body included, in milliseconds (default 15 s). */
  timeoutMs?: number;
  /** Largest response body accepted after decompression, in bytes (default 5 MiB). */
  maxBytes?: number;
  userAgent?: string;
  /** Most redirects followed per get() (default 5). */
  maxRedirects?: number;
  /** Resolves a host name to all its addresses; injectable so tests need no DNS. */
  resolve?: Resolve;
}

export interface GuardedRequestOptions {
  headers?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

export interface GuardedResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** The raw (decompressed) body, for callers that decode it themselves (e.g. by an XML declaration). */
  body: Buffer;
  /** The body decoded with the Content-Type charset, else UTF-8; invalid bytes become U+FFFD. */
  bodyText: string;
  /** The final URL, after redirects. */
  url: string;
}

export interface GuardedHttp {
  get(url: string, options?: GuardedRequestOptions): Promise<GuardedResponse>;
  /** Sends a body (e.g. a webhook) under the same address rule, deadline and size cap; redirects are returned, not followed. */
  post(url: string, body: string, options?: GuardedRequestOptions): Promise<GuardedResponse>;
  /** Opens a ws:// or wss:// socket under the same address rule and allow-list; see SocketOpener. */
  openWebSocket: SocketOpener;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that carry credentials and must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

export function createGuardedHttp(options: GuardedHttpOptions = {}): GuardedHttp {
  const policy = new AddressPolicy(options.allowHosts);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? 'Herd/0.1 (self-hosted social listening)';
  const resolve = options.resolve ?? systemResolve;

  async function get(rawUrl: string, request: GuardedRequestOptions = {}): Promise<GuardedResponse> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
    let headers = withoutUndefined(request.headers ?? {});
    let url = parseUrl(rawUrl);
    try {
      for (let hop = 0; ; hop++) {
        const { address } = await untilAborted(checkedAddress(bareHostname(url), policy, resolve), signal).catch((error: unknown) => {
          throwIfAborted();
          throw error;
        });
        const response = await send(url, address, headers, signal).catch((error: unknown) => {
          throwIfAborted();
          throw error;
        });
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(response.statusCode ?? 0) && location) {
          response.resume();
          if (hop >= maxRedirects) throw new GuardedHttpError('too_many_redirects', `more than ${maxRedirects} redirects, last to ${location}`);
          const next = parseUrl(location, url);
          if (next.origin !== url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name.toLowerCase())));
          url = next;
          continue;
        }
        const body = await readBody(response, maxBytes).catch((error: unknown) => {
          throwIfAborted();
          throw error;
        });
        const responseHeaders = flattenHeaders(response.headers);
        return { status: response.statusCode ?? 0, headers: responseHeaders, body, bodyText: decodeText(body, responseHeaders['content-type']), url: url.href };
      }
    } finally {
      clearTimeout(timer);
    }

    function throwIfAborted(): void {
      if (request.signal?.aborted) throw request.signal.reason;
      if (deadline.signal.aborted) throw new GuardedHttpError('timeout', `no complete response from ${url.host} within ${timeoutMs} ms`);
    }
  }

  function send(url: URL, address: string, headers: Record<string, string>, signal: AbortSignal, body?: string): Promise<http.IncomingMessage> {
    const hostname = bareHostname(url);
    const requestOptions: https.RequestOptions = {
      method: body === undefined ? 'GET' : 'POST',
      // Connect to the checked IP itself; Host and TLS (SNI, certificate name) still use the name.
      host: address,
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers: { 'user-agent': userAgent, 'accept-encoding': 'gzip, deflate, br', ...headers, host: url.host },
      // A fresh connection per request: a pooled socket could have been opened for another check.
      agent: false,
      signal,
      ...(url.protocol === 'https:' && !isIP(hostname) && { servername: hostname }),
    };
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolvePromise, reject) => {
      const clientRequest = transport.request(requestOptions, resolvePromise);
      clientRequest.on('error', (error) => reject(new GuardedHttpError('network', `cannot reach ${url.host}: ${error.message}`, error)));
      clientRequest.end(body);
    });
  }

  async function post(rawUrl: string, body: string, request: GuardedRequestOptions = {}): Promise<GuardedResponse> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
    const url = parseUrl(rawUrl);
    const headers = { 'content-length': String(Buffer.byteLength(body)), ...withoutUndefined(request.headers ?? {}) };
    try {
      const { address } = await untilAborted(checkedAddress(bareHostname(url), policy, resolve), signal);
      const response = await send(url, address, headers, signal, body);
      const responseBody = await readBody(response, maxBytes);
      const responseHeaders = flattenHeaders(response.headers);
      return { status: response.statusCode ?? 0, headers: responseHeaders, body: responseBody, bodyText: decodeText(responseBody, responseHeaders['content-type']), url: url.href };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      if (deadline.signal.aborted) throw new GuardedHttpError('timeout', `no complete response from ${url.host} within ${timeoutMs} ms`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  const openWebSocket = createSocketOpener({ allowHosts: options.allowHosts, handshakeTimeoutMs: timeoutMs, userAgent, resolve });
  return { get, post, openWebSocket };
}

/** DNS lookups cannot be cancelled; stop waiting for one when the deadline passes. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolvePromise, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function parseUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new GuardedHttpError('bad_url', `not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new GuardedHttpError('bad_url', `only http and https URLs may be fetched, not ${url.protocol}`);
  return url;
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new GuardedHttpError('too_large', `response larger than ${maxBytes} bytes`);
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge());
  }
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decompress =
    encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip()
    : encoding === 'deflate' ? zlib.createInflate()
    : encoding === 'br' ? zlib.createBrotliDecompress()
    : undefined;
  const stream: NodeJS.ReadableStream = decompress ? response.pipe(decompress) : response;
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      response.destroy();
      decompress?.destroy();
      reject(error);
    };
    // The cap applies to decompressed bytes, so a small compressed bomb is stopped too.
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) fail(tooLarge());
      else chunks.push(chunk);
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolvePromise(Buffer.concat(chunks));
    });
    response.on('error', (error) => fail(new GuardedHttpError('network', `connection broke while reading the response: ${error.message}`, error)));
    response.on('close', () => {
      if (!response.complete) fail(new GuardedHttpError('network', 'connection closed before the response was complete'));
    });
    decompress?.on('error', (error) => fail(new GuardedHttpError('bad_encoding', `cannot decompress the ${encoding} response: ${error.message}`, error)));
  });
}

/** Decodes with the charset a Content-Type names, else UTF-8; never throws. */
export function decodeText(body: Uint8Array, contentType: string | undefined): string {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
