// What the person can do with one of their accounts: read a connected account's
// followers now, give it a new credential, change a declared one's followers, and
// disconnect or remove it (asked first: shares scheduled through it are cancelled).
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useRefreshAccount } from '../api/refresh-account.ts';
import { useRemoveAccount } from '../api/remove-account.ts';
import { networkLabel, type Account } from '../types.ts';
import { AccountProblem } from './account-problem.tsx';
import { accountName, followersText } from './account-names.ts';

interface AccountActionsProps {
  account: Account;
  /** Change a declared account's handle and followers. */
  onChange: (account: Account) => void;
  /** Give a connected account a new access token or app password. */
  onConnectAgain: (account: Account) => void;
}

export function AccountActions({ account, onChange, onConnectAgain }: AccountActionsProps) {
  const refresh = useRefreshAccount();
  const remove = useRemoveAccount();
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const name = `${networkLabel(account.network)} ${accountName(account)}`;

  const readFollowers = () => refresh.mutate(account.id, { onSuccess: (read) => toast(`${name}: ${followersText(read.followers)}.`) });
  const confirmRemove = () => remove.mutate(account.id, {
    onSuccess: () => {
      setConfirming(false);
      toast(account.connected ? `${name} disconnected.` : `${name} removed.`);
    },
  });

  return (
    <div className="account-actions" role="group" aria-label={`Actions for ${name}`}>
      <div className="account-actions__buttons">
        {account.connected ? (
          <>
            <Button onClick={readFollowers} busy={refresh.isPending}>Refresh</Button>
            <Button onClick={() => onConnectAgain(account)}>Connect again</Button>
          </>
        ) : <Button onClick={() => onChange(account)}>Change</Button>}
        <Button variant="danger" onClick={() => setConfirming(true)}>{account.connected ? 'Disconnect' : 'Remove'}</Button>
      </div>
      <AccountProblem error={refresh.error} network={account.network} />
      <ConfirmDialog open={confirming} title={account.connected ? `Disconnect ${name}?` : `Remove ${name}?`} confirmLabel={account.connected ? 'Disconnect' : 'Remove account'}
        onConfirm={confirmRemove} onClose={() => { remove.reset(); setConfirming(false); }} busy={remove.isPending} error={remove.error}>
        {account.connected
          ? <p>Herd deletes the {account.network === 'mastodon' ? 'access token' : 'app password'} it keeps and stops publishing through this account.</p>
          : <p>Your shares on {networkLabel(account.network)} stop counting its followers as reach.</p>}
        <p>Shares scheduled to go out through it are cancelled{account.connected ? ', and one being published now fails' : ''}. Shares that went out keep their reach.</p>
      </ConfirmDialog>
    </div>
  );
}
