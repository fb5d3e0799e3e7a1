// Connecting a Mastodon or Bluesky account: the network proves the credential and says
// who the account is and how many follow it; the credential is then sealed in the
// secret box and kept for publishing. Connecting an account the person has already
// connected replaces its credential (after a token was revoked, say). Followers are
// read again on request, and when a share goes out and the count is over a day old.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/index.ts';
import { AppError, conflict, invalid } from '../../../errors.ts';
import { secretBoxFor, type SecretBox, type SecretKeySettings } from '../../../secrets/index.ts';
import { recordAudit, type Actor } from '../../people/index.ts';
import { advocateAccounts } from '../advocacy.schema.ts';
import type { AccountInput, AccountPatch } from './account.contract.ts';
import { openCredential, sealCredential, type AccountCredential } from './account-credentials.ts';
import { accountCheckError, checkAccount, type CheckedAccount, type NetworkAccess } from './account-networks.ts';
import { duplicateAccount, isConnected, sharerOf, viewAccount, type AccountRow, type AccountView } from './advocate-accounts.ts';

/** Calling the networks and opening the credentials they need. */
export interface AccountAccess extends NetworkAccess { secrets: SecretKeySettings }

/** How old a follower count may be when a share goes out before it is read again. */
export const FOLLOWERS_MAX_AGE_MS = 24 * 3600_000;

type ConnectInput = Extract<AccountInput, { network: 'mastodon' | 'bluesky' }>;

export async function connectAccount(db: Database, access: AccountAccess, actor: Actor, input: ConnectInput): Promise<AccountView> {
  const personId = sharerOf(actor);
  // Asked first, so a server without a key refuses before a credential is sent anywhere.
  const box = secretBoxFor(access.secrets);
  const { account, credential } = input.network === 'mastodon'
    ? { account: { network: 'mastodon', handle: '', externalId: null, serverUrl: serverOrigin(input.instanceUrl, 'body.instanceUrl') }, credential: { accessToken: input.accessToken.trim() } }
    : { account: { network: 'bluesky', handle: input.handle.trim().replace(/^@/, '').toLowerCase(), externalId: null, serverUrl: input.pdsUrl ? serverOrigin(input.pdsUrl, 'body.pdsUrl') : null }, credential: { appPassword: input.appPassword.trim() } };
  const checked = await checkAccount(access, account, credential).catch((error: unknown) => {
    throw accountCheckError(error, input.network);
  });
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(advocateAccounts).where(and(
      eq(advocateAccounts.orgId, actor.orgId), eq(advocateAccounts.personId, personId), eq(advocateAccounts.network, checked.network), eq(advocateAccounts.handle, checked.handle),
    ));
    const row = await storeChecked(tx, box, { orgId: actor.orgId, personId, id: existing?.id }, checked, credential);
    await recordAudit(tx, actor, {
      action: 'advocate-account.connected', targetType: 'advocate-account', targetId: row.id, targetLabel: `${row.network} ${row.handle}`,
      after: { network: row.network, handle: row.handle, serverUrl: row.serverUrl, followers: row.followers, reconnected: existing !== undefined },
    });
    return viewAccount(row);
  });
}

/** A new credential for a connected account: it must be the same account's. */
export async function reconnectAccount(db: Database, access: AccountAccess, actor: Actor, account: AccountRow, patch: AccountPatch): Promise<AccountView> {
  const given = account.network === 'mastodon' ? patch.accessToken : patch.appPassword;
  const expected = account.network === 'mastodon' ? 'accessToken' : 'appPassword';
  if (patch.handle !== undefined || patch.followers !== undefined || given === undefined || (patch.accessToken !== undefined && patch.appPassword !== undefined)) {
    throw invalid([{ field: 'body', message: `a connected ${account.network} account takes only a new ${expected}; its handle and followers come from ${account.network}` }]);
  }
  const box = secretBoxFor(access.secrets);
  const credential: AccountCredential = account.network === 'mastodon' ? { accessToken: given.trim() } : { appPassword: given.trim() };
  const checked = await checkAccount(access, account, credential).catch((error: unknown) => {
    throw accountCheckError(error, account.network);
  });
  if (account.externalId && checked.externalId !== account.externalId) throw conflict(`That credential belongs to ${checked.handle}, not ${account.handle}: connect it as an account of its own.`, { reason: 'other_account' });
  return db.transaction(async (tx) => {
    const row = await storeChecked(tx, box, { orgId: account.orgId, personId: account.personId, id: account.id }, checked, credential);
    await recordAudit(tx, actor, { action: 'advocate-account.reconnected', targetType: 'advocate-account', targetId: row.id, targetLabel: `${row.network} ${row.handle}`, after: { network: row.network, handle: row.handle, followers: row.followers } });
    return viewAccount(row);
  });
}

