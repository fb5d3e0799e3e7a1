// Sends notification e-mail through the SMTP server of HERD_MAIL_URL. Without one,
// nothing is sent and the notifications stay unmailed; that is said once per process.
import nodemailer from 'nodemailer';
import type { Config } from '../../../config/index.ts';

export interface MailMessage { to: string; subject: string; text: string }

let toldUnconfigured = false;

export type MailConfig = Config & { mailUrl: string };

export function mailConfigured(config: Config | undefined): config is MailConfig {
  if (config?.mailUrl) return true;
  if (!toldUnconfigured) console.warn('HERD_MAIL_URL is not set: notification e-mail is not sent.');
  toldUnconfigured = true;
  return false;
}

export async function sendMail(config: MailConfig, message: MailMessage): Promise<void> {
  const transport = nodemailer.createTransport(config.mailUrl);
  try {
    await transport.sendMail({ from: config.mailFrom, ...message });
  } finally {
    transport.close();
  }
}

/** A link into the web app, absolute so it works from a mail client or a chat message. */
export const appLink = (config: Config | undefined, path: string) => (config ? new URL(path, config.publicUrl).href : path);
export const conversationPath = (conversationId: string) => `/inbox/${conversationId}`;
