// Connectors: how Herd reads and answers on each channel, behind one interface,
// plus the SSRF-guarded HTTP client every connector must use to reach the outside.
export {
  ConnectorError,
  type AnyConnector, type Capability, type Connector, type ConnectorContext, type ConnectorErrorKind, type Cursor,
  type HealthReport, type IncomingPost, type OutgoingReply, type PollResult, type PublishedReply, type ReplyContext, type SkippedItem, type StreamContext,
} from './connector.ts';
export { createSmtpMailSender, type MailSender, type OutgoingMail, type SmtpMailSenderOptions } from './email/mail-sender.ts';
export { connectorFor, listConnectors } from './registry.ts';
export { nextPollDelay, sleep } from './poll-delay.ts';
export { createGuardedHttp, GuardedHttpError, type GuardedHttp, type GuardedHttpFailure, type GuardedHttpOptions, type GuardedResponse } from './http/guarded-http.ts';
export type { SocketOpener } from './http/guarded-websocket.ts';
export { htmlToText } from './html-text.ts';
export type { RssConfig } from './rss/rss.connector.ts';
export { parseFeed, type FeedFormat, type ParsedFeed } from './rss/parse-feed.ts';
export { parseRetryAfter } from './http/retry-after.ts';
export type { MastodonConfig } from './mastodon/mastodon.connector.ts';
export { postStatus as postMastodonStatus, verifyCredentials as verifyMastodonCredentials, type MastodonCaller, type MastodonTokenAccess, type VerifiedMastodonAccount } from './mastodon/mastodon-account-api.ts';
export { DEFAULT_PDS, type BlueskyConfig } from './bluesky/bluesky.connector.ts';
export { postOnBluesky } from './bluesky/bluesky-publish.ts';
export { verifyBlueskyAccount } from './bluesky/bluesky-account.ts';
export { createSessionCache, type SessionCache } from './bluesky/bluesky-sessions.ts';
export type { PdsContext, Profile as BlueskyProfile } from './bluesky/bluesky-pds.ts';
export { generateWebhookSecret, type WebhookConfig } from './webhook/webhook.connector.ts';
export { startSmtpListener, postOfMail, type SmtpListener, type SmtpListenerOptions } from './email/smtp-listener.ts';
export type { EmailConfig } from './email/email.connector.ts';
