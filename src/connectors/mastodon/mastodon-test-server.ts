// A local Mastodon instance for tests (node:http + ws on 127.0.0.1, a free port): the
// REST endpoints the connector uses with realistic Status and Account JSON, min_id
// paging, X-RateLimit-* headers, scripted failures (429 with a reset time, 5xx, bad
// JSON, hanging requests), bearer-token checks, posting statuses (mastodon-test-posting.ts),
// the token owner's account (verify_credentials) and a streaming endpoint that can be
// told to drop.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { MastodonAccount, MastodonStatus } from './mastodon-status.ts';
import { createStatusPoster, READ_ONLY_TOKEN } from './mastodon-test-posting.ts';

export { READ_ONLY_TOKEN };

export const INSTANCE_HOST = 'toot.example';
export const GOOD_TOKEN = 'tok_live_3f9a2c';
export const testNow = new Date('2025-06-11T12:00:00Z');
/** The X-RateLimit-Reset the scripted 429 sends: 90 s after testNow. */
export const rateLimitReset = '2025-06-11T12:01:30.000Z';
export const TAG = 'acmeoutdoor';

const acme: MastodonAccount & Record<string, unknown> = {
  id: '109382746519283746',
  username: 'acme',
  acct: 'acme',
  display_name: 'Acme Outdoor',
  locked: false,
  bot: false,
  created_at: '2022-11-20T00:00:00.000Z',
  note: '<p>Gear for every trail. Support: <a href="https://acme-outdoor.example/help">acme-outdoor.example/help</a></p>',
  url: `https://${INSTANCE_HOST}/@acme`,
  avatar: `https://${INSTANCE_HOST}/system/accounts/avatars/acme.png`,
  followers_count: 4821,
  following_count: 210,
  statuses_count: 1312,
  last_status_at: '2025-06-11',
  emojis: [],
  fields: [],
};

const hiker: MastodonAccount & Record<string, unknown> = {
  id: '110004512345678901',
  username: 'trailmix',
  acct: 'trailmix@fosstodon.example',
  display_name: 'Jo 🥾',
  locked: false,
  bot: false,
  created_at: '2023-03-02T00:00:00.000Z',
  note: '<p>Hiking, mostly.</p>',
  url: 'https://fosstodon.example/@trailmix',
  followers_count: 312,
  following_count: 400,
  statuses_count: 2000,
  emojis: [],
  fields: [],
};

let sequence = 0;
/** Builds a Status as Mastodon 4.x returns it. */
export function makeStatus(id: string, account: MastodonAccount, content: string, extra: Partial<MastodonStatus> & Record<string, unknown> = {}): MastodonStatus {
  sequence += 1;
  const remote = account.acct.includes('@');
  const uri = remote ? `${account.url!.replace(/\/@.*$/, '')}/users/${account.username}/statuses/${id}` : `https://${INSTANCE_HOST}/users/${account.username}/statuses/${id}`;
  return {
    id,
    created_at: new Date(Date.parse('2025-06-11T10:00:00.000Z') + sequence * 60_000).toISOString(),
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'en',
    uri,
    url: remote ? `${account.url}/${id}` : `https://${INSTANCE_HOST}/@${account.username}/${id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    content,
    reblog: null,
    application: null,
    account,
    media_attachments: [],
    mentions: [],
    tags: [{ name: TAG, url: `https://${INSTANCE_HOST}/tags/${TAG}` }],
    emojis: [],
    card: null,
    poll: null,
    ...extra,
  } as MastodonStatus;
}

const tagLink = `<a href="https://${INSTANCE_HOST}/tags/${TAG}" class="mention hashtag" rel="tag">#<span>${TAG}</span></a>`;
const acmeMention = `<span class="h-card" translate="no"><a href="https://${INSTANCE_HOST}/@acme" class="u-url mention">@<span>acme</span></a></span>`;

/** The tag timeline the server starts with, oldest first. */
export function initialTagStatuses(): MastodonStatus[] {
  return [
    makeStatus('113541000000000001', hiker, `<p>Three days on the ridge and the ${tagLink} tent held up in 60 km/h gusts.</p><p>Zipper is stiff though.</p>`),
    makeStatus('113541000000000002', acme, `<p>${acmeMention} here: thanks for the feedback! New zippers ship in July. ${tagLink}</p>`, { in_reply_to_id: '113541000000000001', in_reply_to_account_id: hiker.id }),
    makeStatus('113541000000000003', hiker, `<p>Quick review &amp; photos of the Summit 2 ${tagLink} &lt;3</p>`, { spoiler_text: 'long review', language: 'de' }),
    makeStatus('113541000000000004', acme, `<p>Spring sale: 20% off all ${tagLink} backpacks this week.</p>`, { language: null }),
  ];
}

