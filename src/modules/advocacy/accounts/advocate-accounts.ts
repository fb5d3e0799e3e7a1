// A person's accounts: where they share, with how many followers (the reach of their
// shares). Accounts on LinkedIn, X, Facebook or e-mail are declared (the person says
// the handle and the followers); Mastodon and Bluesky accounts are connected
// (connect-account.ts). Each person sees and changes only their own; anyone else's
// answers 404, as if it did not exist.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { isUniqueViolation } from '../../../db/index.ts';
import { conflict, forbidden, invalid, notFound } from '../../../errors.ts';
import { recordAudit, requireAccess, type Actor } from '../../people/index.ts';
import { advocateAccounts, shares } from '../advocacy.schema.ts';
import type { AccountPatch } from './account.contract.ts';

export type AccountRow = typeof advocateAccounts.$inferSelect;

/** An account as its owner sees it: everything but the credential. */
export function viewAccount(row: AccountRow) {
  return {
    id: row.id, network: row.network, handle: row.handle, serverUrl: row.serverUrl, externalId: row.externalId,
    followers: row.followers, followersCheckedAt: row.followersCheckedAt, connected: isConnected(row), lastError: row.lastError,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}
export type AccountView = ReturnType<typeof viewAccount>;

/** Herd holds a credential for it, so shares go out through it. */
export const isConnected = (row: Pick<AccountRow, 'credential'>) => row.credential !== null;

/** The acting person's id; accounts belong to people, not to API tokens of the organization. */
export function sharerOf(actor: Actor): string {
  requireAccess(actor, 'advocacy.join');
  if (!actor.personId) throw forbidden('Only a person has accounts to share to.');
  return actor.personId;
}

export async function listMyAccounts(db: Database, actor: Actor): Promise<AccountView[]> {
  const personId = sharerOf(actor);
  const rows = await db.select().from(advocateAccounts)
    .where(and(eq(advocateAccounts.orgId, actor.orgId), eq(advocateAccounts.personId, personId)))
    .orderBy(asc(advocateAccounts.network), asc(advocateAccounts.handle));
  return rows.map(viewAccount);
}

/** One of the actor's own accounts; anyone else's is not found. */
export async function ownAccount(db: Database, actor: Actor, accountId: string): Promise<AccountRow> {
  const personId = sharerOf(actor);
  const [row] = await db.select().from(advocateAccounts)
    .where(and(eq(advocateAccounts.orgId, actor.orgId), eq(advocateAccounts.personId, personId), eq(advocateAccounts.id, accountId)));
  if (!row) throw notFound('The account');
  return row;
}

const auditedFields = (row: AccountRow) => ({ network: row.network, handle: row.handle, serverUrl: row.serverUrl, followers: row.followers, connected: isConnected(row) });

export async function declareAccount(db: Database, actor: Actor, input: { network: string; handle: string; followers: number }): Promise<AccountView> {
  const personId = sharerOf(actor);
  const handle = input.handle.trim();
  if (!handle) throw invalid([{ field: 'body.handle', message: 'is empty' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(advocateAccounts).values({ orgId: actor.orgId, personId, network: input.network, handle, followers: input.followers, followersCheckedAt: new Date() })
      .returning().catch(duplicateAccount(input.network, handle));
    await recordAudit(tx, actor, { action: 'advocate-account.declared', targetType: 'advocate-account', targetId: row!.id, targetLabel: `${row!.network} ${row!.handle}`, after: auditedFields(row!) });
    return viewAccount(row!);
  });
}

/** A second account with the same network and handle is a conflict, not a second row. */
export function duplicateAccount(network: string, handle: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw conflict(`You already have the ${network} account ${handle}.`, { reason: 'duplicate_account' });
    throw error;
  };
}

/** A declared account's handle and followers (a connected one's come from the network: see connect-account.ts). */
export async function updateDeclaredAccount(db: Database, actor: Actor, account: AccountRow, patch: AccountPatch): Promise<AccountView> {
  if (patch.accessToken !== undefined || patch.appPassword !== undefined) throw invalid([{ field: 'body', message: `a ${account.network} account is declared, not connected: it takes a handle and followers` }]);
  const handle = patch.handle?.trim();
  if (handle === '') throw invalid([{ field: 'body.handle', message: 'is empty' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(advocateAccounts).set({
      ...(handle && { handle }),
      ...(patch.followers !== undefined && { followers: patch.followers, followersCheckedAt: new Date() }),
      updatedAt: new Date(),
    }).where(eq(advocateAccounts.id, account.id)).returning().catch(duplicateAccount(account.network, handle ?? account.handle));
    await recordAudit(tx, actor, { action: 'advocate-account.updated', targetType: 'advocate-account', targetId: account.id, targetLabel: `${row!.network} ${row!.handle}`, before: auditedFields(account), after: auditedFields(row!) });
    return viewAccount(row!);
  });
}

/**
 * Removes the account, and with it the credential; shares made through it keep their
 * reach. Shares scheduled to go out through it are cancelled: they were meant for that
 * account, not for whatever the person shares through next.
 */
export async function removeAccount(db: Database, actor: Actor, accountId: string): Promise<void> {
  const account = await ownAccount(db, actor, accountId);
  await db.transaction(async (tx) => {
    await tx.update(shares).set({ status: 'cancelled', lastError: `The ${account.network} account ${account.handle} it was to go out through was removed.`, updatedAt: new Date() })
      .where(and(eq(shares.accountId, account.id), eq(shares.status, 'scheduled')));
    await tx.delete(advocateAccounts).where(eq(advocateAccounts.id, account.id));
    await recordAudit(tx, actor, { action: isConnected(account) ? 'advocate-account.disconnected' : 'advocate-account.removed', targetType: 'advocate-account', targetId: account.id, targetLabel: `${account.network} ${account.handle}`, before: auditedFields(account) });
  });
}
