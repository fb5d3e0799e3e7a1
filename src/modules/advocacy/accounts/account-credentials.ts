// A connected account's credential (a Mastodon access token, a Bluesky app password),
// sealed in the secret box and bound to the account's row: a sealed credential copied
// onto another account does not open there. It is opened only to call the network.
import { AppError } from '../../../errors.ts';
import { SecretBoxError, type SecretBox } from '../../../secrets/index.ts';

export type AccountCredential = { accessToken: string } | { appPassword: string };

const contextOf = (accountId: string) => `advocate_accounts.credential:${accountId}`;

export function sealCredential(box: SecretBox, accountId: string, credential: AccountCredential): string {
  return box.seal(JSON.stringify(credential), contextOf(accountId));
}

/** The credential, or a CONFLICT saying the account must be connected again when this server's key cannot open it. */
export function openCredential(box: SecretBox, accountId: string, sealed: string): AccountCredential {
  try {
    return JSON.parse(box.open(sealed, contextOf(accountId))) as AccountCredential;
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw new AppError('CONFLICT', `The account's stored credential cannot be read (${error.message}); connect the account again.`, { reason: 'credential_unreadable', failure: error.failure });
  }
}
