// The 'bluesky' connector: reads a search or one author's feed from the public AppView
// (XRPC over the guarded HTTP client), or follows every new post on the network through
// Jetstream, resuming from its time_us cursor after a disconnect so nothing is missed.
// With an account's handle and app password it also publishes replies (bluesky-reply.ts).
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
import { jetstreamToPost, postViewToPost, type JetstreamEvent } from './bluesky-post.ts';
import { replyOnBluesky } from './bluesky-reply.ts';
import { createSessionCache } from './bluesky-sessions.ts';

export const DEFAULT_APPVIEW = 'https://public.api.bsky.app';
export const DEFAULT_JETSTREAM = 'wss://jetstream2.us-east.bsky.network/subscribe';
export const DEFAULT_PDS = 'https://bsky.social';
const POST_COLLECTION = 'app.bsky.feed.post';

export const BlueskyConfigSchema = Type.Object(
  {
    mode: Type.Union([Type.Literal('search'), Type.Literal('author'), Type.Literal('jetstream')], { title: 'Follow', description: 'A search, one author, or every new post on the network (Jetstream).' }),
    value: Type.Optional(Type.String({ maxLength: 500, title: 'Query, author or keywords', description: 'The search query; the handle or DID of the author; for Jetstream, comma-separated keywords a post must contain (empty: every post).' })),
    appviewUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048, title: 'AppView', description: `The XRPC service to read from (default ${DEFAULT_APPVIEW}).` })),
    jetstreamUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048, title: 'Jetstream', description: `The Jetstream subscribe address (default ${DEFAULT_JETSTREAM}).` })),
    intervalSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 86_400, default: 120, title: 'Poll every (seconds)', description: 'How often to ask for new posts; at least 30 seconds.' })),
    handle: Type.Optional(Type.String({ minLength: 1, maxLength: 253, title: 'Reply as (handle)', description: 'The account Herd publishes replies from, e.g. acme.bsky.social (or its DID); leave empty to only listen.' })),
    appPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 100, title: 'App password', description: 'An app password of that account (Settings → Privacy and security → App passwords), never the account password.' })),
    pdsUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048, title: 'PDS', description: `The server hosting that account, where replies are written (default ${DEFAULT_PDS}).` })),
  },
  { additionalProperties: false },
);

export interface BlueskyConfig {
  mode: 'search' | 'author' | 'jetstream';
  /** Query, actor, or the keywords joined by commas ('' for every post). */
  value: string;
  appviewUrl: string;
  jetstreamUrl: string;
  intervalSeconds: number;
  /** The account replies are published from, with its app password; both or neither. */
  handle?: string;
  appPassword?: string;
  /** Origin of the account's PDS. */
  pdsUrl: string;
}

export interface BlueskyConnectorOptions {
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** poll() in jetstream mode reads until the stream is quiet this long (default 1.5 s) ... */
  pollQuietMs?: number;
  /** ... or at most this long (default 20 s). */
  pollMaxMs?: number;
  /** A stream silent this long is considered dead and reopened (default 60 s; Jetstream is never quiet). */
  idleTimeoutMs?: number;
}

interface BlueskyCursor {
  /** AppView modes: the newest indexedAt yielded (ISO 8601). */
  newest?: string;
  /** Jetstream: the time_us of the last event read. */
  timeUs?: number;
  /** Recently yielded at-uris, newest first. */
  seen: string[];
}

const HANDLE_OR_DID = /^(?:did:[a-z]+:[A-Za-z0-9._:%-]+|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)$/;
const SEEN_LIMIT = 1000;
const MAX_PAGES = 5;
const LOW_REMAINING = 5;
/** How far before the last event a Jetstream reconnect starts, so events that share or straddle a time_us are not lost. */
const REPLAY_MARGIN_US = 1_000_000;
/** How often the stream hands over an empty batch just to store its advanced cursor. */
const CURSOR_SAVE_MS = 10_000;