/** Reads the followers (and the handle, which may change on Bluesky) of a connected account now; a failure is kept on the account and thrown. */
export async function refreshAccount(db: Database, access: AccountAccess, account: AccountRow, now = new Date()): Promise<AccountView> {
  if (!isConnected(account)) throw conflict(`A declared ${account.network} account has the followers you give it; change them instead.`, { reason: 'declared_account' });
  const credential = openCredential(secretBoxFor(access.secrets), account.id, account.credential!);
  let checked: CheckedAccount;
  try {
    checked = await checkAccount(access, account, credential);
  } catch (error) {
    const said = accountCheckError(error, account.network);
    if (said instanceof AppError) await db.update(advocateAccounts).set({ lastError: said.message, updatedAt: now }).where(eq(advocateAccounts.id, account.id));
    throw said;
  }
  const [row] = await db.update(advocateAccounts).set({ handle: checked.handle, externalId: checked.externalId, followers: checked.followers, followersCheckedAt: now, lastError: null, updatedAt: now })
    .where(eq(advocateAccounts.id, account.id)).returning().catch(duplicateAccount(account.network, checked.handle));
  return viewAccount(row!);
}

/**
 * The followers of the account a share goes out through, at that moment: a connected
 * account's count is read again when it is over a day old. A failed read keeps the
 * last count (and says why on the account): the share does not wait on it.
 */
export async function followersAtShareTime(db: Database, access: AccountAccess, account: AccountRow, now = new Date()): Promise<number> {
  const fresh = account.followersCheckedAt && now.getTime() - account.followersCheckedAt.getTime() < FOLLOWERS_MAX_AGE_MS;
  if (!isConnected(account) || fresh) return account.followers;
  return refreshAccount(db, access, account, now).then((view) => view.followers, () => account.followers);
}

async function storeChecked(db: Database, box: SecretBox, owner: { orgId: string; personId: string; id: string | undefined }, checked: CheckedAccount, credential: AccountCredential): Promise<AccountRow> {
  const id = owner.id ?? randomUUID();
  const now = new Date();
  const values = {
    handle: checked.handle, serverUrl: checked.serverUrl, externalId: checked.externalId, followers: checked.followers, followersCheckedAt: now,
    credential: sealCredential(box, id, credential), lastError: null, updatedAt: now,
  };
  const [row] = owner.id
    ? await db.update(advocateAccounts).set(values).where(eq(advocateAccounts.id, id)).returning().catch(duplicateAccount(checked.network, checked.handle))
    : await db.insert(advocateAccounts).values({ id, orgId: owner.orgId, personId: owner.personId, network: checked.network, ...values }).returning().catch(duplicateAccount(checked.network, checked.handle));
  return row!;
}

/** A server's origin from what a person types: "mastodon.social" or a full URL; http(s) only, no user name or password. */
export function serverOrigin(value: string, field: string): string {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw invalid([{ field, message: 'is not a server address (e.g. mastodon.social or https://mastodon.social)' }]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid([{ field, message: 'must be an http:// or https:// address' }]);
  if (url.username || url.password) throw invalid([{ field, message: 'must not contain a user name or password' }]);
  return url.origin;
}
