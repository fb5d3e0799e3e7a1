// Outbound SMTP for e-mail replies: the MailSender a ReplyContext carries, and the one
// Herd builds with nodemailer from HERD_MAIL_URL (the server notification e-mail uses).
// SMTP failures become ConnectorErrors here, since only this file knows nodemailer's.
import nodemailer from 'nodemailer';
import { ConnectorError } from '../connector.ts';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** The parent's Message-ID, with its angle brackets. */
  inReplyTo?: string;
  /** The thread's Message-IDs, oldest first, the parent's last. */
  references?: string[];
  /** With angle brackets; set by the caller so a resent reply carries the same one. */
  messageId: string;
  date?: Date;
}

export interface MailSender {
  /** Throws ConnectorError: 'rejected' for a permanent (5xx) refusal, 'unavailable' for 4xx, connection trouble and timeouts. */
  send(message: OutgoingMail, options?: { signal?: AbortSignal }): Promise<{ messageId: string }>;
}

export interface SmtpMailSenderOptions {
  /** Longest wait for the connection, the greeting, and each reply of the server, in milliseconds (default 30 s). */
  timeoutMs?: number;
}

/** Sends through the SMTP server of `smtpUrl` (smtp:// or smtps://, credentials in the URL), one connection per message. */
export function createSmtpMailSender(smtpUrl: string, options: SmtpMailSenderOptions = {}): MailSender {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(message, { signal } = {}) {
      signal?.throwIfAborted();
      const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
      try {
        const info = await untilAborted(transport.sendMail(message), signal);
        return { messageId: info.messageId };
      } catch (error) {
        if (signal?.aborted) throw new ConnectorError('unavailable', 'sending the reply was cut off by the deadline; the mail server may or may not have accepted it', { cause: signal.reason });
        throw smtpFailure(error);
      } finally {
        transport.close();
      }
    },
  };
}

/** nodemailer cannot cancel a send; stop waiting for it when the signal aborts (its own timeouts end the connection). */
function untilAborted<T>(sending: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return sending;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    sending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

interface NodemailerError { code?: string; responseCode?: number; message?: string }

function smtpFailure(error: unknown): ConnectorError {
  const { code, responseCode, message } = (error ?? {}) as NodemailerError;
  const said = `the mail server refused the reply: ${message ?? String(error)}`;
  if (code === 'EAUTH') return new ConnectorError('forbidden', `${said} (check the user name and password in HERD_MAIL_URL)`, { cause: error });
  if (responseCode !== undefined && responseCode >= 500) return new ConnectorError('rejected', said, { cause: error });
  return new ConnectorError('unavailable', `cannot send the reply now: ${message ?? String(error)}`, { cause: error });
}
