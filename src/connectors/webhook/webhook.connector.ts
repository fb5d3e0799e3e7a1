// The 'webhook' connector: another system pushes mentions to Herd at
// POST /api/ingest/:sourceId, signed with the source's secret (see docs/webhook-ingest.md).
// Herd never reads from it, so it has no capabilities; the listening module receives the pushes.
import { randomBytes } from 'node:crypto';
import { Type } from 'typebox';
import type { Connector } from '../connector.ts';
import { parseWithSchema } from '../parse-config.ts';

export const WebhookConfigSchema = Type.Object(
  {
    secret: Type.Optional(Type.String({
      minLength: 16, maxLength: 200, title: 'Signing secret',
      description: 'Key of the HMAC-SHA256 signature on each push; Herd generates a strong one when left empty and shows it once.',
    })),
  },
  { additionalProperties: false },
);

export interface WebhookConfig {
  /**
   * Stored as given, not hashed: verifying an HMAC needs the key itself. It is never
   * shown again after the source is created (see `secretConfigKeys`).
   */
  secret: string;
}

/** 32 random bytes, URL-safe: 256 bits, far beyond guessing. */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

export const webhookConnector: Connector<WebhookConfig> = {
  kind: 'webhook',
  displayName: 'Inbound webhook',
  capabilities: [],
  configSchema: WebhookConfigSchema,
  secretConfigKeys: ['secret'],

  parseConfig(raw: unknown): WebhookConfig {
    const config = parseWithSchema(WebhookConfigSchema, raw ?? {});
    return { secret: config.secret ?? generateWebhookSecret() };
  },

  async checkHealth() {
    return { ok: true, message: 'Herd does not call out to webhook sources; they push to /api/ingest/<source id>.' };
  },
};