export function createBlueskyConnector(options: BlueskyConnectorOptions = {}): Connector<BlueskyConfig> {
  const reconnectBaseMs = options.reconnectBaseMs ?? 1000;
  const reconnectMaxMs = options.reconnectMaxMs ?? 5 * 60 * 1000;
  const pollQuietMs = options.pollQuietMs ?? 1500;
  const pollMaxMs = options.pollMaxMs ?? 20_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const sessions = createSessionCache();

  function jetstreamUrl(config: BlueskyConfig, cursor: BlueskyCursor): string {
    const url = new URL(config.jetstreamUrl);
    url.searchParams.set('wantedCollections', POST_COLLECTION);
    if (cursor.timeUs !== undefined) url.searchParams.set('cursor', String(Math.max(0, cursor.timeUs - REPLAY_MARGIN_US)));
    return url.href;
  }

  async function connect(context: ConnectorContext<BlueskyConfig>, cursor: BlueskyCursor): Promise<WebSocket> {
    return context.http.openWebSocket(jetstreamUrl(context.config, cursor)).catch((error: unknown) => {
      if (!(error instanceof SocketRefusedError)) throw error;
      if (error.status === 401 || error.status === 403) throw new ConnectorError('forbidden', error.message);
      if (error.status === 404) throw new ConnectorError('not_found', `${error.message}: no Jetstream at this address`);
      if (error.status === 429) throw new ConnectorError('rate_limited', error.message);
      throw new ConnectorError('unavailable', error.message);
    });
  }

  return {
    kind: 'bluesky',
    displayName: 'Bluesky',
    capabilities: ['read', 'stream', 'reply'],
    configSchema: BlueskyConfigSchema,
    secretConfigKeys: ['appPassword'],

    parseConfig(raw: unknown): BlueskyConfig {
      const config: Static<typeof BlueskyConfigSchema> = parseWithSchema(BlueskyConfigSchema, raw);
      let value = (config.value ?? '').trim();
      if (config.mode !== 'jetstream' && !value) throw invalid([{ field: 'config.value', message: config.mode === 'search' ? 'is required: the search query' : 'is required: the handle or DID of the author' }]);
      if (config.mode === 'author') {
        value = value.replace(/^@/, '');
        if (!HANDLE_OR_DID.test(value)) {
          throw invalid([{ field: 'config.value', message: 'must be a handle like acme.bsky.social or a DID like did:plc:…' }]);
        }
        if (!value.startsWith('did:')) value = value.toLowerCase();
      }
      if (config.mode === 'jetstream') value = keywordsOf(value).join(', ');
      const appview = requireHttpUrl((config.appviewUrl ?? DEFAULT_APPVIEW).trim(), 'config.appviewUrl');
      const jetstream = requireWsUrl((config.jetstreamUrl ?? DEFAULT_JETSTREAM).trim(), 'config.jetstreamUrl');
      const pds = requireHttpUrl((config.pdsUrl ?? DEFAULT_PDS).trim(), 'config.pdsUrl');
      return { mode: config.mode, value, appviewUrl: appview.origin, jetstreamUrl: jetstream.href, intervalSeconds: config.intervalSeconds ?? 120, ...replyAccount(config), pdsUrl: pds.origin };
    },

    pollIntervalMs: (config) => config.intervalSeconds * 1000,

    reply: (context, reply) => replyOnBluesky(context, reply, sessions),
    canReply: (config) => config.handle !== undefined && config.appPassword !== undefined,

    async poll(context: ConnectorContext<BlueskyConfig>): Promise<PollResult> {
      if (context.config.mode === 'jetstream') return pollJetstream(context);
      const read = await readAppView(context, readCursor(context.cursor));
      return { posts: read.posts, cursor: writeCursor(read.cursor), nextPollInMs: read.nextPollInMs, skipped: read.skipped, warnings: read.warnings };
    },

    async stream(context: StreamContext<BlueskyConfig>): Promise<void> {
      if (context.config.mode !== 'jetstream') return pollLoop(context);
      const { signal } = context;
      let cursor = readCursor(context.cursor);
      let failures = 0;
      while (!signal.aborted) {
        let waitAtLeast = 0;
        try {
          const socket = await connect(context, cursor);
          const opened = Date.now();
          cursor = await consumeJetstream(socket, context, cursor, { idleTimeoutMs });
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

    async checkHealth(context: ConnectorContext<BlueskyConfig>) {
      const { config } = context;
      try {
        if (config.mode === 'jetstream') {
          const socket = await connect(context, { seen: [] });
          socket.terminate();
          return { ok: true, message: `Connected to Jetstream at ${new URL(config.jetstreamUrl).host}.` };
        }
        const read = await readAppView(context, { seen: [] }, 1);
        const what = config.mode === 'search' ? `Searched "${config.value}"` : `Read the feed of ${config.value}`;
        return { ok: true, message: `${what} on ${new URL(config.appviewUrl).host}: ${read.posts.length ? 'posts found' : 'no posts yet'}.` };
      } catch (error) {
        if (context.signal.aborted) throw error;
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };

  /** poll() in jetstream mode: replays from the cursor (or listens from now) until the stream goes quiet. */
  async function pollJetstream(context: ConnectorContext<BlueskyConfig>): Promise<PollResult> {
    const start = readCursor(context.cursor);
    const socket = await connect(context, start);
    const posts: IncomingPost[] = [];
    const skipped: SkippedItem[] = [];
    const cursor = await consumeJetstream(socket, {
      ...context,
      onPosts: async (batch) => {
        posts.push(...batch);
      },
    }, start, { idleTimeoutMs: pollQuietMs, maxMs: pollMaxMs, endWhenIdle: true, skipped });
    return { posts, cursor: writeCursor(cursor), nextPollInMs: context.config.intervalSeconds * 1000, skipped, warnings: [] };
  }

  /** Author feeds and searches have no stream: poll them on their interval until aborted. */
  async function pollLoop(context: StreamContext<BlueskyConfig>): Promise<void> {
    let cursor = readCursor(context.cursor);
    let failures = 0;
    while (!context.signal.aborted) {
      let delay: number;
      try {
        const read = await readAppView(context, cursor);
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
export const blueskyConnector = createBlueskyConnector();

function keywordsOf(value: string): string[] {
  return [...new Set(value.split(',').map((keyword) => keyword.trim().toLowerCase()).filter(Boolean))];
}

function requireWsUrl(value: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid([{ field, message: 'must be an absolute URL such as wss://jetstream2.us-east.bsky.network/subscribe' }]);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw invalid([{ field, message: 'must start with wss:// or ws://' }]);
  if (url.username || url.password) throw invalid([{ field, message: 'must not contain a user name or password' }]);
  return url;
}

interface AppViewRead {
  posts: IncomingPost[];
  cursor: BlueskyCursor;
  nextPollInMs: number;
  skipped: SkippedItem[];
  warnings: string[];
}

/**
 * Search and author feed are newest first. The first read takes one page; later reads page
 * back until they reach what the cursor has seen (at most MAX_PAGES pages), and yield
 * only posts not yielded before, oldest first.
 */
async function readAppView(context: ConnectorContext<BlueskyConfig>, previous: BlueskyCursor, limit?: number): Promise<AppViewRead> {
  const { config } = context;
  // 100 is the most either method returns per page.
  const pageSize = limit ?? 100;
  const seen = new Set(previous.seen);
  const found: { post: IncomingPost; sortAt: string }[] = [];
  const skipped: SkippedItem[] = [];
  const warnings: string[] = [];
  let xrpcCursor: string | undefined;
  let rate: { remaining?: number; resetInMs?: number } | undefined;
  for (let page = 0; ; page++) {
    const query = new URLSearchParams(config.mode === 'search' ? { q: config.value, sort: 'latest' } : { actor: config.value, filter: 'posts_with_replies' });
    query.set('limit', String(pageSize));
    if (xrpcCursor) query.set('cursor', xrpcCursor);
    const method = config.mode === 'search' ? 'app.bsky.feed.searchPosts' : 'app.bsky.feed.getAuthorFeed';
    const response = await xrpc(context, method, query);
    rate = response.rate;
    const body = response.body as { cursor?: unknown; posts?: unknown; feed?: unknown };
    const items = config.mode === 'search' ? body?.posts : body?.feed;
    if (!Array.isArray(items)) throw new ConnectorError('invalid_response', `${method} answered without a list of posts`);
    let reachedSeen = false;
    for (const item of items) {
      // getAuthorFeed wraps each post (a repost's reason carries when it was reposted).
      const view = config.mode === 'search' ? item : (item as { post?: unknown })?.post;
      const reasonAt = (item as { reason?: { indexedAt?: unknown } })?.reason?.indexedAt;
      const indexedAt = typeof reasonAt === 'string' ? reasonAt : (view as { indexedAt?: unknown })?.indexedAt;
      const sortAt = typeof indexedAt === 'string' && !Number.isNaN(Date.parse(indexedAt)) ? new Date(indexedAt).toISOString() : '';
      if (previous.newest && sortAt && sortAt < previous.newest) reachedSeen = true;
      const post = postViewToPost(view);
      if (!('text' in post)) {
        skipped.push(post);
        continue;
      }
      if (seen.has(post.externalId)) {
        reachedSeen = true;
        continue;
      }
      // Older than what we have seen, yet unseen: it fell out of the remembered ids; do not yield it again.
      if (previous.newest && sortAt && sortAt < previous.newest && previous.seen.length >= SEEN_LIMIT) continue;
      seen.add(post.externalId);
      found.push({ post, sortAt });
    }
    xrpcCursor = typeof body.cursor === 'string' && body.cursor ? body.cursor : undefined;
    if (!previous.newest || reachedSeen || !xrpcCursor || items.length === 0 || limit !== undefined) break;
    if (page + 1 >= MAX_PAGES) {
      warnings.push(`more than ${MAX_PAGES * pageSize} new posts since the last poll; older ones were not read`);
      break;
    }
  }
  const posts = found.reverse().map((entry) => entry.post);
  const newest = found.reduce<string | undefined>((max, entry) => (entry.sortAt && (!max || entry.sortAt > max) ? entry.sortAt : max), previous.newest);
  const cursor: BlueskyCursor = {
    ...(newest && { newest }),
    seen: [...posts.map((post) => post.externalId).reverse(), ...previous.seen].slice(0, SEEN_LIMIT),
  };
  let nextPollInMs = config.intervalSeconds * 1000;
  if (rate?.remaining !== undefined && rate.remaining < LOW_REMAINING && rate.resetInMs !== undefined) {
    nextPollInMs = Math.max(nextPollInMs, rate.resetInMs);
    warnings.push(`only ${rate.remaining} request(s) left until the rate limit resets; waiting for it`);
  }
  return { posts, cursor, nextPollInMs, skipped, warnings };
}

/** One XRPC query against the AppView; failures become ConnectorErrors carrying the XRPC error name and message. */
async function xrpc(context: ConnectorContext<BlueskyConfig>, method: string, query: URLSearchParams): Promise<{ body: unknown; rate: { remaining?: number; resetInMs?: number } }> {
  const { config } = context;
  const response = await context.http.get(`${config.appviewUrl}/xrpc/${method}?${query}`, { headers: { accept: 'application/json' }, signal: context.signal });
  const now = context.now();
  const remaining = Number(response.headers['ratelimit-remaining']);
  const reset = Number(response.headers['ratelimit-reset']);
  const rate = {
    ...(response.headers['ratelimit-remaining'] !== undefined && Number.isFinite(remaining) && { remaining }),
    ...(response.headers['ratelimit-reset'] !== undefined && Number.isFinite(reset) && { resetInMs: Math.max(0, reset * 1000 - now.getTime()) }),
  };
  const { status } = response;
  if (status >= 200 && status < 300) {
    try {
      return { body: JSON.parse(response.bodyText), rate };
    } catch (error) {
      throw new ConnectorError('invalid_response', `${method} answered with something that is not JSON`, { cause: error });
    }
  }
  let problem = '';
  let name = '';
  try {
    const body = JSON.parse(response.bodyText) as { error?: unknown; message?: unknown };
    name = typeof body.error === 'string' ? body.error : '';
    problem = [name, typeof body.message === 'string' ? body.message : ''].filter(Boolean).join(': ');
  } catch {
    // Not an XRPC error body; the status says enough.
  }
  const said = `${method} failed (HTTP ${status}${problem ? `, ${problem}` : ''})`;
  if (status === 429) {
    const retryAfterMs = rate.resetInMs ?? parseRetryAfter(response.headers['retry-after'], now);
    throw new ConnectorError('rate_limited', `${said}; the limit resets in ${Math.ceil((retryAfterMs ?? 0) / 1000)} s`, { retryAfterMs });
  }
  if (status === 401 || status === 403 || /^Blocked/.test(name)) throw new ConnectorError('forbidden', said);
  if (status === 404 || status === 410 || /NotFound$/.test(name) || /not found/i.test(problem)) throw new ConnectorError('not_found', said);
  if (status >= 500) throw new ConnectorError('unavailable', said, { retryAfterMs: parseRetryAfter(response.headers['retry-after'], now) });
  throw new ConnectorError('invalid_response', said);
}

interface ConsumeOptions {
  idleTimeoutMs: number;
  /** poll(): stop once the stream has been quiet for idleTimeoutMs instead of treating quiet as a dead socket. */
  endWhenIdle?: boolean;
  maxMs?: number;
  skipped?: SkippedItem[];
}

/**
 * Reads one Jetstream connection until it closes, the signal aborts, or (for poll) it goes
 * quiet. Every event moves the cursor, matching post creates are handed over in order;
 * the consumer's onPosts finishes before the next batch is read.
 */
async function consumeJetstream(socket: WebSocket, context: StreamContext<BlueskyConfig>, start: BlueskyCursor, options: ConsumeOptions): Promise<BlueskyCursor> {
  const keywords = keywordsOf(context.config.value);
  const queue: string[] = [];
  let closed = false;
  let idle = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  let idleTimer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idle = true;
      if (options.endWhenIdle) notify();
      else socket.terminate();
    }, options.idleTimeoutMs);
  };
  const maxTimer = options.maxMs === undefined ? undefined : setTimeout(() => {
    idle = true;
    notify();
  }, options.maxMs);
  touch();
  socket.on('message', (data) => {
    touch();
    queue.push(data.toString());
    notify();
  });
  socket.on('ping', touch);
  socket.on('close', () => {
    closed = true;
    notify();
  });
  socket.on('error', () => socket.terminate());
  const onAbort = () => notify();
  context.signal.addEventListener('abort', onAbort, { once: true });
  socket.resume();
  const cursor: BlueskyCursor = { ...start, seen: [...start.seen] };
  const seen = new Set(cursor.seen);
  let savedAt = Date.now();
  let savedTimeUs = cursor.timeUs;
  try {
    for (;;) {
      if (context.signal.aborted) break;
      if (queue.length) {
        const posts: IncomingPost[] = [];
        for (const message of queue.splice(0)) {
          let event: JetstreamEvent;
          try {
            event = JSON.parse(message);
          } catch {
            options.skipped?.push({ reason: 'a Jetstream message that is not JSON' });
            continue;
          }
          if (typeof event?.time_us !== 'number' || !Number.isFinite(event.time_us)) continue;
          if (cursor.timeUs === undefined || event.time_us > cursor.timeUs) cursor.timeUs = event.time_us;
          const commit = event.commit;
          // Updates and deletes of posts are not new posts; identity and account events say nothing.
          if (event.kind !== 'commit' || !commit || commit.collection !== POST_COLLECTION || commit.operation !== 'create' || typeof event.did !== 'string' || typeof commit.rkey !== 'string') continue;
          const post = jetstreamToPost(event);
          if (!('text' in post)) {
            options.skipped?.push(post);
            continue;
          }
          if (seen.has(post.externalId)) continue;
          if (keywords.length && !keywords.some((keyword) => post.text.toLowerCase().includes(keyword))) continue;
          seen.add(post.externalId);
          posts.push(post);
        }
        if (posts.length) cursor.seen = [...posts.map((post) => post.externalId).reverse(), ...cursor.seen].slice(0, SEEN_LIMIT);
        const stale = cursor.timeUs !== savedTimeUs && Date.now() - savedAt >= CURSOR_SAVE_MS;
        if (posts.length || stale) {
          savedAt = Date.now();
          savedTimeUs = cursor.timeUs;
          await context.onPosts(posts, writeCursor(cursor));
        }
        continue;
      }
      if (closed || (idle && options.endWhenIdle)) break;
      await new Promise<void>((resolvePromise) => {
        wake = resolvePromise;
      });
    }
    // Stopping: hand over the position reached even if nothing matched since the last batch.
    if (!options.endWhenIdle && cursor.timeUs !== savedTimeUs && !context.signal.aborted) await context.onPosts([], writeCursor(cursor));
  } finally {
    clearTimeout(idleTimer);
    clearTimeout(maxTimer);
    context.signal.removeEventListener('abort', onAbort);
    socket.terminate();
  }
  return cursor;
}

/** The replying account: a handle or DID, and its app password, given together. */
function replyAccount(config: { handle?: string; appPassword?: string }): { handle?: string; appPassword?: string } {
  const handle = config.handle?.trim().replace(/^@/, '');
  const appPassword = config.appPassword?.trim();
  if (!handle && !appPassword) return {};
  if (!handle) throw invalid([{ field: 'config.handle', message: 'is required with an app password: the account to reply as' }]);
  if (!appPassword) throw invalid([{ field: 'config.appPassword', message: 'is required to reply as ' + handle }]);
  if (!HANDLE_OR_DID.test(handle)) throw invalid([{ field: 'config.handle', message: 'must be a handle like acme.bsky.social or a DID like did:plc:…' }]);
  return { handle: handle.startsWith('did:') ? handle : handle.toLowerCase(), appPassword };
}

function readCursor(cursor: Cursor): BlueskyCursor {
  const stored = cursor ?? {};
  return {
    ...(typeof stored.newest === 'string' && !Number.isNaN(Date.parse(stored.newest)) && { newest: stored.newest }),
    ...(typeof stored.timeUs === 'number' && Number.isSafeInteger(stored.timeUs) && stored.timeUs > 0 && { timeUs: stored.timeUs }),
    seen: Array.isArray(stored.seen) ? stored.seen.filter((id): id is string => typeof id === 'string') : [],
  };
}

function writeCursor(cursor: BlueskyCursor): Cursor {
  return {
    ...(cursor.newest && { newest: cursor.newest }),
    ...(cursor.timeUs !== undefined && { timeUs: cursor.timeUs }),
    seen: cursor.seen,
  };
}
