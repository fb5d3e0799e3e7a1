// Which of the person's accounts on the chosen network the share goes through: a
// connected one (Mastodon, Bluesky) and Herd publishes it; a declared one and the
// compose page still opens, but its followers count as the share's reach; or none.
// The reach the choice adds is said beside it. With no account on the network, a
// pointer to My accounts.
import { Link } from 'react-router';
import { accountName, followersText } from '../accounts/account-names.ts';
import { connectedNetworks, networkLabel, type Account, type ShareNetwork } from '../types.ts';

/** The account chosen for the network: the person's choice while it exists ('' for none), else a connected one, else the first. */
export function chosenAccountId(accounts: Account[], chosen: string | undefined): string {
  if (chosen !== undefined && (chosen === '' || accounts.some((account) => account.id === chosen))) return chosen;
  return (accounts.find((account) => account.connected) ?? accounts[0])?.id ?? '';
}

interface AccountPickerProps {
  network: ShareNetwork;
  /** The person's accounts on this network. */
  accounts: Account[];
  accountId: string;
  onChange: (accountId: string) => void;
}

export function AccountPicker({ network, accounts, accountId, onChange }: AccountPickerProps) {
  const where = networkLabel(network);
  const publishes = (connectedNetworks as readonly string[]).includes(network);
  if (accounts.length === 0) {
    return (
      <p className="field__hint account-picker__none">
        {publishes
          ? <>Connect your {where} account in <Link to="/advocacy/accounts">My accounts</Link> and Herd publishes for you.</>
          : <>Add your {where} account in <Link to="/advocacy/accounts">My accounts</Link> to count your followers as reach.</>}
      </p>
    );
  }
  const chosen = accounts.find((account) => account.id === accountId);
  return (
    <fieldset className="account-picker">
      <legend>Share through</legend>
      {accounts.map((account) => (
        <label key={account.id} className="account-picker__option">
          <input type="radio" name="accountId" value={account.id} checked={account.id === accountId} onChange={() => onChange(account.id)} />
          <span>
            {account.connected ? `Publish through ${accountName(account)}` : `As ${accountName(account)}`}
            <span className="account-picker__detail">
              {account.connected ? ' — Herd posts it for you' : ` — you post it on ${where}`}, {followersText(account.followers)}
            </span>
          </span>
        </label>
      ))}
      <label className="account-picker__option">
        <input type="radio" name="accountId" value="" checked={accountId === ''} onChange={() => onChange('')} />
        <span>{publishes ? `Myself, through ${where}’s compose page` : 'Without an account'}<span className="account-picker__detail"> — no reach counted</span></span>
      </label>
      <p className="account-picker__reach" data-testid="share-reach">
        {chosen ? `Adds ${followersText(chosen.followers)} to the reach of this story.` : 'Counts no reach.'}
      </p>
    </fieldset>
  );
}
