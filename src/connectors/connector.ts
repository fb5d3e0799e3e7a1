// The one interface every channel (RSS/Atom, Mastodon, Bluesky, webhook, e-mail, file
// import) implements, so the listening module can read any source the same way, and
// the respond module can answer on the networks that take replies.
import type { TSchema } from 'typebox';
import type { MailSender } from './email/mail-sender.ts';
import type { GuardedHttp } from './http/guarded-http.ts';

export type Capability = 'read' | 'stream' | 'reply' | 'publish';

/** One post as a connector yields it; the listening module stores it as a mention. */
export interface IncomingPost {
  /** Unique within the source: a feed item's guid or id (else its link), a status id, an at-uri. */
  externalId: string;
  /** Plain text: HTML stripped, entities decoded, whitespace collapsed. */
  text: string;
  title?: string;
  url?: string;
  author?: { handle?: string; displayName?: string; followers?: number; profileUrl?: string };
  /** ISO 639-1 code, only when the network states it. */
  language?: string;
  /** ISO 8601. */
  createdAt?: string;
  /** Threading: the parent post's externalId in the same source. */
  inReplyToExternalId?: string;
  /** Host name of the site the post lives on. */
  site?: string;
  /** The item as received, for audit and debugging. */
  raw: unknown;
}

/** Durable, JSON-serializable position in a source; the caller stores it between runs. */
export type Cursor = Record<string, unknown> | null;

export interface SkippedItem {
  reason: string;
  externalId?: string;
}

export interface PollResult {
  posts: IncomingPost[];
  cursor: Cursor;
  /** When to poll next if this poll succeeded; on failure use nextPollDelay(). */
  nextPollInMs: number;
  /** Items left out, each with why; the rest of the batch is still returned. */
  skipped: SkippedItem[];
  /** Problems with the source as a whole that did not stop the poll (e.g. invalid UTF-8 replaced). */
  warnings: string[];
}

export interface ConnectorContext<C> {
  config: C;
  cursor: Cursor;
  http: GuardedHttp;
  signal: AbortSignal;
  now: () => Date;
}

export interface StreamContext<C> extends ConnectorContext<C> {
  /** Called with each batch; the connector waits for it before reading on, so the cursor is stored first. */
  onPosts(posts: IncomingPost[], cursor: Cursor): Promise<void>;
  /**
   * Called when a read failed and the connector will retry by itself after its own backoff,
   * so the caller can show it as the source's health. Failures that need a person end
   * stream() by rejecting instead.
   */
  onRecoverableError?(error: Error): void;
}

/** A reply to publish on the network a post came from. */
export interface OutgoingReply {
  text: string;
  /** Stable per reply (the same on every retry): the network must not publish twice for the same key. */
  idempotencyKey: string;
  /** The post answered, as the listening module stored it on the mention. */
  inReplyTo: {
    externalId: string;
    url?: string;
    /** The parent post as received (IncomingPost.raw): it carries what the network needs to thread the reply. */
    raw: unknown;
    authorHandle?: string;
    title?: string;
  };
}

export interface ReplyContext<C> {
  config: C;
  http: GuardedHttp;
  signal: AbortSignal;
  now: () => Date;
  /** Outbound SMTP, for e-mail replies; without it an e-mail reply fails as 'forbidden'. */
  mail?: MailSender;
}

export interface PublishedReply {
  /** The reply's id in the same form the connector gives IncomingPost.externalId, so it threads when read back. */
  externalId: string;
  url?: string;
  /** ISO 8601. */
  publishedAt: string;
  /** The network already held a reply under this idempotency key (an earlier attempt went out): treated as success. */
  alreadyPublished?: boolean;
}

export interface HealthReport {
  ok: boolean;
  message: string;
}

export interface Connector<C = unknown> {
  /** Stable identifier stored with each source: 'rss', later 'mastodon', 'bluesky', 'webhook', 'email', 'file'. */
  kind: string;
  displayName: string;
  capabilities: Capability[];
  /** TypeBox schema of the configuration, for documentation and forms. */
  configSchema: TSchema;
  /**
   * Configuration keys holding secrets (e.g. a webhook's signing key): shown once in the
   * response that creates the source, never listed again, and kept when a change omits them.
   */
  secretConfigKeys?: readonly string[];
  /** Validates and normalizes; throws AppError VALIDATION_FAILED with details like [{ field: 'config.url', message }]. */
  parseConfig(raw: unknown): C;
  /** Required with the 'read' capability. Throws ConnectorError for source-level failures. */
  poll?(context: ConnectorContext<C>): Promise<PollResult>;
  /** How often a healthy source with this configuration is polled; failed polls back off from it. */
  pollIntervalMs?(config: C): number;
  /**
   * Required with the 'stream' capability; resolves once context.signal aborts. A connector
   * that can stream is streamed by the worker, not polled.
   */
  stream?(context: StreamContext<C>): Promise<void>;
  /**
   * Required with the 'reply' capability: publishes a reply to a post this source yielded.
   * Throws ConnectorError; after a timeout or 5xx the reply may have gone out, and a retry
   * with the same idempotencyKey is safe: it never publishes a second copy.
   */
  reply?(context: ReplyContext<C>, reply: OutgoingReply): Promise<PublishedReply>;
  /** Whether this configuration has what reply() needs (e.g. credentials); absent means it always has. */
  canReply?(config: C): boolean;
  /** "Test connection": never throws for a source problem, reports it instead. */
  checkHealth(context: ConnectorContext<C>): Promise<HealthReport>;
}

/** A connector of any configuration type, as the registry holds them. */
export type AnyConnector = Connector<any>;

export type ConnectorErrorKind =
  /** The source asks us to slow down; retryAfterMs says for how long when it told us. */
  | 'rate_limited'
  /** Network failure, timeout or 5xx: try again later with backoff. */
  | 'unavailable'
  /** The source answered with something we cannot use (not a feed, malformed, too large). */
  | 'invalid_response'
  /** We may not read it: 401/403, or the address is refused by the SSRF guard. Needs a person. */
  | 'forbidden'
  /** The source does not exist (404/410). Needs a person. */
  | 'not_found'
  /**
   * The network refused the content (e.g. 422 text too long, or the parent was deleted):
   * retrying will not help; show the reason to the author.
   */
  | 'rejected';

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly retryAfterMs: number | undefined;

  constructor(kind: ConnectorErrorKind, message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectorError';
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Whether trying again later may succeed without anyone changing the source's configuration or the content. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable' || this.kind === 'invalid_response';
  }
}
