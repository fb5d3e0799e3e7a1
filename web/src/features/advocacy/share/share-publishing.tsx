// After sharing through a connected account: Herd publishes it, and this panel follows
// it until it is out, with a link to the post, or says why it failed (and where to
// look: the account). A retry after a passing failure says so while it waits; a
// scheduled share says when it goes out through the account.
import { useId } from 'react';
import { Link } from 'react-router';
import { Button, buttonClass } from '../../../ui/button.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { accountName, followersText } from '../accounts/account-names.ts';
import { useMyAccounts } from '../api/list-accounts.ts';
import { useWatchedShare } from '../api/watch-share.ts';
import { networkLabel, type Share } from '../types.ts';

const headings: Partial<Record<Share['status'], (where: string) => string>> = {
  scheduled: () => 'Scheduled',
  publishing: (where) => `Publishing on ${where}…`,
  published: (where) => `Published on ${where}`,
  failed: () => 'Not published',
  cancelled: () => 'Cancelled',
};

function PublishState({ share, through }: { share: Share; through: string }) {
  switch (share.status) {
    case 'scheduled':
      return <p>Scheduled for <DateTime value={share.scheduledFor} />. It is checked again then, and Herd publishes it through {through}.</p>;
    case 'publishing':
      return (
        <>
          <p>Herd is publishing it through {through}; the result shows here in a moment.</p>
          {share.lastError && <p className="share-done__retrying" data-testid="share-retrying">{share.lastError}</p>}
        </>
      );
    case 'published':
      return (
        <p>
          Published through {through}, <DateTime value={share.publishedAt} />.{' '}
          {share.publishedUrl && <a href={share.publishedUrl} target="_blank" rel="noopener noreferrer" data-testid="share-published-link">See your post</a>}
        </p>
      );
    default:
      return (
        <>
          <p className="share-done__error" data-testid="share-error">{share.lastError ?? 'It could not be published.'}</p>
          <p>Check the account in <Link to="/advocacy/accounts">My accounts</Link>, then share again.</p>
        </>
      );
  }
}

export function SharePublishing({ share: made, onShareAgain }: { share: Share; onShareAgain: () => void }) {
  const share = useWatchedShare(made);
  const accounts = useMyAccounts();
  const titleId = useId();
  const where = networkLabel(share.network);
  const account = accounts.data?.find((one) => one.id === share.accountId);
  const through = account ? accountName(account) : `your ${where} account`;
  return (
    <section className="share-done" aria-labelledby={titleId} data-testid="share-done" data-status={share.status}>
      <h2 id={titleId}>{headings[share.status]?.(where) ?? where}</h2>
      <div role="status" data-testid="share-publish-state"><PublishState share={share} through={through} /></div>
      <p className="share-done__text">{share.text}</p>
      <p>Your link: <a href={share.shortUrl} target="_blank" rel="noopener noreferrer" data-testid="share-short-link">{share.shortUrl}</a></p>
      {share.reach > 0 && <p>Reach: {followersText(share.reach)}.</p>}
      <div className="form__actions">
        <Link className={buttonClass('quiet')} to="/advocacy/shares">My shares</Link>
        <Button variant="quiet" onClick={onShareAgain}>Share on another network</Button>
      </div>
    </section>
  );
}
