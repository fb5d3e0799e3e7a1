// The 'mastodon' connector: follows a hashtag, an account or a search on one Mastodon
// instance through its REST API (min_id paging, rate-limit headers respected) and,
// for hashtags, through the streaming API with a REST backfill after every reconnect.
// With an access token that may write, it also publishes replies (mastodon-reply.ts).
import { Type, type Static } from 'typebox';
import type WebSocket from 'ws';
import { invalid } from '../../errors.ts';
import {
  ConnectorError, type Connector, type ConnectorContext, type Cursor, type IncomingPost, type PollResult, type SkippedItem, type StreamContext,
} from '../connector.ts';
import { parseRetryAfter } from '../http/retry-after.ts';
import { parseWithSchema, requireHttpUrl } from '../parse-config.ts';
import { SocketRefusedError } from '../http/guarded-websocket.ts';
import { reconnectDelay, sleep } from '../poll-delay.ts';
import { replyOnMastodon } from './mastodon-reply.ts';
import { compareIds, statusToPost } from './mastodon-status.ts';

export const MastodonConfigSchema = Type.Object(
  {
    instanceUrl: Type.String({ minLength: 1, maxLength: 2048, title: 'Instance', description: 'The address of the Mastodon instance, e.g. https://mastodon.social.' }),
    mode: Type.Union([Type.Literal('hashtag'), Type.Literal('account'), Type.Literal('search')], { title: 'Follow', description: 'A hashtag, one account, or a full-text search (search needs an access token).' }),
    value: Type.String({ minLength: 1, maxLength: 500, title: 'Hashtag, account or query', description: 'The tag without #, the account as user@host (or its id), or the search query.' }),
    accessToken: Type.Optional(Type.String({ minLength: 1, maxLength: 500, title: 'Access token', description: 'An application token with the read scope, needed for search and on instances that restrict their API; with write:statuses too, Herd can publish replies from this account.' })),
    intervalSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 86_400, default: 120, title: 'Poll every (seconds)', description: 'How often to ask for new statuses; at least 30 seconds.' })),
  },
  { additionalProperties: false },
);

export interface MastodonConfig {
  /** The instance's origin, e.g. https://mastodon.social. */
  instanceUrl: string;
  mode: 'hashtag' | 'account' | 'search';
  value: string;
  accessToken?: string;
  intervalSeconds: number;
}

export interface MastodonConnectorOptions {
  /** First reconnect delay after the stream drops (default 1 s), doubled per failure up to reconnectMaxMs (default 5 min). */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** A stream silent (no message, no ping) this long is considered dead and reopened (default 2 min). */
  idleTimeoutMs?: number;
}

/** What the connector remembers: the newest status id read, the account id the acct resolved to, recent ids. */
interface MastodonCursor {
  minId?: string;
  /** The acct and the id it resolved to, so the lookup is done once. */
  account?: { acct: string; id: string };
  /** Recently yielded ids (newest first): reblogs and stream/backfill overlaps are not yielded twice. */
  seen: string[];
}

const PAGE_LIMIT = 40;
/** Pages read per poll when catching up; the cursor keeps the place, so the rest come next poll. */
const MAX_PAGES = 5;
const SEEN_LIMIT = 400;
/** Below this many requests left in the window, wait for the window to reset before polling again. */
const LOW_REMAINING = 5;

