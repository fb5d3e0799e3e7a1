import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simpleParser } from 'mailparser';
import { ConnectorError, type IncomingPost, type OutgoingReply, type ReplyContext } from '../connector.ts';
import { createGuardedHttp } from '../http/guarded-http.ts';
import { emailConnector, type EmailConfig } from './email.connector.ts';
import { replySubject } from './email-reply.ts';
import { createSmtpMailSender, type MailSender } from './mail-sender.ts';
import { postOfMail } from './smtp-listener.ts';
import { startSilentSmtpServer, startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.ts';

const testNow = new Date('2025-06-11T12:00:00Z');
const SOURCE_ADDRESS = 'feedback@acme.example';

/** A message as Herd's SMTP listener stores it: the post of the parsed mail, through JSON. */
async function receivedPost(headers: string[], body = 'The zipper broke again.'): Promise<IncomingPost> {
  const source = Buffer.from([...headers, 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n'));
  return JSON.parse(JSON.stringify(postOfMail(await simpleParser(source), source)));
}

const parentHeaders = [
  'From: Jo Hiker <jo@hiker.example>',
  `To: ${SOURCE_ADDRESS}`,
  'Subject: Zipper broke on the Summit 2',
  'Message-ID: <m2.1749636000@hiker.example>',
  'In-Reply-To: <m1.1749635000@acme.example>',
  'References: <m0.1749634000@hiker.example> <m1.1749635000@acme.example>',
  'Date: Wed, 11 Jun 2025 10:00:00 +0000',
];

function replyTo(parent: IncomingPost, idempotencyKey = 'reply-1', text = 'Sorry about that, Jo! A new zipper is on its way.'): OutgoingReply {
  return { text, idempotencyKey, inReplyTo: { externalId: parent.externalId, raw: parent.raw, ...(parent.author?.handle && { authorHandle: parent.author.handle }), ...(parent.title && { title: parent.title }) } };
}

describe('e-mail reply', () => {
  let smtp: SmtpTestServer;
  /** `mail: null` builds a context without a mail server, as when HERD_MAIL_URL is unset. */
  const context = (mail: MailSender | null = createSmtpMailSender(smtp.url), signal = new AbortController().signal): ReplyContext<EmailConfig> => ({
    config: emailConnector.parseConfig({ address: SOURCE_ADDRESS }),
    http: createGuardedHttp(), signal, now: () => testNow, ...(mail && { mail }),
  });
  async function replyError(ctx: ReplyContext<EmailConfig>, reply: OutgoingReply): Promise<ConnectorError> {
    const error = await emailConnector.reply!(ctx, reply).then(() => assert.fail('expected the reply to fail'), (caught: unknown) => caught);
    assert.ok(error instanceof ConnectorError, String(error));
    return error;
  }

  before(async () => {
    smtp = await startSmtpTestServer();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });
  after(() => smtp.close());

  it('sends a reply that threads: In-Reply-To, References, Re: subject, from the source address', async () => {
    const parent = await receivedPost(parentHeaders);
    const published = await emailConnector.reply!(context(), replyTo(parent));
    assert.equal(smtp.received.length, 1);
    const [{ envelope, mail }] = smtp.received as [typeof smtp.received[0]];
    assert.deepEqual(envelope, { from: SOURCE_ADDRESS, to: ['jo@hiker.example'] });
    assert.equal(mail.from?.value[0]?.address, SOURCE_ADDRESS);
    assert.equal(mail.subject, 'Re: Zipper broke on the Summit 2');
    assert.equal(mail.inReplyTo, '<m2.1749636000@hiker.example>');
    assert.deepEqual(mail.references, ['<m0.1749634000@hiker.example>', '<m1.1749635000@acme.example>', '<m2.1749636000@hiker.example>']);
    assert.equal(mail.messageId, '<herd-reply-reply-1@acme.example>');
    assert.equal(mail.text?.trim(), 'Sorry about that, Jo! A new zipper is on its way.');
    assert.equal(mail.date?.toISOString(), testNow.toISOString());
    assert.deepEqual(published, { externalId: 'herd-reply-reply-1@acme.example', publishedAt: testNow.toISOString() });
    const readBack = postOfMail(mail, smtp.received[0]!.source);
    assert.equal(readBack.externalId, published.externalId, 'read back by Herd, the reply is the post published');
    assert.equal(readBack.inReplyToExternalId, parent.externalId, 'and threads under its parent');
  });

  it('answers the Reply-To address, keeps one "Re:", and sends without threading headers when the parent had no Message-ID', async () => {
    const parent = await receivedPost(['From: Jo Hiker <jo@hiker.example>', 'Reply-To: orders@hiker.example', `To: ${SOURCE_ADDRESS}`, 'Subject: RE: Order 1182']);
    assert.match(parent.externalId, /^sha256:/);
    await emailConnector.reply!(context(), replyTo(parent));
    const [{ envelope, mail }] = smtp.received as [typeof smtp.received[0]];
    assert.deepEqual(envelope.to, ['orders@hiker.example']);
    assert.equal(mail.subject, 'RE: Order 1182');
    assert.equal(mail.inReplyTo, undefined);
    assert.equal(mail.references, undefined);
    assert.equal(replySubject(undefined), 'Re: your message');
    assert.equal(replySubject('  re:  hello '), 're:  hello');
  });

  it('resends a retried reply under the same Message-ID, so the recipient can recognise it', async () => {
    const parent = await receivedPost(parentHeaders);
    const first = await emailConnector.reply!(context(), replyTo(parent, 'c0ffee'));
    const again = await emailConnector.reply!(context(), replyTo(parent, 'c0ffee'));
    assert.equal(again.externalId, first.externalId);
    assert.deepEqual(smtp.received.map((received) => received.mail.messageId), ['<herd-reply-c0ffee@acme.example>', '<herd-reply-c0ffee@acme.example>']);
    await emailConnector.reply!(context(), replyTo(parent, 'key with spaces/and slashes'));
    assert.match(smtp.received[2]!.mail.messageId!, /^<herd-reply-[0-9a-f]{32}@acme\.example>$/, 'a key unsafe in a Message-ID is hashed');
  });

  describe('failures', () => {
    it('needs a mail server, and an address to answer', async () => {
      const parent = await receivedPost(parentHeaders);
      const unconfigured = await replyError(context(null), replyTo(parent));
      assert.equal(unconfigured.kind, 'forbidden');
      assert.match(unconfigured.message, /HERD_MAIL_URL/);
      const nobody = await replyError(context(), { text: 'Hi', idempotencyKey: 'k', inReplyTo: { externalId: 'x@y', raw: {} } });
      assert.equal(nobody.kind, 'rejected');
      assert.equal(smtp.received.length, 0);
    });

    it('maps a permanent refusal (5xx) to rejected and a temporary one (4xx) to unavailable', async () => {
      smtp.refuseRecipient('gone@hiker.example', 550, 'No such user here');
      smtp.refuseRecipient('full@hiker.example', 452, 'Mailbox full, try again later');
      const gone = await replyError(context(), replyTo(await receivedPost(['From: gone@hiker.example', 'Subject: x', 'Message-ID: <g@hiker.example>'])));
      assert.equal(gone.kind, 'rejected');
      assert.match(gone.message, /550 No such user here/);
      const full = await replyError(context(), replyTo(await receivedPost(['From: full@hiker.example', 'Subject: x', 'Message-ID: <f@hiker.example>'])));
      assert.equal(full.kind, 'unavailable');
      assert.ok(full.retryable);
    });

    it('maps a refused password to forbidden', async () => {
      const guarded = await startSmtpTestServer({ auth: { user: 'herd', pass: 'right' } });
      try {
        const wrong = createSmtpMailSender(guarded.url.replace('right', 'wrong'));
        const error = await replyError(context(wrong), replyTo(await receivedPost(parentHeaders)));
        assert.equal(error.kind, 'forbidden');
        await emailConnector.reply!(context(createSmtpMailSender(guarded.url)), replyTo(await receivedPost(parentHeaders)));
        assert.equal(guarded.received.length, 1, 'the right password sends');
      } finally {
        await guarded.close();
      }
    });

    it('maps a server that is down, silent, or slower than the deadline to unavailable', async () => {
      const parent = await receivedPost(parentHeaders);
      const down = await startSmtpTestServer();
      await down.close();
      assert.equal((await replyError(context(createSmtpMailSender(down.url)), replyTo(parent))).kind, 'unavailable');
      const silent = await startSilentSmtpServer();
      try {
        const slowGreeting = await replyError(context(createSmtpMailSender(silent.url, { timeoutMs: 200 })), replyTo(parent));
        assert.equal(slowGreeting.kind, 'unavailable');
        const late = await replyError(context(createSmtpMailSender(silent.url), AbortSignal.timeout(150)), replyTo(parent));
        assert.equal(late.kind, 'unavailable');
        assert.match(late.message, /deadline/);
      } finally {
        await silent.close();
      }
    });
  });
});
