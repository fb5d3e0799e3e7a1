// Opens WebSockets (Mastodon streaming, Bluesky Jetstream) under the same SSRF rule as
// the guarded HTTP client: every address the host resolves to must be public (or
// allow-listed), and the socket connects to the exact address that was checked.
// GuardedHttp has no WebSocket method yet, so streaming connectors take this opener.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import WebSocket from 'ws';
import { GuardedHttpError } from '../http/guarded-http.ts';
import { AddressPolicy } from '../http/address-policy.ts';

export interface SocketOpenerOptions {
  /** Host names, addresses or CIDR ranges that may be reached though not public (['127.0.0.1'] in tests). */
  allowHosts?: string[];
  /** Largest single message accepted, in bytes (default 4 MiB). */
  maxPayload?: number;
  /** Deadline for the opening handshake, in milliseconds (default 15 s). */
  handshakeTimeoutMs?: number;
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

/**
 * Opens a WebSocket to ws:// or wss:// url after checking its address; rejects with GuardedHttpError when refused.
 * The socket comes back paused, so no message is emitted before the caller listens: call resume() then.
 */
export type SocketOpener = (url: string, headers?: Record<string, string | undefined>) => Promise<WebSocket>;

export function createSocketOpener(options: SocketOpenerOptions = {}): SocketOpener {
  const policy = new AddressPolicy(options.allowHosts);
  const resolve = options.resolve ?? ((hostname: string) => dnsLookup(hostname, { all: true, verbatim: true }));

  return async (rawUrl, headers = {}) => {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new GuardedHttpError('bad_url', `not a valid URL: ${rawUrl}`);
    }
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new GuardedHttpError('bad_url', `only ws and wss URLs may be opened, not ${url.protocol}`);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    let checked: { address: string; family: number };
    if (isIP(hostname)) {
      const refusal = policy.refusal(hostname);
      if (refusal) throw new GuardedHttpError('blocked_address', `refused to connect to ${hostname}: it is ${refusal}`);
      checked = { address: hostname, family: isIP(hostname) };
    } else {
      let addresses: { address: string; family: number }[];
      try {
        addresses = await resolve(hostname);
      } catch (error) {
        throw new GuardedHttpError('network', `cannot resolve ${hostname}: ${(error as Error).message}`, error);
      }
      if (addresses.length === 0) throw new GuardedHttpError('network', `cannot resolve ${hostname}: no addresses`);
      if (!policy.allowsHost(hostname)) {
        for (const { address } of addresses) {
          const refusal = policy.refusal(address);
          if (refusal) throw new GuardedHttpError('blocked_address', `refused to connect to ${hostname}: it resolves to ${address}, ${refusal}`);
        }
      }
      checked = addresses[0]!;
    }
    const socket = new WebSocket(url, {
      headers: Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      maxPayload: options.maxPayload ?? 4 * 1024 * 1024,
      handshakeTimeout: options.handshakeTimeoutMs ?? 15_000,
      followRedirects: false,
      perMessageDeflate: false,
      // Connect to the address we checked, not whatever a second DNS answer says (no rebinding).
      lookup: ((_host: string, lookupOptions: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        if (lookupOptions?.all) callback(null, [checked]);
        else callback(null, checked.address, checked.family);
      }) as never,
    });
    return new Promise<WebSocket>((resolvePromise, reject) => {
      const onError = (error: Error) => {
        socket.off('open', onOpen);
        reject(new GuardedHttpError('network', `cannot open a stream to ${url.host}: ${error.message}`, error));
      };
      const onUnexpected = (_request: unknown, response: { statusCode?: number; resume(): void }) => {
        socket.off('open', onOpen);
        socket.off('error', onError);
        response.resume();
        reject(new SocketRefusedError(response.statusCode ?? 0, url.host));
        socket.terminate();
      };
      const onOpen = () => {
        socket.off('error', onError);
        socket.off('unexpected-response', onUnexpected);
        socket.pause();
        resolvePromise(socket);
      };
      socket.once('open', onOpen);
      socket.once('error', onError);
      socket.once('unexpected-response', onUnexpected);
    });
  };
}

/** The server answered the WebSocket handshake with an HTTP status instead of switching protocols. */
export class SocketRefusedError extends Error {
  readonly status: number;
  constructor(status: number, host: string) {
    super(`${host} refused the stream (HTTP ${status})`);
    this.name = 'SocketRefusedError';
    this.status = status;
  }
}

/** Waits ms milliseconds, or less when signal aborts; never rejects. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolvePromise) => {
    if (signal.aborted) return resolvePromise();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolvePromise();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Reconnect delay after `attempt` failures in a row: base * 2^attempt capped at maxMs, with equal jitter. */
export function reconnectDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const capped = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(capped * (0.5 + 0.5 * random()));
}
