// My accounts: where the person shares, with their followers there (the reach of their
// shares). Accounts on LinkedIn, X, Facebook and e-mail are declared (the person says
// the handle and followers); Mastodon and Bluesky accounts are connected, and Herd
// publishes shares through them. Each shows when its followers were last read and
// what went wrong last; credentials are never shown.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { Table, type Column } from '../../../ui/table.tsx';
import { useMyAccounts } from '../api/list-accounts.ts';
import { networkLabel, type Account } from '../types.ts';
import { AccountActions } from './account-actions.tsx';
import { accountName, followersText } from './account-names.ts';
import './accounts.css';
import { ConnectAccountDialog, type Connecting } from './connect-account-dialog.tsx';
import { DeclareAccountDialog } from './declare-account-dialog.tsx';

/** `undefined`: no dialog; `null`: a new declared account; an account: changing it. */
type Declaring = Account | null | undefined;

function accountColumns(onChange: (account: Account) => void, onConnectAgain: (account: Account) => void): Column<Account>[] {
  return [
    {
      header: 'Account',
      cell: (account) => (
        <div className="account-row__name">
          <span className="account-row__network">{networkLabel(account.network)}</span>
          <strong data-testid="account-handle">{accountName(account)}</strong>
          {account.serverUrl && <span className="muted">on {account.serverUrl}</span>}
          {account.lastError && (
            <p className="account-row__error" data-testid="account-error"><span aria-hidden="true">⚠ </span><strong>Last problem:</strong> {account.lastError}</p>
          )}
        </div>
      ),
    },
    {
      header: 'Followers',
      cell: (account) => (
        <div className="account-row__followers">
          <span data-testid="account-followers">{followersText(account.followers)}</span>
          <span className="muted">{account.connected ? 'read ' : 'as you said, '}<DateTime value={account.followersCheckedAt} /></span>
        </div>
      ),
    },
    {
      header: 'Sharing',
      cell: (account) => (account.connected ? (
        <>
          <span className="badge badge--account-connected" data-testid="account-kind">Connected</span>
          <p className="account-row__note">Herd publishes your shares through it.</p>
        </>
      ) : (
        <>
          <span className="badge badge--account-declared" data-testid="account-kind">Declared</span>
          <p className="account-row__note">You post through the compose page; its followers count as reach.</p>
        </>
      )),
    },
    { header: 'Actions', cell: (account) => <AccountActions account={account} onChange={onChange} onConnectAgain={onConnectAgain} /> },
  ];
}

export function AccountsPage() {
  const accounts = useMyAccounts();
  const [declaring, setDeclaring] = useState<Declaring>(undefined);
  const [connecting, setConnecting] = useState<Connecting | null>(null);
  const addButtons = (
    <>
      <Button variant="primary" onClick={() => setConnecting({ network: 'mastodon' })}>Connect Mastodon</Button>
      <Button variant="primary" onClick={() => setConnecting({ network: 'bluesky' })}>Connect Bluesky</Button>
      <Button onClick={() => setDeclaring(null)}>Add LinkedIn, X, Facebook or e-mail</Button>
    </>
  );

  return (
    <>
      <PageHeader title="My accounts" actions={addButtons}
        description="Where you share. Herd publishes your shares through the Mastodon and Bluesky accounts you connect; for the others you post yourself, and the followers you give count as your shares’ reach." />
      {accounts.isPending ? <Loading label="Loading your accounts…" />
        : !accounts.data ? <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
        : accounts.data.length === 0 ? (
          <EmptyState title="No accounts yet." action={<div className="form__actions">{addButtons}</div>}>
            Connect your Mastodon or Bluesky account and Herd posts your shares for you; add the others so your shares count the people they reach.
          </EmptyState>
        ) : (
          <div aria-busy={accounts.isFetching || undefined}>
            <Table caption="My accounts" columns={accountColumns(setDeclaring, (account) => setConnecting({ network: account.network as Connecting['network'], account }))}
              rows={accounts.data} rowKey={(account) => account.id} />
          </div>
        )}
      <DeclareAccountDialog open={declaring !== undefined} account={declaring ?? undefined} onClose={() => setDeclaring(undefined)} />
      <ConnectAccountDialog connecting={connecting} onClose={() => setConnecting(null)} />
    </>
  );
}
