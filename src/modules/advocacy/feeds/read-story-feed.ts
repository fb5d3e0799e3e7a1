// Reads a company feed through the app's SSRF-guarded client, politely: a conditional
// GET with the validators of the last read (ETag, Last-Modified), so an unchanged feed
// costs a 304 and no parsing. Every way it can fail becomes one message a lead can act
// on, with the server's Retry-After when it asked us to wait.
import { ConnectorError, GuardedHttpError, parseFeed, parseRetryAfter, type GuardedHttp, type ParsedFeed } from '../../../connectors/index.ts';

export type StoryFeedRead =
  | { notModified: true }
  | { notModified: false; feed: ParsedFeed; etag: string | null; lastModified: string | null };

export class StoryFeedReadError extends Error {
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'StoryFeedReadError';
  }
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

export async function readStoryFeed(
  http: GuardedHttp,
  feed: { url: string; etag: string | null; lastModified: string | null },
  options: { signal?: AbortSignal; now?: Date } = {},
): Promise<StoryFeedRead> {
  let response;
  try {
    response = await http.get(feed.url, {
      headers: { accept: ACCEPT, 'if-none-match': feed.etag ?? undefined, 'if-modified-since': feed.lastModified ?? undefined },
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof GuardedHttpError) throw new StoryFeedReadError(`the feed cannot be read: ${error.message}`);
    throw error;
  }
  if (response.status === 304) return { notModified: true };
  if (response.status < 200 || response.status >= 300) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], options.now ?? new Date());
    throw new StoryFeedReadError(`the feed's server answered HTTP ${response.status}${retryAfterMs ? ` and asks us to wait ${Math.ceil(retryAfterMs / 1000)} s` : ''}`, retryAfterMs);
  }
  try {
    const parsed = parseFeed(response.body, response.headers['content-type'], response.url);
    return { notModified: false, feed: parsed, etag: response.headers.etag ?? null, lastModified: response.headers['last-modified'] ?? null };
  } catch (error) {
    if (error instanceof ConnectorError) throw new StoryFeedReadError(error.message);
    throw error;
  }
}