export function createMastodonConnector(options: MastodonConnectorOptions = {}): Connector<MastodonConfig> {
  const reconnectBaseMs = options.reconnectBaseMs ?? 1000;
  const reconnectMaxMs = options.reconnectMaxMs ?? 5 * 60 * 1000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 2 * 60 * 1000;

  return {
    kind: 'mastodon',
    displayName: 'Mastodon',
    capabilities: ['read', 'stream', 'reply'],
    configSchema: MastodonConfigSchema,
    // The token may publish as the organization's account: shown once, never listed again.
    secretConfigKeys: ['accessToken'],

    parseConfig(raw: unknown): MastodonConfig {
      const config: Static<typeof MastodonConfigSchema> = parseWithSchema(MastodonConfigSchema, raw);
      const instance = requireHttpUrl(config.instanceUrl.trim(), 'config.instanceUrl');
      const value = config.mode === 'hashtag' ? config.value.trim().replace(/^#/, '') : config.mode === 'account' ? config.value.trim().replace(/^@/, '') : config.value.trim();
      if (!value) throw invalid([{ field: 'config.value', message: 'must not be empty' }]);
      if (config.mode === 'hashtag' && !/^[\p{L}\p{N}_]+$/u.test(value)) throw invalid([{ field: 'config.value', message: 'a hashtag has only letters, digits and underscores' }]);
      if (config.mode === 'account' && !/^(?:\d+|[A-Za-z0-9_]+(?:@[A-Za-z0-9.-]+)?)$/.test(value)) throw invalid([{ field: 'config.value', message: 'must be an account like user@mastodon.social, or its numeric id' }]);
      const accessToken = config.accessToken?.trim();
      if (config.mode === 'search' && !accessToken) throw invalid([{ field: 'config.accessToken', message: 'is required to search: Mastodon only searches statuses for signed-in applications' }]);
      return { instanceUrl: instance.origin, mode: config.mode, value, ...(accessToken && { accessToken }), intervalSeconds: config.intervalSeconds ?? 120 };
    },

    pollIntervalMs: (config) => config.intervalSeconds * 1000,

    reply: replyOnMastodon,
    canReply: (config) => config.accessToken !== undefined,

    async poll(context: ConnectorContext<MastodonConfig>): Promise<PollResult> {
      const read = await readNew(context, readCursor(context.cursor));
      return { posts: read.posts, cursor: writeCursor(read.cursor), nextPollInMs: read.nextPollInMs, skipped: read.skipped, warnings: read.warnings };
    },

    async stream(context: StreamContext<MastodonConfig>): Promise<void> {
      if (context.config.mode !== 'hashtag') return pollLoop(context);
      const { config, signal } = context;
      let cursor = readCursor(context.cursor);
      let failures = 0;
      while (!signal.aborted) {
        let waitAtLeast = 0;
        try {
          const socketUrl = new URL('/api/v1/streaming', config.instanceUrl.replace(/^http/, 'ws'));
          socketUrl.search = new URLSearchParams({ stream: 'hashtag', tag: config.value }).toString();
          const socket = await context.http.openWebSocket(socketUrl.href, authHeaders(config)).catch((error: unknown) => {
            throw error instanceof SocketRefusedError ? refusedToConnectorError(error) : error;
          });
          const opened = Date.now();
          cursor = await consume(socket, context, cursor, idleTimeoutMs);
          // A connection that lived a while was healthy; the next drop starts the backoff afresh.
          if (Date.now() - opened > 30_000) failures = 0;
        } catch (error) {
          if (signal.aborted) break;
          if (error instanceof ConnectorError && !error.retryable) throw error;
          context.onRecoverableError?.(error instanceof Error ? error : new Error(String(error)));
          waitAtLeast = error instanceof ConnectorError ? error.retryAfterMs ?? 0 : 0;
        }
        if (signal.aborted) break;
        await sleep(Math.max(waitAtLeast, reconnectDelay(failures++, reconnectBaseMs, reconnectMaxMs)), signal);
      }
    },

    async checkHealth(context: ConnectorContext<MastodonConfig>) {
      try {
        const { body } = await api(context, '/api/v2/instance').catch(async (error: unknown) => {
          // Instances older than 4.0 only have v1.
          if (error instanceof ConnectorError && error.kind === 'not_found') return api(context, '/api/v1/instance');
          throw error;
        });
        const title = typeof (body as { title?: unknown })?.title === 'string' ? (body as { title: string }).title : new URL(context.config.instanceUrl).host;
        const version = typeof (body as { version?: unknown })?.version === 'string' ? ` (Mastodon ${(body as { version: string }).version})` : '';
        // Reading the source itself also proves the tag, account or token works.
        await readNew(context, { seen: [] }, 1);
        return { ok: true, message: `Connected to "${title}"${version}.` };
      } catch (error) {
        if (context.signal.aborted) throw error;
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };

  /** Accounts and searches have no public stream: poll them on their interval until aborted. */
  async function pollLoop(context: StreamContext<MastodonConfig>): Promise<void> {
    let cursor = readCursor(context.cursor);
    let failures = 0;
    while (!context.signal.aborted) {
      let delay: number;
      try {
        const read = await readNew(context, cursor);
        cursor = read.cursor;
        if (read.posts.length) await context.onPosts(read.posts, writeCursor(cursor));
        delay = read.nextPollInMs;
        failures = 0;
      } catch (error) {
        if (context.signal.aborted) break;
        if (error instanceof ConnectorError && !error.retryable) throw error;
        context.onRecoverableError?.(error instanceof Error ? error : new Error(String(error)));
        delay = Math.max(error instanceof ConnectorError ? error.retryAfterMs ?? 0 : 0, reconnectDelay(failures++, reconnectBaseMs, reconnectMaxMs));
      }
      await sleep(delay, context.signal);
    }
  }
}

/** The connector Herd registers: real sockets, guarded like every other outbound connection. */
export const mastodonConnector = createMastodonConnector();

interface ReadResult {
  posts: IncomingPost[];
  /** More new statuses wait than one read takes. */
  more: boolean;
  cursor: MastodonCursor;
  nextPollInMs: number;
  skipped: SkippedItem[];
  warnings: string[];
}

/** Reads every status newer than the cursor (up to MAX_PAGES pages), oldest page first. */
async function readNew(context: ConnectorContext<MastodonConfig>, previous: MastodonCursor, limit = PAGE_LIMIT): Promise<ReadResult> {
  const { config } = context;
  const host = new URL(config.instanceUrl).hostname;
  let cursor: MastodonCursor = { ...previous, seen: [...previous.seen] };
  const base = await timelinePath(context, cursor);
  cursor = base.cursor;
  const posts: IncomingPost[] = [];
  const skipped: SkippedItem[] = [];
  const warnings: string[] = [];
  const seen = new Set(cursor.seen);
  let rate: RateLimit | undefined;
  let more = false;
  for (let page = 0; ; page++) {
    const query = new URLSearchParams(base.query);
    query.set('limit', String(limit));
    if (cursor.minId) query.set('min_id', cursor.minId);
    const response = await api(context, `${base.path}?${query}`);
    rate = response.rate;
    const statuses = config.mode === 'search' ? (response.body as { statuses?: unknown })?.statuses : response.body;
    if (!Array.isArray(statuses)) throw new ConnectorError('invalid_response', `${host} answered without a list of statuses`);
    const ids = statuses.map((status) => (status as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string' && /^\d+$/.test(id));
    const newest = ids.reduce<string | undefined>((max, id) => (max === undefined || compareIds(id, max) > 0 ? id : max), undefined);
    // Oldest first, so a consumer storing them in order sees the timeline's order.
    for (const status of [...statuses].reverse()) {
      const post = statusToPost(status, host);
      if (!('text' in post)) {
        skipped.push(post);
        continue;
      }
      if (seen.has(post.externalId)) continue;
      seen.add(post.externalId);
      posts.push(post);
    }
    if (newest && (!cursor.minId || compareIds(newest, cursor.minId) > 0)) cursor.minId = newest;
    // The first read takes only the latest page: Herd listens from now on, it does not archive.
    if (!previous.minId || statuses.length < limit || !newest) break;
    if (page + 1 >= MAX_PAGES) {
      warnings.push(`more than ${MAX_PAGES * limit} new statuses; the rest are read on the next poll`);
      more = true;
      break;
    }
  }
  cursor.seen = [...posts.map((post) => post.externalId).reverse(), ...cursor.seen.filter((id) => !posts.some((post) => post.externalId === id))].slice(0, SEEN_LIMIT);
  let nextPollInMs = config.intervalSeconds * 1000;
  if (rate?.remaining !== undefined && rate.remaining < LOW_REMAINING && rate.resetInMs !== undefined) {
    nextPollInMs = Math.max(nextPollInMs, rate.resetInMs);
    warnings.push(`only ${rate.remaining} API request(s) left until the rate limit resets; waiting for it`);
  }
  return { posts, more, cursor, nextPollInMs, skipped, warnings };
}

async function timelinePath(context: ConnectorContext<MastodonConfig>, cursor: MastodonCursor): Promise<{ path: string; query: Record<string, string>; cursor: MastodonCursor }> {
  const { mode, value } = context.config;
  if (mode === 'hashtag') return { path: `/api/v1/timelines/tag/${encodeURIComponent(value)}`, query: {}, cursor };
  if (mode === 'search') return { path: '/api/v2/search', query: { type: 'statuses', q: value }, cursor };
  if (/^\d+$/.test(value)) return { path: `/api/v1/accounts/${value}/statuses`, query: {}, cursor };
  let account = cursor.account?.acct === value ? cursor.account : undefined;
  if (!account) {
    const { body } = await api(context, `/api/v1/accounts/lookup?${new URLSearchParams({ acct: value })}`);
    const id = (body as { id?: unknown })?.id;
    if (typeof id !== 'string' || !/^\d+$/.test(id)) throw new ConnectorError('invalid_response', `the account lookup for ${value} returned no account id`);
    account = { acct: value, id };
  }
  return { path: `/api/v1/accounts/${account.id}/statuses`, query: {}, cursor: { ...cursor, account } };
}

interface RateLimit {
  remaining?: number;
  resetInMs?: number;
}

function authHeaders(config: MastodonConfig): Record<string, string | undefined> {
  return { accept: 'application/json', authorization: config.accessToken ? `Bearer ${config.accessToken}` : undefined };
}

/** One GET against the instance's API, its status mapped to ConnectorError kinds. The token is sent, never echoed in messages. */
async function api(context: ConnectorContext<MastodonConfig>, path: string): Promise<{ body: unknown; rate: RateLimit }> {
  const { config } = context;
  const host = new URL(config.instanceUrl).host;
  const response = await context.http.get(`${config.instanceUrl}${path}`, { headers: authHeaders(config), signal: context.signal });
  const now = context.now();
  const remaining = Number(response.headers['x-ratelimit-remaining']);
  const resetAt = Date.parse(response.headers['x-ratelimit-reset'] ?? '');
  const rate: RateLimit = {
    ...(response.headers['x-ratelimit-remaining'] !== undefined && Number.isFinite(remaining) && { remaining }),
    ...(!Number.isNaN(resetAt) && { resetInMs: Math.max(0, resetAt - now.getTime()) }),
  };
  const { status } = response;
  const what = path.split('?')[0];
  if (status === 429) {
    const retryAfterMs = rate.resetInMs ?? parseRetryAfter(response.headers['retry-after'], now);
    const wait = retryAfterMs === undefined ? '' : `; the limit resets in ${Math.ceil(retryAfterMs / 1000)} s`;
    throw new ConnectorError('rate_limited', `${host} is rate-limiting us (HTTP 429)${wait}`, { retryAfterMs });
  }
  if (status === 401 || status === 403) {
    const why = config.accessToken ? 'the access token is not valid or lacks the read scope' : 'this instance requires an access token';
    throw new ConnectorError('forbidden', `${host} refuses access to ${what} (HTTP ${status}): ${why}`);
  }
  if (status === 404 || status === 410) throw new ConnectorError('not_found', `${host} has no ${config.mode} "${config.value}" (HTTP ${status} for ${what})`);
  if (status >= 500) throw new ConnectorError('unavailable', `${host} failed (HTTP ${status})`, { retryAfterMs: parseRetryAfter(response.headers['retry-after'], now) });
  if (status < 200 || status >= 300) throw new ConnectorError('invalid_response', `${host} answered HTTP ${status} for ${what}`);
  try {
    return { body: JSON.parse(response.bodyText), rate };
  } catch (error) {
    throw new ConnectorError('invalid_response', `${host} answered ${what} with something that is not JSON`, { cause: error });
  }
}

function refusedToConnectorError(error: SocketRefusedError): ConnectorError {
  if (error.status === 401 || error.status === 403) return new ConnectorError('forbidden', `${error.message}: the streaming API needs a valid access token`);
  if (error.status === 404) return new ConnectorError('not_found', `${error.message}: this instance has no streaming API there`);
  if (error.status === 429) return new ConnectorError('rate_limited', error.message);
  return new ConnectorError('unavailable', error.message);
}

/**
 * Reads one streaming connection until it closes or the signal aborts. Updates are
 * buffered while the REST backfill from the cursor runs, so nothing published between
 * the last read and the socket opening is lost, and ids already yielded are dropped.
 */
async function consume(socket: WebSocket, context: StreamContext<MastodonConfig>, start: MastodonCursor, idleTimeoutMs: number): Promise<MastodonCursor> {
  const host = new URL(context.config.instanceUrl).hostname;
  const queue: unknown[] = [];
  let closed = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => socket.terminate(), idleTimeoutMs);
  };
  touch();
  socket.on('ping', touch);
  socket.on('message', (data) => {
    touch();
    let message: { event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (message?.event !== 'update' || typeof message.payload !== 'string') return;
    try {
      queue.push(JSON.parse(message.payload));
    } catch {
      return;
    }
    notify();
  });
  socket.on('close', () => {
    closed = true;
    notify();
  });
  socket.on('error', () => socket.terminate());
  const onAbort = () => {
    socket.close(1000);
    notify();
  };
  context.signal.addEventListener('abort', onAbort, { once: true });
  socket.resume();
  let cursor = start;
  try {
    if (cursor.minId) {
      // Backfill everything since the last id, page by page, before the buffered updates.
      for (;;) {
        const read = await readNew(context, cursor);
        cursor = read.cursor;
        if (read.posts.length) await context.onPosts(read.posts, writeCursor(cursor));
        if (!read.more) break;
      }
    }
    for (;;) {
      if (queue.length) {
        const batch = queue.splice(0);
        const seen = new Set(cursor.seen);
        const posts: IncomingPost[] = [];
        for (const status of batch) {
          const post = statusToPost(status, host);
          if (!('text' in post) || seen.has(post.externalId)) continue;
          seen.add(post.externalId);
          posts.push(post);
          const id = (status as { id: string }).id;
          if (/^\d+$/.test(id) && (!cursor.minId || compareIds(id, cursor.minId) > 0)) cursor = { ...cursor, minId: id };
        }
        if (posts.length) {
          cursor = { ...cursor, seen: [...posts.map((post) => post.externalId).reverse(), ...cursor.seen].slice(0, SEEN_LIMIT) };
          await context.onPosts(posts, writeCursor(cursor));
        }
        continue;
      }
      if (closed || context.signal.aborted) break;
      await new Promise<void>((resolvePromise) => {
        wake = resolvePromise;
      });
    }
  } finally {
    clearTimeout(idle);
    context.signal.removeEventListener('abort', onAbort);
    if (!closed) socket.terminate();
  }
  return cursor;
}

/** Tolerates any stored value: a cursor from an older version or a hand-edited one starts afresh rather than failing. */
function readCursor(cursor: Cursor): MastodonCursor {
  const stored = cursor ?? {};
  const account = stored.account as { acct?: unknown; id?: unknown } | undefined;
  return {
    ...(typeof stored.minId === 'string' && /^\d+$/.test(stored.minId) && { minId: stored.minId }),
    ...(typeof account?.acct === 'string' && typeof account.id === 'string' && { account: { acct: account.acct, id: account.id } }),
    seen: Array.isArray(stored.seen) ? stored.seen.filter((id): id is string => typeof id === 'string') : [],
  };
}

function writeCursor(cursor: MastodonCursor): Cursor {
  return {
    ...(cursor.minId && { minId: cursor.minId }),
    ...(cursor.account && { account: cursor.account }),
    seen: cursor.seen,
  };
}
