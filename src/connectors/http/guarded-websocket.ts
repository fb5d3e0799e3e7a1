// Opens WebSockets (Mastodon streaming, Bluesky Jetstream) under the same SSRF rule as
// the guarded HTTP client: every address the host resolves to must be public (or
// allow-listed), and the socket connects to the exact address that was checked.
// createGuardedHttp builds one with the app's allow-list: connectors call http.openWebSocket.
import WebSocket from 'ws';
import { AddressPolicy } from './address-policy.ts';
import { bareHostname, checkedAddress, GuardedHttpError, systemResolve, withoutUndefined, type Resolve } from './outbound-guard.ts';

export interface SocketOpenerOptions {
  /** Host names, addresses or CIDR ranges that may be reached though not public (['127.0.0.1'] in tests). */
  allowHosts?: string[];
  /** Largest single message accepted, in bytes (default 4 MiB). */
  maxPayload?: number;
  /** Deadline for the opening handshake, in milliseconds (default 15 s). */
  handshakeTimeoutMs?: number;
  /** Sent unless the caller's headers name another. */
  userAgent?: string;
  resolve?: Resolve;
}

/**
 * Opens a WebSocket to ws:// or wss:// url after checking its address; rejects with GuardedHttpError when refused.
 * The socket comes back paused, so no message is emitted before the caller listens: call resume() then.
 */
export type SocketOpener = (url: string, headers?: Record<string, string | undefined>) => Promise<WebSocket>;

export function createSocketOpener(options: SocketOpenerOptions = {}): SocketOpener {
  const policy = new AddressPolicy(options.allowHosts);
  const resolve = options.resolve ?? systemResolve;

  return async (rawUrl, headers = {}) => {
    const url = parseSocketUrl(rawUrl);
    const checked = await checkedAddress(bareHostname(url), policy, resolve);
    const socket = new WebSocket(url, {
      headers: withoutUndefined({ ...(options.userAgent && { 'user-agent': options.userAgent }), ...headers }),
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
        // Terminating a socket that never opened emits an error; the refusal is already reported.
        socket.on('error', () => {});
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

function parseSocketUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new GuardedHttpError('bad_url', `not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new GuardedHttpError('bad_url', `only ws and wss URLs may be opened, not ${url.protocol}`);
  return url;
}
