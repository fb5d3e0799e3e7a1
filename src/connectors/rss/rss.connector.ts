// The 'rss' connector: reads RSS, Atom and JSON Feed documents (blogs, review sites,
// forums, news) politely, with conditional GET, and yields each item once.
import { Type, type Static } from 'typebox';
import { ConnectorError, type Connector, type ConnectorContext, type Cursor, type PollResult } from '../connector.ts';
import type { GuardedResponse } from '../http/guarded-http.ts';
import { parseRetryAfter } from '../http/retry-after.ts';
import { parseWithSchema, requireHttpUrl } from '../parse-config.ts';
import { parseFeed, type ParsedFeed } from './parse-feed.ts';

export const RssConfigSchema = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048, title: 'Feed address', description: 'The http(s) address of an RSS, Atom or JSON Feed document.' }),
    intervalSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 86_400, default: 600, title: 'Poll every (seconds)', description: 'How often to check the feed; at least 60 seconds.' })),
  },
  { additionalProperties: false },
);

export interface RssConfig {
  url: string;
  intervalSeconds: number;
}

/** What the connector remembers between polls. */
interface RssCursor {
  etag?: string;
  lastModified?: string;
  /** Ids of items already yielded, newest first, so a feed that re-sends old items does not duplicate them. */
  seen: string[];
}

/** How many ids the cursor remembers; more when the feed itself is longer, so nothing still in it is yielded twice. */
const SEEN_LIMIT = 500;

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

export const rssConnector: Connector<RssConfig> = {
  kind: 'rss',
  displayName: 'RSS / Atom / JSON Feed',
  capabilities: ['read'],
  configSchema: RssConfigSchema,

  parseConfig(raw: unknown): RssConfig {
    const config: Static<typeof RssConfigSchema> = parseWithSchema(RssConfigSchema, raw);
    const url = requireHttpUrl(config.url.trim(), 'config.url');
    return { url: url.href, intervalSeconds: config.intervalSeconds ?? 600 };
  },

  pollIntervalMs: (config) => config.intervalSeconds * 1000,

  async poll(context: ConnectorContext<RssConfig>): Promise<PollResult> {
    const previous = readCursor(context.cursor);
    const nextPollInMs = context.config.intervalSeconds * 1000;
    const response = await fetchFeed(context, previous);
    if (response.status === 304) return { posts: [], cursor: writeCursor(previous), nextPollInMs, skipped: [], warnings: [] };
    const feed = parseFeed(response.body, response.headers['content-type'], response.url);
    const seen = new Set(previous.seen);
    const posts = feed.posts.filter((post) => !seen.has(post.externalId));
    const currentIds = feed.posts.map((post) => post.externalId);
    const remembered = [...new Set([...currentIds, ...previous.seen])].slice(0, Math.max(SEEN_LIMIT, currentIds.length));
    return {
      posts,
      cursor: writeCursor({ etag: response.headers.etag, lastModified: response.headers['last-modified'], seen: remembered }),
      nextPollInMs,
      skipped: feed.skipped,
      warnings: feed.warnings,
    };
  },

  async checkHealth(context: ConnectorContext<RssConfig>) {
    let feed: ParsedFeed;
    try {
      // No conditional headers: a health check must see the document itself.
      const response = await fetchFeed(context, { seen: [] });
      feed = parseFeed(response.body, response.headers['content-type'], response.url);
    } catch (error) {
      if (context.signal.aborted) throw error;
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    const named = feed.title ? ` "${feed.title}"` : '';
    const problems = [...feed.warnings, ...(feed.skipped.length ? [`${feed.skipped.length} item(s) will be skipped`] : [])];
    return { ok: true, message: `Read ${feed.posts.length} item(s) from the ${feed.format} feed${named}.${problems.length ? ` ${problems.join('; ')}.` : ''}` };
  },
};

async function fetchFeed(context: ConnectorContext<RssConfig>, cursor: RssCursor): Promise<GuardedResponse> {
  const response = await context.http.get(context.config.url, {
    headers: { accept: ACCEPT, 'if-none-match': cursor.etag, 'if-modified-since': cursor.lastModified },
    signal: context.signal,
  });
  const { status } = response;
  if ((status >= 200 && status < 300) || status === 304) return response;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], context.now());
  const where = response.url;
  if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
    const wait = retryAfterMs === undefined ? '' : `; it asks us to wait ${Math.ceil(retryAfterMs / 1000)} s`;
    throw new ConnectorError('rate_limited', `the feed server is rate-limiting us (HTTP ${status})${wait}`, { retryAfterMs });
  }
  if (status === 404 || status === 410) throw new ConnectorError('not_found', `there is no feed at ${where} (HTTP ${status})`);
  if (status === 401 || status === 403) throw new ConnectorError('forbidden', `the feed server refuses access to ${where} (HTTP ${status})`);
  if (status >= 500) throw new ConnectorError('unavailable', `the feed server failed (HTTP ${status})`);
  throw new ConnectorError('invalid_response', `the feed server answered HTTP ${status}, not a feed`);
}

/** Tolerates any stored value: a cursor from an older version or a hand-edited one starts afresh rather than failing. */
function readCursor(cursor: Cursor): RssCursor {
  const stored = cursor ?? {};
  return {
    etag: typeof stored.etag === 'string' ? stored.etag : undefined,
    lastModified: typeof stored.lastModified === 'string' ? stored.lastModified : undefined,
    seen: Array.isArray(stored.seen) ? stored.seen.filter((id): id is string => typeof id === 'string') : [],
  };
}

function writeCursor(cursor: RssCursor): Cursor {
  return {
    ...(cursor.etag && { etag: cursor.etag }),
    ...(cursor.lastModified && { lastModified: cursor.lastModified }),
    seen: cursor.seen,
  };
}
