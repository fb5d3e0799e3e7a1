// The 'email' connector: mail sent to an address Herd receives for (its MX points at
// Herd, or a forwarding rule does). One SMTP listener (smtp-listener.ts) serves every
// e-mail source and hands each message to the listening module, so, like a webhook,
// Herd never reads from the source itself: it has no capabilities, and is neither
// polled nor streamed.
import { Type } from 'typebox';
import type { Connector } from '../connector.ts';
import { invalid } from '../../errors.ts';
import { parseWithSchema } from '../parse-config.ts';

export const EmailConfigSchema = Type.Object(
  {
    address: Type.String({
      minLength: 3, maxLength: 254, title: 'Receiving address',
      description: 'The e-mail address this source receives for, e.g. feedback@acme.example; mail to it reaches Herd\'s SMTP listener (HERD_SMTP_PORT).',
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
  displayName: 'E-mail (inbound SMTP)',
  capabilities: [],
  configSchema: EmailConfigSchema,

  parseConfig(raw: unknown): EmailConfig {
    const address = parseWithSchema(EmailConfigSchema, raw).address.trim().toLowerCase();
    if (!ADDRESS.test(address)) throw invalid([{ field: 'config.address', message: 'must be an e-mail address such as feedback@acme.example' }]);
    return { address };
  },

  async checkHealth(context) {
    return { ok: true, message: `Herd receives mail for ${context.config.address} when HERD_SMTP_PORT is set and the address's mail reaches it.` };
  },
};
