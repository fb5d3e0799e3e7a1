// "My shares": every share the person made, newest first, with its network and how it
// went out (through a connected account, or posted by the person through the compose
// page), its status (why it failed), the post once published, its reach, its own short
// link (clicks on it count for the share), the text and, for a scheduled one, when it
// goes out; ready ones can be copied and opened again, and confirmed: "I posted it".
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, buttonClass } from '../../../ui/button.tsx';
import { copyText } from '../../../ui/copy-text.ts';
import { DateTime } from '../../../ui/date-time.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PagedTable } from '../../../ui/paged-table.tsx';
import type { Column } from '../../../ui/table.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { accountName, followersText } from '../accounts/account-names.ts';
import { useMyAccounts } from '../api/list-accounts.ts';
import { useMyShares } from '../api/list-my-shares.ts';
import { openIntent } from '../share/open-intent.ts';
import { networkLabel, shareStatusLabels, type Account, type Share } from '../types.ts';
import { ConfirmShareDialog } from './confirm-share-dialog.tsx';

function ShareActions({ share }: { share: Share }) {
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const intent = share.publishedVia === 'intent';
  /** Confirmed as posted without the post's address: it can be added later. */
  const addsAddress = intent && share.status === 'published' && !share.publishedUrl;
  const copy = async () => toast((await copyText(share.text)) ? 'Copied.' : 'Could not copy: select the text and copy it.');
  return (
    <div className="share-row__actions">
      <Button onClick={() => void copy()} aria-label={`Copy the text of your share of “${share.storyTitle}”`}>Copy</Button>
      {share.status === 'opened' && share.intentUrl && (
        <Button onClick={() => openIntent(share.intentUrl!)} aria-label={`Open ${networkLabel(share.network)} to post your share of “${share.storyTitle}”`}>
          Open {networkLabel(share.network)}
        </Button>
      )}
      {intent && share.status === 'opened' && (
        <Button variant="primary" onClick={() => setConfirming(true)} aria-label={`I posted it: “${share.storyTitle}”`}>I posted it</Button>
      )}
      {addsAddress && <Button onClick={() => setConfirming(true)} aria-label={`Add the post’s address: “${share.storyTitle}”`}>Add the post’s address</Button>}
      {/* Kept while open: confirming changes the row under it. */}
      {(confirming || share.status === 'opened' || addsAddress) && <ConfirmShareDialog share={share} open={confirming} onClose={() => setConfirming(false)} />}
    </div>
  );
}

/** How it goes out: Herd publishes it through a connected account, or the person posts it (as a declared account, whose followers are its reach). */
function throughText(share: Share, accounts: Account[]): string {
  const account = accounts.find((one) => one.id === share.accountId);
  if (share.publishedVia === 'account') return `by Herd through ${account ? accountName(account) : 'your account'}`;
  return `${share.status === 'published' ? 'posted by you' : 'you post it'}${account ? ` as ${accountName(account)}` : ''}`;
}

function shareColumns(accounts: Account[]): Column<Share>[] {
  return [
    { header: 'Story', cell: (share) => <span className="share-row__story">{share.storyTitle}</span> },
    {
      header: 'Network',
      cell: (share) => (
        <>
          {networkLabel(share.network)}
          <p className="share-row__via" data-testid="share-via">{throughText(share, accounts)}</p>
        </>
      ),
    },
    {
      header: 'Status',
      cell: (share) => (
        <>
          <span className={`badge share-row__status badge--share-${share.status}`} data-testid="share-status">{shareStatusLabels[share.status]}</span>
          {share.publishedUrl && (
            <p className="share-row__post"><a href={share.publishedUrl} target="_blank" rel="noopener noreferrer" data-testid="share-published-link">See the post</a></p>
          )}
          {share.lastError && <p className="share-row__error" data-testid="share-error">{share.lastError}</p>}
        </>
      ),
    },
    { header: 'Reach', cell: (share) => <span className="share-row__reach" data-testid="share-reach">{share.reach > 0 ? followersText(share.reach) : '—'}</span> },
    { header: 'Short link', cell: (share) => <a href={share.shortUrl} target="_blank" rel="noopener noreferrer" data-testid="share-short-link">{share.shortUrl}</a> },
    { header: 'Text', cell: (share) => <p className="share-row__text">{share.text}</p> },
    {
      header: 'When',
      cell: (share) => (share.publishedAt ? <>Published <DateTime value={share.publishedAt} /></>
        : share.scheduledFor ? <>Scheduled for <DateTime value={share.scheduledFor} /></>
        : <DateTime value={share.createdAt} />),
    },
    { header: 'Actions', cell: (share) => <ShareActions share={share} /> },
  ];
}

export function MySharesPage() {
  const shares = useMyShares();
  const accounts = useMyAccounts();
  const columns = shareColumns(accounts.data ?? []);
  return (
    <>
      <PageHeader title="My shares" description="What you shared, where, and your own short link for each: the clicks it earns count for you." />
      <PagedTable query={shares} caption="My shares" columns={columns} rowKey={(share) => share.id}
        empty={(
          <EmptyState title="You have not shared a story yet." action={<Link className={buttonClass('primary')} to="/advocacy">See stories for you</Link>}>
            Pick a story, say in your own words why it matters, and share it on your networks.
          </EmptyState>
        )} />
    </>
  );
}
