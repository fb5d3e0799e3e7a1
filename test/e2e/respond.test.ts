// A browser walks replying in your own words, on the Acme Retail demo (its posts
// triaged and routed as the worker would): a PR lead adds a saved reply to the library;
// after the hub saves a policy version, a Customer Service volunteer is told to
// acknowledge it, does so and starts a draft from the saved reply. Then the volunteer
// writes a reply with a card number, sees it marked and Send refused, applies the fix,
// sends and confirms posting it by hand; with replies made high-risk (by the hub admin on the
// policy page, after the browser refuses a mistake), a PR lead asks for changes on a part of the next
// reply, the volunteer sees it live, revises, and the PR lead approves. Screenshots of the composer go to test-results/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedAcmeRetail } from '../../src/demo/index.ts';
import { enrichMentions } from '../../src/modules/triage/index.ts';
import { routeStoredMentions } from '../../src/modules/routing/index.ts';
import { currentPolicy, saveRiskSettings, savePolicy } from '../../src/modules/respond/index.ts';
import { systemActor } from '../../src/modules/people/index.ts';
import {
  assertFitsWidth, chromiumMissing, photographedOnFailure as photographedOnFailureOf, signInAs, startBrowserHerd, waitUntilEnabled, type BrowserHerd,
} from './browser-herd.ts';

const VOLUNTEER = 'emma.clarke@acme-retail.example';
const PR_LEAD = 'pr@acme-retail.example';
const HUB_ADMIN = 'admin@acme-retail.example';
const CARD = '4111 1111 1111 1111';
const SCREENSHOTS = 'test-results';

/** Every page opened, to photograph them when a step fails. */
const openPages = new Set<Page>();

async function signIn(browser: Browser, baseUrl: string, email: string, width = 1280): Promise<Page> {
  const page = await signInAs(browser, baseUrl, email, { password: DEMO_PASSWORD, width });
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return page;
}

