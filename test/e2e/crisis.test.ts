// A browser walks the crisis section. Negative posts by authors with hundreds of
// thousands of followers go the real way (stored by listening, triaged, fed to the
// crisis detectors), each raising a high-reach alert. An organization-wide PR lead finds
// the topic on the radar, sees a second alert arrive live, acknowledges the first,
// opens a crisis room from it, sets it active and sees its effects, writes a note that
// lands in the timeline, adds a holding statement, and downloads the report, which
// names the crisis; the room is photographed into test-results/. A hub admin changes a
// detector's cool-down and sees a refused value explained beside its field.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { getCrisisSettings, listCrisisAlerts, watchTriagedMentions } from '../../src/modules/crisis/index.ts';
import { createSource, createTopic, ingestPosts, type PostToStore } from '../../src/modules/listening/index.ts';
import { addMembership, createPerson, createSpoke, systemActor } from '../../src/modules/people/index.ts';
import { enrichMentions, triagedMentionsOf } from '../../src/modules/triage/index.ts';
import { TEST_PASSWORD } from '../../src/server/test-app.ts';
import { chromiumMissing, photographedOnFailure, signInAs, startBrowserHerd, type BrowserHerd } from './browser-herd.ts';

const PR_LEAD = 'pia.pr@e2e.test';
const TOPIC = 'Acme Kettles';
const CRISIS_TEAM = 'Crisis team';
const NOTE = 'Legal confirmed the kettle batch number; statement going out at 15:00.';
const STATEMENT_TITLE = 'Kettle safety: what we know';

const openPages = new Set<Page>();

