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
export type { MastodonConfig } from './mastodon/mastodon.connector.ts';
export type { BlueskyConfig } from './bluesky/bluesky.connector.ts';
export { generateWebhookSecret, type WebhookConfig } from './webhook/webhook.connector.ts';
export { startSmtpListener, postOfMail, type SmtpListener, type SmtpListenerOptions } from './email/smtp-listener.ts';
export type { EmailConfig } from './email/email.connector.ts';
