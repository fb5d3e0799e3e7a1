// The weekly digest: last week's numbers (Monday to Sunday, UTC) against the week before,
// as a short plain-text e-mail, for the hub (the whole organization: hub admins and
// organization-wide PR leads) and for each spoke's leads (their spoke). Each recipient
// gets each week's digest once: the row saying it went out is written in the same
// transaction as the sending, so a failed send is retried and a sent one never repeated.
import type { Config } from '../../config/index.ts';
import type { Database } from '../../db/index.ts';
import { createSmtpMailSender, type MailSender } from '../../connectors/index.ts';
import { leadsOf, type StaffMember } from '../people/index.ts';
import { peopleWithEmailOff } from '../routing/index.ts';
import { advocacyNumbers } from './advocacy-numbers.ts';
import { backlog } from './backlog.ts';
import { conversationTable } from './conversation-tables.ts';
import { crisesPerMonth } from './crises-per-month.ts';
import { insightsDigests } from './insights.schema.ts';
import { insightsRangeOf, previousRangeOf, type InsightsRange } from './insights-range.ts';
import type { InsightsScope } from './insights-scope.ts';
import { mentionVolume } from './mention-volume.ts';
import { spokesOf } from './organization-spokes.ts';
import { participation } from './participation.ts';
import { ALL } from './rollup-keys.ts';

const DAY_MS = 86_400_000;

/** The week that ended before `day` (a Monday's date): its Monday to Sunday. */
export const weekBefore = (day: string): InsightsRange => {
  const monday = new Date(`${day}T00:00:00.000Z`).getTime();
  return insightsRangeOf({ from: new Date(monday - 7 * DAY_MS).toISOString().slice(0, 10), to: new Date(monday - DAY_MS).toISOString().slice(0, 10) });
};

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const percent = (share: number | null) => (share === null ? 'n/a' : `${Math.round(share * 100)}%`);

/** "+12% on the week before", "same as the week before", or nothing when there is nothing to compare with. */
function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? '' : ' (none the week before)';
  const delta = Math.round(((now - before) / before) * 100);
  return delta === 0 ? ' (same as the week before)' : ` (${delta > 0 ? '+' : '−'}${Math.abs(delta)}% on the week before)`;
}