/** Stores posts in the source, triages them and feeds them to the crisis detectors, as the worker's pipeline would. */
async function hear(herd: BrowserHerd, source: { id: string; name: string }, posts: PostToStore[]): Promise<void> {
  const { db } = herd.database;
  const stored = await ingestPosts(db, { id: source.id, orgId: herd.orgId, name: source.name, matchMode: 'topics' }, posts);
  assert.equal(stored.mentionIds.length, posts.length, 'every post matched the topic and was stored');
  await enrichMentions(db, herd.orgId, stored.mentionIds);
  const report = await watchTriagedMentions(db, herd.orgId, await triagedMentionsOf(db, herd.orgId, stored.mentionIds));
  assert.equal(report.fed, posts.length);
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('the crisis radar, alerts and room in the browser', { skip: chromiumMissing }, () => {
  let herd: BrowserHerd;
  let source: { id: string; name: string };

  before(async () => {
    mkdirSync('test-results', { recursive: true });
    herd = await startBrowserHerd();
    const { db } = herd.database;
    const system = systemActor(herd.orgId);
    const lead = await createPerson(db, herd.config, system, { name: 'Pia PR', email: PR_LEAD, password: TEST_PASSWORD });
    await addMembership(db, system, { personId: lead.id, spokeId: null, role: 'pr_lead' });
    await createSpoke(db, system, { name: CRISIS_TEAM, kind: 'other' });
    await createTopic(db, system, { name: TOPIC, query: 'kettle' });
    source = await createSource(db, system, { kind: 'file', name: 'Reviews', config: {}, matchMode: 'topics' });
    await hear(herd, source, [
      { externalId: 'k1', text: 'Bought the new kettle, boils fast and looks nice.', createdAt: minutesAgo(6), author: { handle: 'happy_home', followers: 120 } },
      {
        externalId: 'k2', text: 'This kettle is dangerous. Mine exploded and burned my hand. Terrible, awful product, I am furious.',
        createdAt: minutesAgo(3), author: { handle: 'tech_reviewer', displayName: 'Tech Reviewer', followers: 900_000 },
      },
    ]);
  });
  after(async () => { await herd?.close(); });

  it('lets a PR lead see the alert, acknowledge it and run a crisis room from it to the report', async () => {
    const page = await signInAs(herd.browser, herd.baseUrl, PR_LEAD, { password: TEST_PASSWORD });
    openPages.add(page);
    await photographedOnFailure(openPages, 'crisis-failed', async () => {
      // The radar lists the topic with its open alert; a second alert shows up live.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Crisis' }).click();
      await page.getByRole('heading', { name: 'Crisis radar' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: TOPIC });
      await row.getByText('1 open').waitFor({ timeout: 10_000 });
      await page.getByText('Live: updates as alerts come in.').waitFor({ timeout: 10_000 });
      await hear(herd, source, [{
        externalId: 'k3', text: 'Never buying this kettle again, it is a disgrace and dangerous.',
        createdAt: minutesAgo(1), author: { handle: 'celebrity_chef', followers: 600_000 },
      }]);
      await row.getByText('2 open').waitFor({ timeout: 10_000 });

      // The alert explains itself; acknowledging it takes it off the waiting list.
      await row.getByRole('link', { name: '2 open' }).click();
      await page.getByRole('heading', { name: 'Crisis alerts' }).waitFor();
      const alert = page.getByRole('article', { name: `High-reach author “tech_reviewer” on ${TOPIC}` });
      await alert.waitFor({ timeout: 10_000 });
      const explained = await alert.innerText();
      assert.match(explained, /900,000 followers/);
      assert.match(explained, /author followers/);
      assert.match(explained, /threshold 50,000/);
      assert.match(explained, /Mentions to read first/);
      await alert.getByRole('button', { name: 'Acknowledge' }).click();
      await alert.waitFor({ state: 'detached', timeout: 10_000 });
      await page.getByRole('article', { name: `High-reach author “celebrity_chef” on ${TOPIC}` }).waitFor();

      // Among all alerts it is marked acknowledged; a crisis room opens from it, the title prefilled.
      await page.getByLabel('Show').selectOption('all');
      await alert.getByText('Acknowledged', { exact: true }).waitFor({ timeout: 10_000 });
      await alert.getByRole('button', { name: 'Open crisis room' }).click();
      const dialog = page.getByRole('dialog');
      const title = dialog.getByLabel('Title');
      assert.match(await title.inputValue(), new RegExp(TOPIC));
      await title.fill('Exploding kettle video');
      await dialog.getByLabel('Start as').selectOption('monitoring');
      await dialog.getByLabel('Crisis team spoke').selectOption({ label: CRISIS_TEAM });
      await dialog.getByRole('button', { name: 'Open crisis room' }).click();
      await page.getByRole('heading', { name: 'Exploding kettle video' }).waitFor({ timeout: 10_000 });

      // Set active: the effects show.
      const effects = page.getByTestId('crisis-effects');
      assert.match(await effects.innerText(), /No effects/);
      await page.getByRole('form', { name: 'Crisis controls' }).getByLabel('Status').selectOption('active');
      await effects.getByText('Replies need approval').waitFor({ timeout: 10_000 });
      await effects.getByText('Advocacy paused').waitFor();
      await effects.getByText(`Routed to ${CRISIS_TEAM}`).waitFor();

      // A note lands in the timeline.
      await page.getByLabel('Note').fill(NOTE);
      await page.getByRole('button', { name: 'Add note' }).click();
      const timeline = page.getByRole('list', { name: 'Timeline' });
      await timeline.locator('[data-kind="note"]').filter({ hasText: NOTE }).waitFor({ timeout: 10_000 });
      await timeline.locator('[data-kind="status"]').first().waitFor();

      // A holding statement joins the list.
      await page.getByRole('button', { name: 'Add a holding statement' }).click();
      await page.getByLabel('Statement title').fill(STATEMENT_TITLE);
      await page.getByLabel('Statement', { exact: true }).fill('We are aware of reports about one of our kettles and are looking into them urgently. Please stop using it until we know more.');
      await page.getByRole('button', { name: 'Add holding statement' }).click();
      await page.getByRole('list', { name: 'Holding statements' }).getByText(STATEMENT_TITLE).waitFor({ timeout: 10_000 });

      await page.getByRole('img', { name: /mentions in \d+ buckets/ }).waitFor({ timeout: 10_000 });
      // The confirmations fade by themselves; the photograph waits for them so they hide nothing.
      await page.waitForFunction('document.querySelectorAll(".toast").length === 0', undefined, { timeout: 10_000 });
      await page.screenshot({ path: 'test-results/crisis-room.png', fullPage: true });

      // The report downloads and names the crisis, with the note in its timeline.
      for (const format of ['Markdown', 'HTML']) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Export report (${format})` }).click()]);
        const report = await readFile(await download.path(), 'utf8');
        assert.match(report, /Exploding kettle video/, `the ${format} report names the crisis`);
        assert.match(report, /Legal confirmed the kettle batch number/, `the ${format} report has the note`);
      }
    });
    await page.context().close();
  });

  it('shows the alert a notification links to first, whatever the filters', async () => {
    const page = await herd.signedInPage();
    openPages.add(page);
    await photographedOnFailure(openPages, 'crisis-followed-alert-failed', async () => {
      const { items } = await listCrisisAlerts(herd.database.db, systemActor(herd.orgId), { limit: 50 });
      const oldest = items.at(-1)!;
      await page.goto(`${herd.baseUrl}/crisis/alerts?alert=${oldest.id}&topicId=${crypto.randomUUID()}`);
      const followed = page.getByRole('region', { name: 'The alert you followed' });
      await followed.getByRole('article', { name: `High-reach author “tech_reviewer” on ${TOPIC}` }).waitFor({ timeout: 10_000 });
    });
    await page.close();
  });

  it('lets a hub admin tune a detector and give a topic its own settings, and says beside the field what the server refused', async () => {
    const page = await herd.signedInPage();
    openPages.add(page);
    await photographedOnFailure(openPages, 'crisis-settings-failed', async () => {
      await page.goto(`${herd.baseUrl}/crisis/settings`);
      const trigger = page.getByRole('group', { name: 'Trigger word' });
      await trigger.getByLabel('Cool-down (minutes)').fill('90');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Crisis settings saved.').waitFor({ timeout: 10_000 });
      await page.reload();
      assert.equal(await page.getByRole('group', { name: 'Trigger word' }).getByLabel('Cool-down (minutes)').inputValue(), '90');

      // A topic of its own: the volume detector off there, negativity watched closely from 5 mentions.
      await page.getByLabel('Give a topic its own settings').selectOption({ label: TOPIC });
      await page.getByRole('button', { name: 'Add topic' }).click();
      const own = page.getByRole('group', { name: TOPIC });
      await own.getByRole('group', { name: `Volume spike on ${TOPIC}` }).getByLabel('Volume spike').selectOption('off');
      const negativity = own.getByRole('group', { name: `Negativity surge on ${TOPIC}` });
      await negativity.getByLabel('Negativity surge').selectOption('high');
      await negativity.getByLabel('Minimum volume').fill('5');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Crisis settings saved.').waitFor({ timeout: 10_000 });
      const stored = await getCrisisSettings(herd.database.db, systemActor(herd.orgId));
      assert.deepEqual(Object.values(stored.topicOverrides), [{ volume: { enabled: false }, negativity: { enabled: true, sensitivity: 'high', minVolume: 5 } }]);
      await page.reload();
      assert.equal(await page.getByRole('group', { name: `Negativity surge on ${TOPIC}` }).getByLabel('Negativity surge').inputValue(), 'high');
      await page.getByRole('group', { name: TOPIC }).getByRole('button', { name: 'Use the settings for every topic' }).click();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('No topic has its own settings.').waitFor();
      assert.deepEqual((await getCrisisSettings(herd.database.db, systemActor(herd.orgId))).topicOverrides, {});

      // A followers threshold must be whole: past the browser's own check, the server says so beside the field.
      const highReach = page.getByRole('group', { name: 'High-reach author' });
      const followers = highReach.getByLabel('Followers from');
      await followers.evaluate((input: { step: string }) => { input.step = 'any'; });
      await followers.fill('1.5');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await highReach.getByText('must be integer').waitFor({ timeout: 10_000 });
      assert.equal(await followers.getAttribute('aria-invalid'), 'true');
    });
    await page.close();
  });
});
