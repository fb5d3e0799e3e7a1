import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { describeOnEachDatabase } from '../../db/test-database.ts';
import { startSmtpListener, type SmtpListener } from '../../connectors/index.ts';
import { createOrganization, systemActor } from '../people/index.ts';
import { createSource } from './sources.ts';
import { acceptsEmailFor, deliverEmail } from './email-inbox.ts';

describeOnEachDatabase('inbound e-mail over SMTP', (database) => {
  let listener: SmtpListener;
  let sourceId: string;
  const errors: Error[] = [];
  const db = () => database().db;
  const mentionRows = async () => ((await db().execute(sql`
    select external_id, in_reply_to_external_id, author_handle, author_name, title, text, posted_at, conversation_id
    from mentions where source_id = ${sourceId} order by posted_at`)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true, tls: { rejectUnauthorized: false } });

  before(async () => {
    const actor = systemActor((await createOrganization(db(), { slug: 'mailco', name: 'Mail Co' })).id);
    sourceId = (await createSource(db(), actor, { kind: 'email', name: 'Feedback', config: { address: 'Feedback@Mailco.Example' }, matchMode: 'all' })).id;
    listener = await startSmtpListener({
      port: 0, host: '127.0.0.1', maxBytes: 64 * 1024,
      acceptsRecipient: (address) => acceptsEmailFor(db(), address),
      deliver: (recipients, post) => deliverEmail(db(), recipients, post),
      onError: (error) => errors.push(error),
    });
  });
  after(async () => {
    await listener?.close();
  });

  it('stores a message with its sender, subject, text and date, and threads a reply into the same conversation', async () => {
    await transport().sendMail({
      from: '"Ann Smith" <ann@customer.example>', to: 'feedback@mailco.example', subject: 'Broken zipper',
      text: 'The zipper broke after one week.', messageId: '<first@customer.example>', date: new Date('2026-11-20T10:00:00Z'),
    });
    await transport().sendMail({
      from: 'support@mailco.example', to: 'feedback@mailco.example', subject: 'Re: Broken zipper',
      html: '<p>Sorry to hear that &amp; thanks!</p>', messageId: '<second@mailco.example>', inReplyTo: '<first@customer.example>',
      references: ['<first@customer.example>'], date: new Date('2026-11-20T11:00:00Z'),
    });
    const rows = await mentionRows();
    assert.equal(rows.length, 2);
    assert.deepEqual(
      { id: rows[0]!.external_id, handle: rows[0]!.author_handle, name: rows[0]!.author_name, title: rows[0]!.title, text: rows[0]!.text },
      { id: 'first@customer.example', handle: 'ann@customer.example', name: 'Ann Smith', title: 'Broken zipper', text: 'The zipper broke after one week.' },
    );
    assert.equal(new Date(rows[0]!.posted_at as string).toISOString(), '2026-11-20T10:00:00.000Z');
    assert.equal(rows[1]!.in_reply_to_external_id, 'first@customer.example');
    assert.equal(rows[1]!.text, 'Sorry to hear that & thanks!');
    assert.equal(rows[1]!.conversation_id, rows[0]!.conversation_id);
  });

  it('stores a re-sent message once', async () => {
    await transport().sendMail({ from: 'ann@customer.example', to: 'feedback@mailco.example', subject: 'Broken zipper', text: 'again', messageId: '<first@customer.example>' });
    assert.equal((await mentionRows()).length, 2);
  });

  it('refuses recipients no source listens for with 550', async () => {
    await assert.rejects(
      transport().sendMail({ from: 'ann@customer.example', to: 'nobody@mailco.example', subject: 'Hi', text: 'anyone?' }),
      (error: Error & { responseCode?: number }) => error.responseCode === 550,
    );
  });

  it('survives malformed and oversized messages and keeps receiving', async () => {
    const raw = 'This is not\r\n a proper: header block\r\n\r\n\u0000\u0001 garbage =?broken?= <<<';
    await transport().sendMail({ envelope: { from: 'x@junk.example', to: ['feedback@mailco.example'] }, raw }).catch(() => undefined);
    await assert.rejects(
      transport().sendMail({ from: 'big@junk.example', to: 'feedback@mailco.example', subject: 'Big', text: 'x'.repeat(200 * 1024) }),
      (error: Error & { responseCode?: number }) => error.responseCode === 552,
    );
    await transport().sendMail({ from: 'bob@customer.example', to: 'feedback@mailco.example', subject: 'Still there?', text: 'Yes.', messageId: '<third@customer.example>' });
    const ids = (await mentionRows()).map((row) => row.external_id);
    assert.ok(ids.includes('third@customer.example'), ids.join(', '));
    assert.deepEqual(errors, []);
  });
});