/** The account timeline of @acme: an own status and a reblog of a status already in the tag timeline. */
export function initialAccountStatuses(tagStatuses: MastodonStatus[]): MastodonStatus[] {
  return [
    makeStatus('113541000000000010', acme, `<p>We are hiring a support lead. ${tagLink}</p>`),
    makeStatus('113541000000000011', acme, '', { reblog: tagStatuses[0]!, content: '', uri: `https://${INSTANCE_HOST}/users/acme/statuses/113541000000000011/activity`, url: null }),
    makeStatus('113541000000000012', acme, '', { reblog: tagStatuses[0]!, content: '', uri: `https://${INSTANCE_HOST}/users/acme/statuses/113541000000000012/activity`, url: null }),
  ];
}

export { acme, hiker };

export interface ServedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** 0 for a request left unanswered (see hangNext). */
  status: number;
  authorization?: string;
  idempotencyKey?: string;
  /** A POST's parameters, parsed from JSON or a form. */
  body?: Record<string, unknown>;
}

/** Which requests a scripted failure applies to: the next `times` (default 1), only those to `path` when given. */
export interface ScriptOptions {
  times?: number;
  path?: string;
}

export interface MastodonTestServer {
  origin: string;
  requests: ServedRequest[];
  /** Stream connections opened, in order, with their query. */
  streams: Record<string, string>[];
  tagStatuses: MastodonStatus[];
  accountStatuses: MastodonStatus[];
  /** X-RateLimit-Remaining sent with each answer (default 299). */
  setRemaining(remaining: number): void;
  /** The followers_count of @acme, the account the good token belongs to (default 4821). */
  setFollowers(followers: number): void;
  /** Statuses created through POST /api/v1/statuses, oldest first. */
  posted: MastodonStatus[];
  /** The next API request(s) (not the stream) are answered with this status; 429 comes with X-RateLimit-Reset. */
  failNext(status: number, body?: string, options?: ScriptOptions): void;
  /**
   * The next matching request is never answered (until close). With `afterWrite` it is
   * carried out first, so a posted status exists though its answer is lost.
   */
  hangNext(options?: { path?: string; afterWrite?: boolean }): void;
  /** Adds a status to the tag timeline and sends it to every open hashtag stream. */
  publish(status: MastodonStatus, options?: { stream?: boolean }): void;
  /** Cuts every open stream connection (as a restarting instance does). */
  dropStreams(): void;
  /** How many stream connections are open now. */
  openStreams(): number;
  close(): Promise<void>;
}

export interface MastodonTestServerOptions {
  /** The instance's clock for statuses it creates; by default testNow, a second later per status posted. */
  now?: () => Date;
}

