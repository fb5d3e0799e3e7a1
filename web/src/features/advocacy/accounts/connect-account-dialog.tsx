// Connecting a Mastodon or Bluesky account Herd publishes through, in a dialog: the
// server and an access token, or the handle and an app password, with how to make
// them; or connecting an account again with a new credential. The network checks the
// credential before anything is kept; credentials are typed into password fields and
// forgotten when the dialog closes.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAddAccount } from '../api/add-account.ts';
import { useUpdateAccount } from '../api/update-account.ts';
import { networkLabel, type Account, type AccountInput, type ConnectedNetwork } from '../types.ts';
import { AccountProblem, validationOnly } from './account-problem.tsx';
import { accountName, followersText } from './account-names.ts';
import { BlueskyAppPasswordHelp, MastodonTokenHelp } from './connect-help.tsx';

/** Which connection the dialog makes: a new account on a network, or an account of the person's again. */
export type Connecting = { network: ConnectedNetwork; account?: Account };

interface ConnectFormProps {
  connecting: Connecting;
  onDone: (account: Account) => void;
  onCancel: () => void;
}

function ConnectForm({ connecting: { network, account }, onDone, onCancel }: ConnectFormProps) {
  const add = useAddAccount();
  const update = useUpdateAccount();
  const [server, setServer] = useState('');
  const [handle, setHandle] = useState('');
  const [secret, setSecret] = useState('');
  const mastodon = network === 'mastodon';
  const credential = mastodon ? 'accessToken' : 'appPassword';
  const error = account ? update.error : add.error;

  const submit = () => {
    if (account) {
      update.mutate({ accountId: account.id, patch: { [credential]: secret } }, { onSuccess: onDone });
      return;
    }
    const input: AccountInput = mastodon
      ? { network, instanceUrl: server.trim(), accessToken: secret }
      : { network, handle: handle.trim(), appPassword: secret, ...(server.trim() && { pdsUrl: server.trim() }) };
    add.mutate(input, { onSuccess: onDone });
  };

  return (
    <Form className="connect-account-form" onSubmit={submit} error={validationOnly(error)}>
      {account && <p>Give Herd a new {mastodon ? 'access token' : 'app password'} for {accountName(account)}.</p>}
      {!account && mastodon && (
        <TextField label="Your Mastodon server" field="instanceUrl" value={server} placeholder="mastodon.social" required maxLength={2048}
          autoComplete="off" spellCheck={false} data-autofocus onChange={(event) => setServer(event.target.value)}
          hint="The server your account lives on, e.g. mastodon.social." />
      )}
      {!account && !mastodon && (
        <TextField label="Your Bluesky handle" field="handle" value={handle} placeholder="name.bsky.social" required maxLength={253}
          autoComplete="off" spellCheck={false} data-autofocus onChange={(event) => setHandle(event.target.value)} />
      )}
      <TextField label={mastodon ? 'Access token' : 'App password'} field={credential} type="password" value={secret} required maxLength={mastodon ? 500 : 100}
        autoComplete="off" spellCheck={false} {...(account && { 'data-autofocus': true })} onChange={(event) => setSecret(event.target.value)} />
      {!account && !mastodon && (
        <TextField label="Hosting server (optional)" field="pdsUrl" value={server} placeholder="https://bsky.social" maxLength={2048}
          autoComplete="off" spellCheck={false} onChange={(event) => setServer(event.target.value)}
          hint="Only if your account is not hosted by Bluesky itself." />
      )}
      {mastodon ? <MastodonTokenHelp /> : <BlueskyAppPasswordHelp />}
      <AccountProblem error={error} network={network} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={add.isPending || update.isPending}>{account ? 'Connect again' : 'Connect account'}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}

export function ConnectAccountDialog({ connecting, onClose }: { connecting: Connecting | null; onClose: () => void }) {
  const toast = useToast();
  const title = !connecting ? '' : connecting.account ? `Connect ${accountName(connecting.account)} again` : `Connect a ${networkLabel(connecting.network)} account`;
  return (
    <Dialog open={connecting !== null} onClose={onClose} title={title}>
      {connecting && (
        <ConnectForm connecting={connecting} onCancel={onClose}
          onDone={(account) => {
            toast(`Connected ${accountName(account)} (${followersText(account.followers)}): Herd can publish your shares through it.`);
            onClose();
          }} />
      )}
    </Dialog>
  );
}
