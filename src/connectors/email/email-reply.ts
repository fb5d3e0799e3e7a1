// Answers a received e-mail by mail, so it threads in the sender's client: In-Reply-To
// the parent's Message-ID, References the thread so far, "Re: " before the subject, sent
// from the address the source receives for. SMTP has no idempotency key, so the reply's
// Message-ID is derived from ours: a resent reply carries the same one, and mail clients
// and archives that de-duplicate by Message-ID show it once.
import { createHash } from 'node:crypto';
import { ConnectorError, type OutgoingReply, type PublishedReply, type ReplyContext } from '../connector.ts';
import type { EmailConfig } from './email.connector.ts';

/** What postOfMail keeps of a received message (IncomingPost.raw); every field may be missing in older rows. */
interface StoredMail {
  messageId?: string;
  from?: string;
  replyTo?: string;
  subject?: string;
  references?: string[];
}

export async function replyByEmail(context: ReplyContext<EmailConfig>, reply: OutgoingReply): Promise<PublishedReply> {
  if (!context.mail) throw new ConnectorError('forbidden', 'Herd has no SMTP server to send replies through: set HERD_MAIL_URL');
  const parent = storedMail(reply.inReplyTo.raw);
  const to = parent.replyTo ?? parent.from ?? reply.inReplyTo.authorHandle;
  if (!to) throw new ConnectorError('rejected', 'the message answered has no sender address to reply to');
  const parentId = parent.messageId ?? messageIdOf(reply.inReplyTo.externalId);
  const messageId = replyMessageId(reply.idempotencyKey, context.config.address);
  const publishedAt = context.now();
  await context.mail.send({
    from: context.config.address,
    to,
    subject: replySubject(parent.subject ?? reply.inReplyTo.title),
    text: reply.text,
    messageId,
    date: publishedAt,
    ...(parentId && { inReplyTo: parentId, references: [...(parent.references ?? []).filter((id) => id !== parentId), parentId] }),
  }, { signal: context.signal });
  return { externalId: messageId.slice(1, -1), publishedAt: publishedAt.toISOString() };
}

/** `<herd-reply-KEY@domain of the source's address>`; a key that is not safe inside a Message-ID is hashed. */
export function replyMessageId(idempotencyKey: string, fromAddress: string): string {
  const domain = fromAddress.split('@').pop();
  const key = /^[A-Za-z0-9._-]{1,64}$/.test(idempotencyKey) ? idempotencyKey : createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<herd-reply-${key}@${domain}>`;
}

/** "Re: " once, however many replies deep. */
export function replySubject(subject: string | undefined): string {
  const trimmed = subject?.trim();
  if (!trimmed) return 'Re: your message';
  return /^re:/i.test(trimmed) ? trimmed : `Re: ${trimmed}`;
}

function storedMail(raw: unknown): StoredMail {
  const stored = (raw ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const references = Array.isArray(stored.references) ? stored.references : [];
  return {
    messageId: messageIdOf(text(stored.messageId)),
    from: text(stored.from),
    replyTo: text(stored.replyTo),
    subject: text(stored.subject),
    references: references.map((id) => messageIdOf(text(id))).filter((id) => id !== undefined),
  };
}

/** A Message-ID in angle brackets; a message that had none is known by a hash (sha256:…), which cannot be cited. */
function messageIdOf(id: string | undefined): string | undefined {
  const bare = id?.trim().replace(/^<|>$/g, '');
  if (!bare || bare.startsWith('sha256:')) return undefined;
  return `<${bare}>`;
}
