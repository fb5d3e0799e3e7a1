// A secret the server shows only once (a new API token, a channel's signing secret):
// the notice to copy it now, a button that copies it, and Done to put it away.
import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { copyText } from './copy-text.ts';
import { useToast } from './toast.tsx';

interface ShownOnceSecretProps {
  /** What it is, in the buttons and messages: "token", "secret". */
  noun: string;
  /** The name screen readers (and tests) find it by. */
  label: string;
  secret: string;
  /** The first line, before "It will not be shown again." */
  heading: ReactNode;
  /** What to do with it, if anything needs saying. */
  children?: ReactNode;
  onDone: () => void;
}

export function ShownOnceSecret({ noun, label, secret, heading, children, onDone }: ShownOnceSecretProps) {
  const toast = useToast();
  const copy = async () => toast((await copyText(secret)) ? `${noun[0]!.toUpperCase()}${noun.slice(1)} copied.` : `Copying failed; select the ${noun} and copy it by hand.`);
  return (
    <div className="notice" role="status">
      <p><strong>{heading}</strong> It will not be shown again.</p>
      <p><code className="secret" aria-label={label}>{secret}</code></p>
      {children}
      <div className="form__actions">
        <Button variant="primary" onClick={() => void copy()}>Copy {noun}</Button>
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
