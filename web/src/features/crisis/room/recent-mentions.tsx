// The latest mentions on the crisis's topics, newest first, each with its author,
// sentiment and links to its conversation in the inbox and to the original post.
import { Link } from 'react-router';
import { DateTime } from '../../../ui/date-time.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { LoadMore } from '../../../ui/load-more.tsx';
import { useCrisisMentions } from '../api/list-crisis-mentions.ts';
import type { CrisisMention } from '../types.ts';

const followers = new Intl.NumberFormat(undefined, { notation: 'compact' });

function MentionItem({ mention }: { mention: CrisisMention }) {
  const author = mention.authorName ?? mention.authorHandle ?? 'Unknown author';
  return (
    <li className="crisis-mention" data-sentiment={mention.sentiment ?? undefined}>
      <p className="crisis-mention__meta">
        <strong>{author}</strong>
        {mention.authorFollowers !== null && <span className="muted"> · {followers.format(mention.authorFollowers)} followers</span>}
        <span className="muted"> · {mention.sourceName}</span>
        {' · '}<span className="muted small"><DateTime value={mention.postedAt} /></span>
        {mention.sentiment && <> <span className={`badge badge--sentiment-${mention.sentiment}`}>{mention.sentiment}</span></>}
      </p>
      <p className="crisis-mention__text">{mention.title && <strong>{mention.title} </strong>}{mention.text}</p>
      <p className="crisis-mention__links small">
        <Link to={`/inbox/${mention.conversationId}`}>Open the conversation</Link>
        {mention.url && <a href={mention.url} target="_blank" rel="noreferrer noopener">Original<span className="visually-hidden"> (opens in a new tab)</span></a>}
      </p>
    </li>
  );
}

export function RecentMentions({ crisisId }: { crisisId: string }) {
  const mentions = useCrisisMentions(crisisId);
  const items = mentions.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {mentions.isPending ? <Loading label="Loading the mentions…" />
        : !mentions.data ? <ErrorState error={mentions.error} onRetry={() => void mentions.refetch()} />
        : items.length === 0 ? <p className="muted">No mentions on these topics yet.</p>
        : <ol className="plain-list crisis-mentions" aria-label="Recent mentions" aria-busy={mentions.isFetching || undefined}>{items.map((mention) => <MentionItem key={mention.id} mention={mention} />)}</ol>}
      <LoadMore query={mentions} />
    </>
  );
}
