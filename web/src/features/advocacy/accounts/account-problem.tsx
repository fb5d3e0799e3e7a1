// Why connecting, refreshing or changing an account failed, led by what it means for
// the person and what to do (by the server's `details.reason`), followed by the
// server's own words. A server without HERD_SECRET_KEY cannot keep credentials at all:
// that is for the administrator, said plainly.
import { isApiError } from '../../../api/client.ts';
import { ErrorState } from '../../../ui/error-state.tsx';
import { networkLabel } from '../types.ts';

/** A form shows validation problems beside its fields; every other refusal is an AccountProblem. */
export const validationOnly = (error: Error | null) => (isApiError(error, 'VALIDATION_FAILED') ? error : null);

/** "90 seconds", "3 minutes": how long the network asks Herd to wait. */
function waitText(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `${minutes} minutes` : `${Math.ceil(minutes / 60)} hours`;
}

function reasonOf(details: unknown): { reason?: string; retryAfterSeconds?: number | null } {
  return typeof details === 'object' && details !== null && !Array.isArray(details) ? details as { reason?: string; retryAfterSeconds?: number | null } : {};
}

/** What the refusal means, in words; null when the server's message says it all. */
export function accountProblemLead(error: Error, network: string): string | null {
  if (!isApiError(error)) return null;
  const name = networkLabel(network);
  if (error.code === 'SECRET_KEY_REQUIRED') {
    return 'This Herd server cannot keep access tokens and app passwords yet: the administrator must set HERD_SECRET_KEY (the key Herd encrypts them with). Until then, share through the networks’ compose pages.';
  }
  const { reason, retryAfterSeconds } = reasonOf(error.details);
  switch (reason) {
    case 'bad_credentials':
      return network === 'bluesky'
        ? 'Bluesky refused the handle and app password. Check the handle, and use an app password (not your account password).'
        : `${name} refused the access token. Copy it again in full, and check that its application has the read:accounts and write:statuses scopes.`;
    case 'rate_limited':
      return `${name} asks Herd to slow down. Try again in ${retryAfterSeconds ? waitText(retryAfterSeconds) : 'a few minutes'}.`;
    case 'unreachable':
      return `Herd could not reach the ${name} server: it did not answer, or answered with an error. Check the address, or try again later.`;
    case 'not_found':
      return network === 'bluesky'
        ? 'Bluesky does not know this account. Check the handle (e.g. name.bsky.social) and, if you gave one, the hosting server.'
        : `There is no ${name} server at that address, or it does not know the account. Check your server’s address (e.g. mastodon.social).`;
    case 'blocked_address':
      return 'Herd may not connect to that address: it is on a private or local network. Give your server’s public address.';
    case 'duplicate_account':
      return 'You have this account already: find it in the list.';
    case 'other_account':
      return 'That credential belongs to another account: connect that one as an account of its own.';
    case 'credential_unreadable':
      return 'Herd can no longer read the credential it kept (the server’s key changed): connect the account again.';
    default:
      return null;
  }
}

/** Nothing without an error, nor for a validation error (its problems are shown beside the fields). */
export function AccountProblem({ error, network }: { error: Error | null; network: string }) {
  if (!error || validationOnly(error)) return null;
  const lead = accountProblemLead(error, network);
  return (
    <div className="account-problem" data-testid="account-problem">
      {lead && <p className="account-problem__lead"><strong>{lead}</strong></p>}
      <ErrorState error={error} />
    </div>
  );
}