async function rows<T>(herd: BrowserHerd, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await herd.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Runs a test's steps; when one fails, every open page is saved to test-results/ to see why. */
const photographedOnFailure = (name: string, steps: () => Promise<void>) => photographedOnFailureOf(openPages, `respond-failed-${name}`, steps);

describe('replying in your own words in the browser', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  let orgId: string;
  let conversationId: string;

  const composerOf = (page: Page) => page.getByRole('form', { name: /Write a reply|Revise your reply/ });
  const replyBox = (page: Page) => page.getByRole('textbox', { name: /Your (revised )?reply/ });

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    herd = await startBrowserHerd();
    ({ orgId } = await seedAcmeRetail(herd.database.db, { passwordCost: 10 }));
    // The test server runs no workers: triage and route the demo's posts as they would.
    const stored = await rows<{ id: string }>(herd, sql`select id from mentions where org_id = ${orgId}`);
    await enrichMentions(herd.database.db, orgId, stored.map((row) => row.id));
    await routeStoredMentions(herd.database.db, orgId, stored.map((row) => row.id));
    // "Acme charged me twice…" (Tom Walsh, 88 followers) goes to Customer Service, where the volunteer works.
    const [charged] = await rows<{ conversation_id: string; spoke: string | null }>(herd, sql`
      select m.conversation_id, s.name as spoke from mentions m
      join conversation_states c on c.conversation_id = m.conversation_id left join spokes s on s.id = c.spoke_id
      where m.org_id = ${orgId} and m.external_id = 'demo-2'`);
    assert.equal(charged?.spoke, 'Customer Service', 'the double charge is routed to Customer Service');
    conversationId = charged.conversation_id;
    // Only what a step asks for makes a reply high-risk.
    await saveRiskSettings(herd.database.db, systemActor(orgId), { urgencyThreshold: 101, reachThreshold: 1_000_000, approvalForFindings: 'none' });
  });
  after(async () => { await herd?.close(); });

  it('keeps a library, asks for the policy to be acknowledged, and starts a draft from a saved reply', () => photographedOnFailure('library', async () => {
    const lead = await signIn(herd.browser, herd.baseUrl, PR_LEAD);
    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reply library' }).click();
    await lead.getByRole('heading', { name: 'Reply library' }).waitFor();
    await lead.locator('.library-entry, .empty-state').first().waitFor({ timeout: 10_000 });
    await lead.getByRole('button', { name: 'New entry' }).first().click();
    const dialog = lead.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Double charge refunded');
    await dialog.getByLabel('Text', { exact: true }).fill('Sorry about the double charge: we have refunded the second one, it reaches your account in 3 to 5 working days.');
    await dialog.getByRole('button', { name: 'Add to library' }).click();
    const entry = lead.getByRole('article', { name: 'Double charge refunded' });
    await entry.waitFor({ timeout: 10_000 });
    assert.match(await entry.innerText(), /Claire Dubois/, 'the owner is shown');
    assert.match(await entry.innerText(), /Everyone/);
    await lead.context().close();

    // The hub saves its own policy: version 1 must be acknowledged before replying publicly.
    const rules = (await currentPolicy(herd.database.db, orgId)).rules;
    await savePolicy(herd.database.db, systemActor(orgId), { rules, note: 'Our own policy' });

    const volunteer = await signIn(herd.browser, herd.baseUrl, VOLUNTEER);
    await volunteer.goto(`${herd.baseUrl}/inbox/${conversationId}`);
    await volunteer.getByRole('heading', { name: 'Replies' }).waitFor({ timeout: 10_000 });
    const refusal = volunteer.getByRole('alert').filter({ hasText: 'You may not reply publicly yet' });
    await refusal.waitFor({ timeout: 10_000 });
    assert.match(await refusal.innerText(), /Acknowledge the social-media policy \(version 1\)/);
    await refusal.getByRole('link', { name: 'Read and acknowledge the policy' }).click();
    await volunteer.getByRole('heading', { name: 'Social-media policy' }).waitFor();
    await volunteer.getByRole('heading', { name: 'Personal data' }).waitFor();
    await volunteer.getByRole('button', { name: 'I have read and acknowledge version 1' }).click();
    await volunteer.getByTestId('policy-acknowledged').waitFor({ timeout: 10_000 });

    await volunteer.goBack();
    await volunteer.getByRole('heading', { name: 'Replies' }).waitFor({ timeout: 10_000 });
    const composer = composerOf(volunteer);
    await composer.getByLabel('Start from').selectOption({ label: 'Double charge refunded' });
    await composer.getByRole('button', { name: 'Insert' }).click();
    assert.match(await replyBox(volunteer).inputValue(), /^Sorry about the double charge/, 'the saved reply is put in the draft to edit');
    await waitUntilEnabled(composer.getByRole('button', { name: 'Send reply' }));
    assert.equal(await refusal.count(), 0, 'acknowledged: nothing is missing any more');
    await volunteer.context().close();
  }));

  it('marks a card number, fixes it, sends; then a PR lead asks for changes and approves the revision', () => photographedOnFailure('approval', async () => {
    const volunteer = await signIn(herd.browser, herd.baseUrl, VOLUNTEER);
    await volunteer.goto(`${herd.baseUrl}/inbox/${conversationId}`);
    const composer = composerOf(volunteer);
    await composer.waitFor({ timeout: 10_000 });
    const send = composer.getByRole('button', { name: 'Send reply' });

    await replyBox(volunteer).fill(`Sorry Tom, we will refund the second charge. Is this your card ${CARD}?`);
    const blocking = composer.locator('.finding[data-severity="block"]');
    await blocking.waitFor({ timeout: 10_000 });
    assert.match(await blocking.innerText(), /Blocks sending/);
    const marked = composer.getByTestId('composer-highlights').locator('mark[data-tone="block"]');
    await marked.waitFor();
    assert.equal((await marked.innerText()).replace(/\D/g, ''), CARD.replace(/\D/g, ''), 'the card number itself is marked');
    assert.equal(await send.isDisabled(), true, 'Send is refused while a finding blocks it');
    assert.match(await composer.getByTestId('reply-length').innerText(), /^\d+ characters$/, 'the imported source has no length limit');
    assert.match(await composer.getByTestId('reply-publishing').innerText(), /You will copy it and post it yourself/);
    await composer.screenshot({ path: `${SCREENSHOTS}/respond-composer-blocked.png` });

    await blocking.getByRole('button', { name: 'Apply fix' }).click();
    await blocking.waitFor({ state: 'detached', timeout: 10_000 });
    const fixed = await replyBox(volunteer).inputValue();
    assert.ok(!fixed.includes(CARD), `the fix masks the card number: ${fixed}`);
    assert.match(fixed, /^Sorry Tom, we will refund the second charge\./, 'the rest of the text is untouched');
    assert.match(await composer.getByTestId('reply-risk').innerText(), /Low risk/);
    await waitUntilEnabled(send);
    await send.click();

    // Low risk on a network Herd cannot post to: the volunteer posts it and confirms.
    const firstReply = volunteer.getByRole('article', { name: 'Reply by Emma Clarke' }).first();
    await firstReply.getByTestId('reply-status').filter({ hasText: 'Ready for you to post' }).waitFor({ timeout: 10_000 });
    await volunteer.getByText('Your reply is on its way').waitFor();
    await firstReply.getByRole('button', { name: 'I posted it' }).click();
    await firstReply.getByTestId('reply-status').filter({ hasText: 'Published' }).waitFor({ timeout: 10_000 });

    // The hub admin makes every reply to a customer with any followers need approval, on the policy page.
    const admin = await signIn(herd.browser, herd.baseUrl, HUB_ADMIN);
    await admin.goto(`${herd.baseUrl}/policy`);
    const settings = admin.getByRole('region', { name: 'Reply settings' });
    const lapse = settings.getByLabel('An approval lapses after (hours)');
    await lapse.fill('0');
    await settings.getByRole('button', { name: 'Save the reply settings' }).click();
    assert.equal(await lapse.evaluate((input: { validity: { valid: boolean } }) => input.validity.valid), false, 'the browser refuses 0 hours before sending');
    await lapse.fill('24');
    await settings.getByLabel('The customer has at least this many followers').fill('0');
    await settings.getByRole('button', { name: 'Save the reply settings' }).click();
    await admin.getByText('Reply settings saved.').waitFor({ timeout: 10_000 });
    await admin.reload();
    assert.equal(await admin.getByRole('region', { name: 'Reply settings' }).getByLabel('The customer has at least this many followers').inputValue(), '0');
    await admin.close();
    const draft = 'Thanks for your patience, Tom. The refund is on its way and reaches you within 5 days.';
    await replyBox(volunteer).fill(draft);
    await composer.getByTestId('reply-risk').filter({ hasText: 'Needs approval' }).waitFor({ timeout: 10_000 });
    assert.match(await composer.getByTestId('reply-risk').innerText(), /88 followers/);
    await waitUntilEnabled(send);
    await send.click();
    const pending = volunteer.locator('.reply-card').filter({ hasText: 'within 5 days' });
    await pending.getByTestId('reply-status').filter({ hasText: 'Waiting for approval' }).waitFor({ timeout: 10_000 });

    const lead = await signIn(herd.browser, herd.baseUrl, PR_LEAD);
    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
    await lead.getByRole('heading', { name: 'Approvals' }).waitFor();
    const card = lead.locator('.approval-card').filter({ hasText: 'within 5 days' });
    await card.waitFor({ timeout: 10_000 });
    await card.getByText('Acme charged me twice').waitFor({ timeout: 10_000 });
    assert.match(await card.innerText(), /88 followers/, 'the approver sees why it needs approval');
    await card.getByRole('button', { name: 'Request changes' }).click();
    const dialog = lead.getByRole('dialog');
    const part = dialog.getByLabel('The part you comment on (optional)');
    const start = draft.indexOf('within 5 days');
    // Select the words as a reader would, and let go of the key that made the selection.
    await part.focus();
    await part.evaluate((textarea: { setSelectionRange(from: number, to: number): void }, [from, to]) => textarea.setSelectionRange(from!, to!), [start, start + 'within 5 days'.length]);
    await part.dispatchEvent('keyup', { key: 'Shift', bubbles: true });
    await dialog.getByTestId('chosen-span').filter({ hasText: 'within 5 days' }).waitFor();
    await dialog.getByLabel('What should change').fill('Say 3 to 5 working days, as the refund policy does.');
    await dialog.getByRole('button', { name: 'Request changes' }).click();
    await lead.getByText('Nothing waits for your approval.').waitFor({ timeout: 10_000 });

    // The volunteer's page hears it live: no reload.
    await pending.getByTestId('reply-status').filter({ hasText: 'Changes requested' }).waitFor({ timeout: 15_000 });
    assert.equal(await pending.getByTestId('review-quote').innerText(), 'within 5 days');
    assert.match(await pending.innerText(), /Say 3 to 5 working days/);
    await pending.getByRole('button', { name: 'Revise' }).click();
    const revision = composerOf(volunteer);
    assert.equal(await replyBox(volunteer).inputValue(), draft, 'the reply opens in the composer to revise');
    await replyBox(volunteer).fill(draft.replace('within 5 days', 'within 3 to 5 working days'));
    const sendRevision = revision.getByRole('button', { name: 'Send revised reply' });
    await waitUntilEnabled(sendRevision);
    await sendRevision.click();
    await pending.getByTestId('reply-status').filter({ hasText: 'Waiting for approval' }).waitFor({ timeout: 10_000 });

    // The queue hears of the revision live too.
    const revised = lead.locator('.approval-card').filter({ hasText: 'within 3 to 5 working days' });
    await revised.waitFor({ timeout: 15_000 });
    await revised.getByRole('button', { name: 'Approve' }).click();
    await lead.getByText('Nothing waits for your approval.').waitFor({ timeout: 10_000 });

    await pending.getByTestId('reply-status').filter({ hasText: 'Ready for you to post' }).waitFor({ timeout: 15_000 });
    assert.match(await pending.innerText(), /Approved by Claire Dubois/);
    assert.match(await pending.innerText(), /Asked for changes by Claire Dubois/);
    await composerOf(volunteer).waitFor({ state: 'detached' });
    await volunteer.getByText('Your reply is on its way').waitFor();

    // At 360 px everything stacks: no sideways scrolling on the conversation or the queue.
    await volunteer.setViewportSize({ width: 360, height: 800 });
    await assertFitsWidth(volunteer, 'the conversation with its replies');
    await lead.setViewportSize({ width: 360, height: 800 });
    await assertFitsWidth(lead, 'the approval queue');
    await volunteer.context().close();
    await lead.context().close();
  }));
});
