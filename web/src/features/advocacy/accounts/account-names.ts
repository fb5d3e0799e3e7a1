// How an account and its followers are named to its owner: "@handle" where the network
// uses handles (Mastodon's with its server), the name or address as given otherwise.
import type { Account } from '../types.ts';

const handleNetworks = new Set(['mastodon', 'bluesky', 'x']);

export function accountName(account: Pick<Account, 'network' | 'handle'>): string {
  return handleNetworks.has(account.network) && !account.handle.startsWith('@') ? `@${account.handle}` : account.handle;
}

const counter = new Intl.NumberFormat();

export const followersText = (followers: number) => `${counter.format(followers)} ${followers === 1 ? 'follower' : 'followers'}`;