export function duration(seconds: number | null): string {
  if (seconds === null) return 'n/a';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

async function weekNumbers(db: Database, scope: InsightsScope, week: InsightsRange) {
  const [volume, conversations] = await Promise.all([
    mentionVolume(db, scope, week, { interval: 'week' }),
    conversationTable(db, scope, week, 'org', true),
  ]);
  return { mentions: volume.totals[0]!, conversations: conversations.rows[0]! };
}

export interface Digest { subject: string; text: string }

/** The digest of `scope` for `week`; `spokeName` names the spoke (null: the hub's). */
export async function composeDigest(db: Database, config: Config | undefined, scope: InsightsScope, week: InsightsRange, spokeName: string | null): Promise<Digest> {
  const spokeId = scope.spokeIds?.[0];
  const [now, before, waiting, who, advocacy, crises] = await Promise.all([
    weekNumbers(db, scope, week), weekNumbers(db, scope, previousRangeOf(week)), backlog(db, scope), participation(db, scope, week),
    advocacyNumbers(db, scope, week),
    spokeName === null ? crisesPerMonth(db, scope.orgId, week) : Promise.resolve(null),
  ]);
  const { mentions, conversations } = now;
  const queues = waiting.spokes;
  const open = queues.reduce((sum, queue) => sum + queue.open, 0);
  const oldest = Math.max(0, ...queues.map((queue) => queue.oldestWaitSeconds ?? 0));
  const departments = who.spokes.filter((row) => row.replies > 0).slice(0, 3).map((row) => `${row.name} ${integer.format(row.replies)}`);
  const link = new URL(`/insights?from=${week.from}&to=${week.to}${spokeId ? `&spokeId=${spokeId}` : ''}`, config?.publicUrl ?? 'http://localhost:3000').href;
  const lines = [
    `Week ${week.from} to ${week.to}${spokeName ? ` — ${spokeName}` : ' — the whole organization'}`,
    '',
    `Mentions: ${integer.format(mentions.total)}${change(mentions.total, before.mentions.total)}; ${percent(mentions.total ? mentions.negative / mentions.total : null)} negative, ${percent(mentions.total ? mentions.positive / mentions.total : null)} positive`,
    `Conversations opened: ${integer.format(conversations.opened)}${change(conversations.opened, before.conversations.opened)}`,
    `First response: median ${duration(conversations.firstResponse.medianSeconds)}, 90% within ${duration(conversations.firstResponse.p90Seconds)} (the week before: median ${duration(before.conversations.firstResponse.medianSeconds)})`,
    `Resolution: median ${duration(conversations.resolution.medianSeconds)}, 90% within ${duration(conversations.resolution.p90Seconds)}`,
    `SLA met: first response ${percent(conversations.firstResponse.sla.attainment)}, resolution ${percent(conversations.resolution.sla.attainment)}`,
    `Waiting now: ${integer.format(open)} open${open ? `, the longest for ${duration(oldest)}` : ''}`,
    `Replies: ${integer.format(conversations.replies)}${change(conversations.replies, before.conversations.replies)}${departments.length ? ` — most from ${departments.join(', ')}` : ''}`,
    `Advocacy: ${integer.format(advocacy.shares)} shares, ${integer.format(advocacy.clicks)} clicks, reach ${integer.format(advocacy.reach)}, earned media value ${advocacy.earnedMediaValue.value.toFixed(2)} ${advocacy.earnedMediaValue.currency}`,
    ...(crises ? [`Crises opened: ${integer.format(crises.crises)}`, `Crisis alerts: ${integer.format(crises.alerts)}`] : []),
    '',
    `The dashboards: ${link}`,
  ];
  return { subject: `Herd weekly digest${spokeName ? ` for ${spokeName}` : ''}: ${week.from} to ${week.to}`, text: `${lines.join('\n')}\n` };
}

interface Audience { spokeId: string | null; spokeName: string | null; recipients: StaffMember[] }

/** The hub's leads and each spoke's, without those who chose never to get e-mail. */
async function audiencesOf(db: Database, orgId: string): Promise<Audience[]> {
  const spokes = await spokesOf(db, orgId);
  const spokeLeads = await Promise.all(spokes.map(async (spoke) => ({ spokeId: spoke.id, spokeName: spoke.name, recipients: await leadsOf(db, orgId, spoke.id) })));
  const audiences = [{ spokeId: null, spokeName: null, recipients: await leadsOf(db, orgId, null) }, ...spokeLeads];
  const noMail = await peopleWithEmailOff(db, [...new Set(audiences.flatMap((audience) => audience.recipients.map((person) => person.personId)))]);
  return audiences.map((audience) => ({ ...audience, recipients: audience.recipients.filter((person) => !noMail.has(person.personId)) }))
    .filter((audience) => audience.recipients.length > 0);
}

/** Mails `to` once for the week and spoke: recorded and sent in one transaction. Returns whether it sent now. */
async function mailOnce(db: Database, sender: MailSender, config: Config, orgId: string, week: InsightsRange, spokeId: string | null, to: StaffMember, digest: Digest): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx.insert(insightsDigests).values({ orgId, weekStart: week.from, personId: to.personId, spokeId: spokeId ?? ALL })
      .onConflictDoNothing().returning({ sentAt: insightsDigests.sentAt });
    if (!claimed) return false;
    const host = new URL(config.publicUrl).hostname;
    await sender.send({ from: config.mailFrom, to: to.email, subject: digest.subject, text: digest.text, messageId: `<digest.${week.from}.${spokeId ?? 'hub'}.${to.personId}@${host}>` });
    return true;
  });
}

/** Sends the digests of the week before `monday` (YYYY-MM-DD) to everyone who has not had theirs; returns how many went out. */
export async function sendWeeklyDigests(db: Database, config: Config | undefined, orgId: string, monday: string, sender?: MailSender): Promise<number> {
  if (!config?.mailUrl) return 0;
  const mail = sender ?? createSmtpMailSender(config.mailUrl);
  const week = weekBefore(monday);
  let sent = 0;
  for (const audience of await audiencesOf(db, orgId)) {
    const scope: InsightsScope = { orgId, spokeIds: audience.spokeId ? [audience.spokeId] : null };
    const digest = await composeDigest(db, config, scope, week, audience.spokeName);
    for (const recipient of audience.recipients) if (await mailOnce(db, mail, config, orgId, week, audience.spokeId, recipient, digest)) sent += 1;
  }
  return sent;
}
