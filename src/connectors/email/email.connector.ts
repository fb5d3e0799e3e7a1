// The 'email' connector: mail sent to an address Herd receives for (its MX points at
// Herd, or a forwarding rule does). One SMTP listener (smtp-listener.ts) serves every
// e-mail source and hands each message to the listening module, so, like a webhook,
// Herd never reads from the source itself: it is neither polled nor streamed. Replies
// go out by SMTP from the source's address (email-reply.ts).
import { Type } from 'typebox';
import type { Connector } from '../connector.ts';
import { invalid } from '../../errors.ts';
import { parseWithSchema } from '../parse-config.ts';
import { replyByEmail } from './email-reply.ts';

export const EmailConfigSchema = Type.Object(
  {
    address: Type.String({
      minLength: 3, maxLength: 254, title: 'Receiving address',
      description: 'The e-mail address this source receives for, e.g. feedback@acme.example; mail to it reaches Herd\'s SMTP listener (HERD_SMTP_PORT). Replies are sent from it through HERD_MAIL_URL.',
    }),
  },
  { additionalProperties: false },
);

export interface EmailConfig {
  /** Lower-cased, as the listener compares recipients. */
  address: string;
}

const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export const emailConnector: Connector<EmailConfig> = {
  kind: 'email',
  displayName: 'E-mail',
  capabilities: ['reply'],
  configSchema: EmailConfigSchema,

  parseConfig(raw: unknown): EmailConfig {
    const address = parseWithSchema(EmailConfigSchema, raw).address.trim().toLowerCase();
    if (!ADDRESS.test(address)) throw invalid([{ field: 'config.address', message: 'must be an e-mail address such as feedback@acme.example' }]);
    return { address };
  },

  reply: replyByEmail,

  async checkHealth(context) {
    return { ok: true, message: `Herd receives mail for ${context.config.address} when HERD_SMTP_PORT is set and the address's mail reaches it.` };
  },
};
