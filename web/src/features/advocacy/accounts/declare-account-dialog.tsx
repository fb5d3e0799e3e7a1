// Declaring an account on a network Herd does not publish to (LinkedIn, X, Facebook,
// e-mail): its handle and how many follow it, the person's own word, so their shares
// there count that reach. The same dialog changes a declared account's handle and
// followers when they grow.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { Form } from '../../../ui/form.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAddAccount } from '../api/add-account.ts';
import { useUpdateAccount } from '../api/update-account.ts';
import { declaredNetworks, networkLabel, type Account, type DeclaredNetwork } from '../types.ts';
import { AccountProblem, validationOnly } from './account-problem.tsx';
import { accountName, followersText } from './account-names.ts';

const words: Record<DeclaredNetwork, { handle: string; placeholder: string; followers: string }> = {
  linkedin: { handle: 'Your name or profile address on LinkedIn', placeholder: 'linkedin.com/in/your-name', followers: 'Followers and connections' },
  x: { handle: 'Your handle on X', placeholder: '@your_name', followers: 'Followers' },
  facebook: { handle: 'Your name or profile address on Facebook', placeholder: 'facebook.com/your.name', followers: 'Friends and followers' },
  email: { handle: 'Your e-mail address', placeholder: 'you@example.com', followers: 'People you send stories to' },
};

interface DeclareFormProps {
  /** The account to change; without one, a new account. */
  account?: Account;
  onDone: (account: Account) => void;
  onCancel: () => void;
}

function DeclareForm({ account, onDone, onCancel }: DeclareFormProps) {
  const add = useAddAccount();
  const update = useUpdateAccount();
  const [network, setNetwork] = useState<DeclaredNetwork>((account?.network as DeclaredNetwork | undefined) ?? 'linkedin');
  const [handle, setHandle] = useState(account?.handle ?? '');
  const [followers, setFollowers] = useState(account ? String(account.followers) : '');
  const error = account ? update.error : add.error;
  const said = words[network];

  const submit = () => {
    const fields = { handle: handle.trim(), followers: Number(followers) };
    if (account) update.mutate({ accountId: account.id, patch: fields }, { onSuccess: onDone });
    else add.mutate({ network, ...fields }, { onSuccess: onDone });
  };

  return (
    <Form className="declare-account-form" onSubmit={submit} error={validationOnly(error)}>
      {!account && (
        <SelectField label="Network" field="network" value={network} data-autofocus onChange={(event) => setNetwork(event.target.value as DeclaredNetwork)}
          options={declaredNetworks.map((value) => ({ value, label: networkLabel(value) }))} />
      )}
      <TextField label={said.handle} field="handle" value={handle} placeholder={said.placeholder} required maxLength={253}
        autoComplete="off" spellCheck={false} onChange={(event) => setHandle(event.target.value)} />
      <TextField label={said.followers} field="followers" type="number" inputMode="numeric" min={0} max={2_000_000_000} step={1} required
        value={followers} onChange={(event) => setFollowers(event.target.value)}
        hint="About how many see what you post there: your shares on it count this as their reach. Change it when it grows." />
      <AccountProblem error={error} network={network} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={add.isPending || update.isPending}>{account ? 'Save account' : 'Add account'}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}

/** `account`: the declared account to change; `undefined` with `open`: a new one. */
export function DeclareAccountDialog({ open, account, onClose }: { open: boolean; account?: Account; onClose: () => void }) {
  const toast = useToast();
  return (
    <Dialog open={open} onClose={onClose} title={account ? `Change ${networkLabel(account.network)} ${accountName(account)}` : 'Add an account you post on'}>
      <DeclareForm key={account?.id ?? 'new'} account={account} onCancel={onClose}
        onDone={(saved) => {
          toast(`${networkLabel(saved.network)} ${accountName(saved)} saved: ${followersText(saved.followers)}.`);
          onClose();
        }} />
    </Dialog>
  );
}
