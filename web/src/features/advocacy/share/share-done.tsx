// After sharing: the text to copy and the network's compose page to post it on (opened
// already; the buttons are there when the browser blocked it or the tab was closed),
// the share's own short link, or, for a scheduled share, when it will be ready. A share
// Herd publishes through a connected account is followed by SharePublishing instead.
import { useId } from 'react';
import { Link } from 'react-router';
import { Button, buttonClass } from '../../../ui/button.tsx';
import { copyText } from '../../../ui/copy-text.ts';
import { DateTime } from '../../../ui/date-time.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { networkLabel, type Share } from '../types.ts';
import { followersText } from '../accounts/account-names.ts';
import { openIntent } from './open-intent.ts';
import { SharePublishing } from './share-publishing.tsx';

export function ShareDone({ share, onShareAgain }: { share: Share; onShareAgain: () => void }) {
  if (share.publishedVia === 'account') return <SharePublishing share={share} onShareAgain={onShareAgain} />;
  return <ShareToPost share={share} onShareAgain={onShareAgain} />;
}

function ShareToPost({ share, onShareAgain }: { share: Share; onShareAgain: () => void }) {
  const toast = useToast();
  const titleId = useId();
  const where = networkLabel(share.network);
  const copy = async () => toast((await copyText(share.text)) ? 'Copied.' : 'Could not copy: select the text and copy it.');
  return (
    <section className="share-done" aria-labelledby={titleId} data-testid="share-done">
      <h2 id={titleId}>{share.status === 'scheduled' ? 'Scheduled' : `Now post it on ${where}`}</h2>
      {share.status === 'scheduled' ? (
        <p data-testid="share-scheduled">
          Scheduled for <DateTime value={share.scheduledFor} />. It is checked again then, and waits in My shares for you to post it on {where}.
        </p>
      ) : (
        <p>Your text is ready and {where} opens in a new tab{share.network === 'email' ? ' (your mail program)' : ''}: paste the text there if it is not filled in, and post it.</p>
      )}
      <TextAreaField label="Text to post" readOnly rows={5} value={share.text} data-testid="share-text" />
      <p>Your link: <a href={share.shortUrl} target="_blank" rel="noopener noreferrer" data-testid="share-short-link">{share.shortUrl}</a></p>
      {share.reach > 0 && <p data-testid="share-done-reach">Reach: {followersText(share.reach)}.</p>}
      {share.status === 'opened' && <p className="muted">Once it is posted, say so in My shares (“I posted it”), with the post’s address if you have it.</p>}
      <div className="form__actions">
        <Button variant="primary" onClick={() => void copy()}>Copy text</Button>
        {share.status === 'opened' && share.intentUrl && <Button onClick={() => openIntent(share.intentUrl!)}>Open {where}</Button>}
        <Link className={buttonClass('quiet')} to="/advocacy/shares">My shares</Link>
        <Button variant="quiet" onClick={onShareAgain}>Share on another network</Button>
      </div>
    </section>
  );
}