export async function startMastodonTestServer(options: MastodonTestServerOptions = {}): Promise<MastodonTestServer> {
  const tagStatuses = initialTagStatuses();
  const accountStatuses = initialAccountStatuses(tagStatuses);
  const requests: ServedRequest[] = [];
  const streams: Record<string, string>[] = [];
  const sockets = new Set<WebSocket>();
  let remaining = 299;
  let followers = acme.followers_count!;
  let scripted: { status: number; body?: string; path?: string; times: number } | undefined;
  let hang: { path?: string; afterWrite: boolean } | undefined;
  const findStatus = (id: string) => [...tagStatuses, ...accountStatuses].find((status) => status.id === id);
  const poster = createStatusPoster({ goodToken: GOOD_TOKEN, account: acme, findStatus, makeStatus, now: options.now ?? (() => new Date(testNow.getTime() + poster.posted.length * 1000)) });

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('utf8')));
  });

  function answer(request: http.IncomingMessage, response: http.ServerResponse, bodyText: string): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    const authorization = request.headers.authorization;
    const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
    const method = request.method ?? 'GET';
    const body = method === 'POST' ? parseParams(bodyText, request.headers['content-type']) : undefined;
    const hanging = hang && (!hang.path || hang.path === url.pathname) ? hang : undefined;
    if (hanging) hang = undefined;
    const served: ServedRequest = { method, path: url.pathname, query, status: 0, ...(authorization && { authorization }), ...(idempotencyKey && { idempotencyKey }), ...(body && { body }) };
    requests.push(served);
    if (hanging && !hanging.afterWrite) return;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      if (hanging) return;
      served.status = status;
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': String(status === 429 ? 0 : remaining),
        'x-ratelimit-reset': rateLimitReset,
        ...headers,
      });
      response.end(text);
    };
    if (scripted && (!scripted.path || scripted.path === url.pathname)) {
      const { status, body: failure } = scripted;
      scripted = --scripted.times > 0 ? scripted : undefined;
      return send(status, failure ?? { error: status === 429 ? 'Too many requests' : 'Something went wrong' });
    }
    const token = authorization?.replace(/^Bearer /, '');
    if (method === 'POST' && url.pathname === '/api/v1/statuses') {
      const posted = poster.post(body ?? {}, token, idempotencyKey);
      return send(posted.status, posted.body);
    }
    if (authorization !== undefined && token !== GOOD_TOKEN && token !== READ_ONLY_TOKEN) return send(401, { error: 'The access token is invalid' });
    if (url.pathname === '/api/v1/accounts/verify_credentials') {
      if (!authorization) return send(401, { error: 'The access token is invalid' });
      return send(200, credentialAccount(followers));
    }
    const limit = Math.min(Number(query.limit ?? 20), 40);
    const page = (statuses: MastodonStatus[]) => {
      const minId = query.min_id ?? query.since_id;
      const ascending = [...statuses].sort((a, b) => compare(a.id, b.id));
      const newer = minId ? ascending.filter((status) => compare(status.id, minId) > 0) : ascending;
      // min_id gives the page right after it; since_id and no cursor give the newest page.
      const chosen = query.min_id ? newer.slice(0, limit) : newer.slice(-limit);
      return chosen.reverse();
    };
    const path = url.pathname;
    if (path === `/api/v1/timelines/tag/${TAG}`) return send(200, page(tagStatuses));
    if (path.startsWith('/api/v1/timelines/tag/')) return send(200, []);
    if (path === '/api/v1/accounts/lookup') {
      const acct = query.acct?.replace(/^@/, '');
      if (acct === 'acme' || acct === `acme@${INSTANCE_HOST}`) return send(200, acme);
      return send(404, { error: 'Record not found' });
    }
    if (path === `/api/v1/accounts/${acme.id}/statuses`) return send(200, page(accountStatuses));
    if (/^\/api\/v1\/accounts\/\d+\/statuses$/.test(path)) return send(404, { error: 'Record not found' });
    if (path === '/api/v2/search') {
      if (!authorization) return send(401, { error: 'The access token is invalid' });
      const q = (query.q ?? '').toLowerCase();
      const matches = tagStatuses.filter((status) => status.content.toLowerCase().includes(q));
      return send(200, { accounts: [], statuses: query.type === 'statuses' ? page(matches) : [], hashtags: [] });
    }
    if (path === '/api/v2/instance') return send(200, { domain: INSTANCE_HOST, title: 'Toot Example', version: '4.3.2', source_url: 'https://github.com/mastodon/mastodon', description: 'A test instance', usage: { users: { active_month: 1200 } } });
    if (path === '/api/v1/instance') return send(200, { uri: INSTANCE_HOST, title: 'Toot Example', version: '4.3.2' });
    return send(404, { error: 'Not Found' });
  }

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const authorization = request.headers.authorization;
    if (url.pathname !== '/api/v1/streaming' || (authorization !== undefined && authorization !== `Bearer ${GOOD_TOKEN}`)) {
      socket.end(`HTTP/1.1 ${url.pathname !== '/api/v1/streaming' ? '404 Not Found' : '401 Unauthorized'}\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      streams.push(Object.fromEntries(url.searchParams));
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    streams,
    tagStatuses,
    accountStatuses,
    setRemaining: (value) => {
      remaining = value;
    },
    setFollowers: (value) => {
      followers = value;
    },
    posted: poster.posted,
    failNext: (status, body, options = {}) => {
      scripted = { status, times: options.times ?? 1, ...(body !== undefined && { body }), ...(options.path && { path: options.path }) };
    },
    hangNext: (options = {}) => {
      hang = { afterWrite: options.afterWrite ?? false, ...(options.path && { path: options.path }) };
    },
    publish(status, options = {}) {
      tagStatuses.push(status);
      if (options.stream === false) return;
      const message = JSON.stringify({ stream: ['hashtag', TAG], event: 'update', payload: JSON.stringify(status) });
      for (const ws of sockets) ws.send(message);
    },
    dropStreams() {
      for (const ws of sockets) ws.terminate();
      sockets.clear();
    },
    openStreams: () => sockets.size,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** @acme as verify_credentials shows it to its owner: the Account, with its source (defaults for posting) and role. */
function credentialAccount(followers: number): Record<string, unknown> {
  return {
    ...acme,
    followers_count: followers,
    source: { privacy: 'public', sensitive: false, language: 'en', note: 'Gear for every trail.', fields: [], follow_requests_count: 0, hide_collections: false, discoverable: true, indexable: true },
    role: { id: '-99', name: '', permissions: '65536', color: '', highlighted: false },
  };
}

/** Mastodon takes a POST's parameters as JSON or as a form. */
function parseParams(bodyText: string, contentType: string | undefined): Record<string, unknown> {
  if (!contentType?.includes('json')) return Object.fromEntries(new URLSearchParams(bodyText));
  try {
    const parsed: unknown = JSON.parse(bodyText);
    return typeof parsed === 'object' && parsed !== null ? parsed as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

function compare(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
