// The organization's outgoing webhook channels, for hub admins. The secret is made here
// and shown once; lists, the audit log and logs never carry it (nor the URL's path,
// which for Slack is itself a credential).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { isUniqueViolation } from '../../../db/index.ts';
import { conflict, invalid, notFound } from '../../../errors.ts';
import { generateWebhookSecret, type GuardedHttp } from '../../../connectors/index.ts';
import { recordAudit, requireAccess, type Actor } from '../../people/index.ts';
import { notificationChannels } from '../routing.schema.ts';
import { deliverToChannel, type DeliveryOutcome } from './channel-delivery.ts';
import type { ChannelInput } from './notifications.contract.ts';

type ChannelRow = typeof notificationChannels.$inferSelect;

const view = ({ id, name, format, url, lastDeliveryAt, lastError, createdAt }: ChannelRow) => ({ id, name, format, url, lastDeliveryAt, lastError, createdAt });
const audited = (row: ChannelRow) => ({ name: row.name, format: row.format, host: new URL(row.url).host });

function checkUrl(url: string | undefined): void {
  if (url === undefined) return;
  const protocol = URL.canParse(url) ? new URL(url).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') throw invalid([{ field: 'body.url', message: 'must be an http or https URL' }]);
}

const nameTaken = (error: unknown) => {
  if (isUniqueViolation(error)) throw conflict('A channel with this name exists already.', [{ field: 'body.name', message: 'is taken' }]);
  throw error;
};

async function findChannel(db: Database, actor: Actor, id: string): Promise<ChannelRow> {
  const [row] = await db.select().from(notificationChannels).where(and(eq(notificationChannels.id, id), eq(notificationChannels.orgId, actor.orgId)));
  if (!row) throw notFound('The channel');
  return row;
}

export async function listChannels(db: Database, actor: Actor) {
  requireAccess(actor, 'routing.manage');
  const rows = await db.select().from(notificationChannels).where(eq(notificationChannels.orgId, actor.orgId)).orderBy(asc(notificationChannels.name));
  return rows.map(view);
}

/** Which of the ids are channels of the organization: for settings elsewhere that post to channels (crisis alerts). */
export async function channelIdsOf(db: Database, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: notificationChannels.id }).from(notificationChannels)
    .where(and(eq(notificationChannels.orgId, orgId), inArray(notificationChannels.id, [...ids])));
  return new Set(rows.map((row) => row.id));
}

export async function createChannel(db: Database, actor: Actor, input: ChannelInput) {
  requireAccess(actor, 'routing.manage');
  checkUrl(input.url);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(notificationChannels).values({ ...input, orgId: actor.orgId, secret: generateWebhookSecret() }).returning().catch(nameTaken);
    await recordAudit(tx, actor, { action: 'notification_channel.create', targetType: 'notification_channel', targetId: row!.id, targetLabel: row!.name, after: audited(row!) });
    return { ...view(row!), secret: row!.secret };
  });
}

export async function updateChannel(db: Database, actor: Actor, id: string, patch: Partial<ChannelInput>) {
  requireAccess(actor, 'routing.manage');
  checkUrl(patch.url);
  return db.transaction(async (tx) => {
    const before = await findChannel(tx, actor, id);
    const [row] = await tx.update(notificationChannels).set(patch).where(eq(notificationChannels.id, id)).returning().catch(nameTaken);
    await recordAudit(tx, actor, { action: 'notification_channel.update', targetType: 'notification_channel', targetId: id, targetLabel: row!.name, before: audited(before), after: audited(row!) });
    return view(row!);
  });
}

export async function deleteChannel(db: Database, actor: Actor, id: string): Promise<void> {
  requireAccess(actor, 'routing.manage');
  await db.transaction(async (tx) => {
    const before = await findChannel(tx, actor, id);
    await tx.delete(notificationChannels).where(eq(notificationChannels.id, id));
    await recordAudit(tx, actor, { action: 'notification_channel.delete', targetType: 'notification_channel', targetId: id, targetLabel: before.name, before: audited(before) });
  });
}

/** Sends a test message now, and says what happened. */
export async function testChannel(db: Database, http: GuardedHttp, actor: Actor, id: string): Promise<DeliveryOutcome> {
  requireAccess(actor, 'routing.manage');
  const channel = await findChannel(db, actor, id);
  return deliverToChannel(db, http, channel, { title: 'Test from Herd', text: `${actor.label} is checking that messages reach "${channel.name}".` });
}
