// A browser walks Routing → Channels with a local webhook receiver (a real HTTP server
// on this machine that records what it is sent): a hub admin adds a Slack channel and
// sees its signing secret once (not after a reload, and the list shows only the host,
// not the webhook's path); a test message reaches the receiver as JSON signed with that
// secret and the page says it was delivered, and a refused one shows the receiver's
// status; the channel is renamed and turned into Teams without retyping its URL (the
// next test message is a MessageCard to the same path), a new routing rule notifies it
// (ticked by name), and it is removed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { chromiumMissing, photographedOnFailure, startBrowserHerd, type BrowserHerd } from './browser-herd.ts';

/** The webhook's path, which for Slack is itself a credential: it must never be shown. */
const HOOK_PATH = '/services/T0001/B0001/pathIsTheCredential';

interface Received { path: string; headers: IncomingHttpHeaders; body: string }

/** Computed here rather than with Herd's own helper, so a wrong signature in Herd shows. */
const expectedSignature = (secret: string, timestamp: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

const openPages = new Set<Page>();

describe('notification channels in the browser', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  let receiver: Server;
  let origin: string;
  const received: Received[] = [];
  let refuseNext = false;

  before(async () => {
    mkdirSync('test-results', { recursive: true });
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => { body += chunk; });
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body });
        response.statusCode = refuseNext ? 503 : 200;
        refuseNext = false;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
    // The server's SSRF guard refuses local addresses unless they are allowed, as for the other local test servers.
    herd = await startBrowserHerd({ allowHosts: ['127.0.0.1'] });
  });
  after(async () => {
    await herd?.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  /** The one request the receiver got since the last call, checked to be JSON signed with the secret. */
  const takeSignedRequest = (secret: string) => {
    assert.equal(received.length, 1, 'the receiver got exactly one request');
    const request = received.pop()!;
    assert.equal(request.path, HOOK_PATH);
    assert.equal(request.headers['content-type'], 'application/json');
    const timestamp = String(request.headers['x-herd-timestamp']);
    assert.ok(Math.abs(Date.now() / 1000 - Number(timestamp)) < 120, 'a current timestamp');
    assert.equal(request.headers['x-herd-signature'], expectedSignature(secret, timestamp, request.body));
    return JSON.parse(request.body) as Record<string, unknown>;
  };

  it('adds a channel, shows its secret once, offers it to crisis alerts at once, sends signed test messages, renames it, lets a rule notify it by name and removes it', async () => {
    const page = await herd.signedInPage();
    openPages.add(page);
    await photographedOnFailure(openPages, 'notification-channels', async () => {
      // The crisis settings list the channels to pick from; opened first, so they have read the list before the channel exists.
      const crisisChannels = async () => {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Crisis' }).click();
        await page.getByRole('navigation', { name: 'Crisis' }).getByRole('link', { name: 'Settings' }).click();
        const channels = page.getByRole('group', { name: 'Channels' });
        await channels.getByText(/None to choose from|Support Slack/).first().waitFor({ timeout: 10_000 });
        return channels;
      };
      await (await crisisChannels()).getByText('None to choose from.').waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routing' }).click();
      await page.getByRole('navigation', { name: 'Routing' }).getByRole('link', { name: 'Channels' }).click();
      await page.getByRole('heading', { name: 'Notification channels' }).waitFor();
      await page.getByText('No channels yet.').waitFor({ timeout: 10_000 });

      const addForm = page.getByRole('region', { name: 'Add a channel' });
      await addForm.getByLabel('Name').fill('Support Slack');
      await addForm.getByLabel('Format').selectOption('slack');
      await addForm.getByLabel('Webhook URL').fill(`${origin}${HOOK_PATH}`);
      await addForm.getByRole('button', { name: 'Add channel' }).click();

      const shownSecret = page.getByLabel('Signing secret');
      await shownSecret.waitFor({ timeout: 10_000 });
      const secret = await shownSecret.innerText();
      await addForm.getByText('it will not be shown again').waitFor();
      const stored = await herd.database.db.execute('select secret from notification_channels') as unknown as { rows: { secret: string }[] };
      assert.deepEqual(stored.rows, [{ secret }], 'the secret shown is the one the channel signs with');

      const row = (name: string) => page.getByRole('row').filter({ hasText: name });
      await row('Support Slack').waitFor({ timeout: 10_000 });
      assert.match(await row('Support Slack').innerText(), new RegExp(`Slack\\s+127\\.0\\.0\\.1:${new URL(origin).port}`));
      assert.ok(!(await page.content()).includes(HOOK_PATH), 'the webhook path is not on the page');

      // Added a moment ago, the channel is there to pick for crisis alerts at once.
      await (await crisisChannels()).getByRole('checkbox', { name: 'Support Slack' }).waitFor({ timeout: 10_000 });
      await page.goBack();
      await page.goBack();

      await page.reload();
      await row('Support Slack').waitFor({ timeout: 10_000 });
      assert.equal(await page.getByLabel('Signing secret').count(), 0, 'the secret is gone after a reload');
      assert.ok(!(await page.content()).includes(secret), 'the secret is nowhere on the page after a reload');

      const actions = (name: string) => page.getByRole('group', { name: `Actions for ${name}` });
      await actions('Support Slack').getByRole('button', { name: 'Send test message' }).click();
      await actions('Support Slack').getByRole('status').getByText('Delivered', { exact: true }).waitFor({ timeout: 10_000 });
      assert.match(String(takeSignedRequest(secret).text), /^Test from Herd\n/);
      // The list is fetched again: the delivery is recorded on the channel, shown as a time.
      await row('Support Slack').locator('time').waitFor({ timeout: 10_000 });

      refuseNext = true;
      await actions('Support Slack').getByRole('button', { name: 'Send test message' }).click();
      await actions('Support Slack').getByRole('status').getByText('Not delivered', { exact: true }).waitFor({ timeout: 10_000 });
      assert.match(await actions('Support Slack').getByRole('status').innerText(), /HTTP 503/);
      takeSignedRequest(secret);

      await actions('Support Slack').getByRole('button', { name: 'Edit' }).click();
      const dialog = page.getByRole('dialog');
      assert.equal(await dialog.getByLabel('New webhook URL').inputValue(), '', 'the current URL is not filled in');
      await dialog.getByLabel('Name').fill('Support Teams');
      await dialog.getByLabel('Format').selectOption('teams');
      await dialog.getByRole('button', { name: 'Save channel' }).click();
      await row('Support Teams').waitFor({ timeout: 10_000 });
      assert.equal(await row('Support Slack').count(), 0);
      assert.match(await row('Support Teams').innerText(), /Microsoft Teams/);

      await actions('Support Teams').getByRole('button', { name: 'Send test message' }).click();
      await actions('Support Teams').getByRole('status').getByText('Delivered', { exact: true }).waitFor({ timeout: 10_000 });
      const card = takeSignedRequest(secret);
      assert.deepEqual([card['@type'], card.title], ['MessageCard', 'Test from Herd'], 'now sent in the Teams format, to the URL kept');

      // A rule notifies the channel, chosen by its name.
      await page.getByRole('navigation', { name: 'Routing' }).getByRole('link', { name: 'Rules' }).click();
      await page.getByRole('button', { name: 'New rule' }).first().click();
      const ruleDialog = page.getByRole('dialog');
      await ruleDialog.getByLabel('Name', { exact: true }).fill('E2E tell the support channel');
      await ruleDialog.getByText('Notify channels (0)').click();
      await ruleDialog.getByRole('checkbox', { name: 'Support Teams', exact: true }).check();
      await ruleDialog.getByRole('button', { name: 'Create rule' }).click();
      await page.locator('.rule-card').filter({ hasText: 'E2E tell the support channel' }).waitFor({ timeout: 10_000 });
      const rules = await herd.database.db.execute(`select r.actions->'notify'->'channelIds' as channels, c.id from routing_rules r, notification_channels c
        where r.name = 'E2E tell the support channel'`) as unknown as { rows: { channels: string[]; id: string }[] };
      assert.deepEqual(rules.rows.map((rule) => rule.channels), [[rules.rows[0]!.id]]);
      await page.getByRole('navigation', { name: 'Routing' }).getByRole('link', { name: 'Channels' }).click();

      await actions('Support Teams').getByRole('button', { name: 'Remove' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove channel' }).click();
      await page.getByText('No channels yet.').waitFor({ timeout: 10_000 });
      const left = await herd.database.db.execute('select count(*)::int as count from notification_channels') as unknown as { rows: { count: number }[] };
      assert.equal(left.rows[0]!.count, 0);
    });
    await page.close();
  });
});
