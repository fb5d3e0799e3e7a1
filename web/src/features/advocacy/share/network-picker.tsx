// Where to share: the networks as radio buttons (arrow keys move between them), what
// the composer adds about the network (the account to share through), and for Mastodon
// without an account the person's own server, whose compose page the share opens.
import type { ReactNode } from 'react';
import { TextField } from '../../../ui/field.tsx';
import { shareNetworkLabels, shareNetworks, type ShareNetwork } from '../types.ts';

interface NetworkPickerProps {
  network: ShareNetwork;
  onNetworkChange: (network: ShareNetwork) => void;
  mastodonInstance: string;
  onMastodonInstanceChange: (instance: string) => void;
  /** No connected account publishes it: the compose page of the person's server opens. */
  askMastodonInstance: boolean;
  /** Shown under the networks (the account picker). */
  children?: ReactNode;
}

export function NetworkPicker({ network, onNetworkChange, mastodonInstance, onMastodonInstanceChange, askMastodonInstance, children }: NetworkPickerProps) {
  return (
    <>
      <fieldset className="network-picker">
        <legend>Share on</legend>
        {shareNetworks.map((value) => (
          <label key={value} className="network-picker__option">
            <input type="radio" name="network" value={value} checked={network === value} onChange={() => onNetworkChange(value)} />
            {shareNetworkLabels[value]}
          </label>
        ))}
      </fieldset>
      {children}
      {network === 'mastodon' && askMastodonInstance && (
        <TextField label="Your Mastodon server" field="mastodonInstance" value={mastodonInstance} placeholder="mastodon.social"
          autoComplete="off" spellCheck={false} required onChange={(event) => onMastodonInstanceChange(event.target.value.trim())}
          hint="The server your account lives on, e.g. mastodon.social; the share opens its compose page." />
      )}
    </>
  );
}
