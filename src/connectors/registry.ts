// Every connector Herd ships, listed explicitly: this list is the documentation of
// which channels exist. Adding a network means adding its folder and one line here.
import { blueskyConnector } from './bluesky/bluesky.connector.ts';
import { emailConnector } from './email/email.connector.ts';
import { fileConnector } from './file/file.connector.ts';
import type { AnyConnector } from './connector.ts';
import { mastodonConnector } from './mastodon/mastodon.connector.ts';
import { rssConnector } from './rss/rss.connector.ts';
import { webhookConnector } from './webhook/webhook.connector.ts';

const connectors: readonly AnyConnector[] = [rssConnector, mastodonConnector, blueskyConnector, webhookConnector, fileConnector, emailConnector];

const byKind = new Map(connectors.map((connector) => [connector.kind, connector]));

/** The connector for a source's kind, or undefined when Herd has none (e.g. a source stored by a newer version). */
export function connectorFor(kind: string): AnyConnector | undefined {
  return byKind.get(kind);
}

export function listConnectors(): readonly AnyConnector[] {
  return connectors;
}
