// Inbound SMTP for e-mail sources, MX-style: no authentication, a size limit, and a
// recipient is refused (550) unless some source listens for it. Each accepted message
// is parsed (mailparser) into one post: Message-ID as its id, In-Reply-To (else the
// last References entry) as its parent, so replies thread into one conversation.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { IncomingPost } from '../connector.ts';
import { htmlToText } from '../html-text.ts';

export interface SmtpListenerOptions {
  port: number;
  host: string;
  /** Largest message accepted; larger ones are refused with 552. */
  maxBytes?: number;
  /** Whether any source receives mail for this (lower-cased) address. */
  acceptsRecipient(address: string): Promise<boolean>;
  /** Stores one message for the given (lower-cased) recipients. */
  deliver(recipients: string[], post: IncomingPost): Promise<void>;
  onError?(error: Error): void;
}

export interface SmtpListener { port: number; close(): Promise<void> }

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** Message-IDs without their angle brackets, as In-Reply-To and References cite them. */
const bareId = (id: string | undefined) => id?.trim().replace(/^<|>$/g, '') || undefined;

function firstAddress(from: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  return list.flatMap((entry) => entry.value)[0];
}

/** One post of a parsed message; `raw` is the message's source, for the id when it has no Message-ID. */
export function postOfMail(mail: ParsedMail, raw: Buffer): IncomingPost {
  const references = typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []);
  const parent = bareId(mail.inReplyTo?.split(/\s+/)[0]) ?? bareId(references.at(-1));
  const from = firstAddress(mail.from);
  const text = (mail.text?.trim() || (mail.html ? htmlToText(mail.html) : '')).slice(0, 100_000);
  const post: IncomingPost = {
    externalId: bareId(mail.messageId) ?? `sha256:${createHash('sha256').update(raw).digest('hex').slice(0, 40)}`,
    text: text || mail.subject?.trim() || '(empty message)',
    raw: {
      messageId: mail.messageId, from: mail.from?.text, replyTo: mail.replyTo?.text, to: Array.isArray(mail.to) ? mail.to.map((t) => t.text) : mail.to?.text,
      subject: mail.subject, date: mail.date?.toISOString(), references,
    },
  };
  if (mail.subject?.trim()) post.title = mail.subject.trim();
  if (parent) post.inReplyToExternalId = parent;
  if (from?.address) {
    post.author = { handle: from.address.toLowerCase(), ...(from.name && { displayName: from.name }) };
    post.site = from.address.split('@')[1]?.toLowerCase();
  }
  if (mail.date && !Number.isNaN(mail.date.getTime())) post.createdAt = mail.date.toISOString();
  return post;
}

export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const server = new SMTPServer({
    name: 'herd',
    banner: 'Herd inbound mail',
    size: maxBytes,
    authOptional: true,
    // Inbound mail from other servers: nobody signs in, and no certificate is configured for STARTTLS.
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      options.acceptsRecipient(address.address.toLowerCase()).then(
        (accepted) => callback(accepted ? null : smtpError(550, `No mailbox here for ${address.address}`)),
        () => callback(smtpError(451, 'Temporary failure; try again later')),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(smtpError(552, `Message larger than ${maxBytes} bytes`));
          return;
        }
        const raw = Buffer.concat(chunks);
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        simpleParser(raw)
          .then((mail) => options.deliver(recipients, postOfMail(mail, raw)))
          .then(() => callback(null), (error: Error) => {
            options.onError?.(error);
            callback(smtpError(451, 'The message could not be stored; try again later'));
          });
      });
    },
  });
  server.on('error', (error) => options.onError?.(error));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
