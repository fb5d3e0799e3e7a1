// One mention: who wrote it where and when, what it says, which topics it matched, and
// whatever another section adds about it (`children`, e.g. triage's verdicts).
import type { ReactNode } from 'react';
import { DateTime } from '../../../ui/date-time.tsx';
import type { Mention, Topic } from '../types.ts';
import { AuthorHandle } from '../../../ui/author-handle.tsx';

const numberFormat = new Intl.NumberFormat(undefined, { notation: 'compact' });

interface MentionCardProps {
  mention: Mention;
  topicsById: Map<string, Topic>;
  children?: ReactNode;
}

export function MentionCard({ mention, topicsById, children }: MentionCardProps) {
  const author = mention.authorName ?? mention.authorHandle ?? 'Unknown author';
  return (
    <article className="mention" aria-label={`${author}, ${mention.sourceName}`}>
      <header className="mention__header">
        <p className="mention__author">
          {mention.authorProfileUrl
            ? <a href={mention.authorProfileUrl} target="_blank" rel="noreferrer noopener"><strong>{author}</strong></a>
            : <strong>{author}</strong>}
          {mention.authorHandle && mention.authorName && <AuthorHandle handle={mention.authorHandle} />}
          {mention.authorFollowers !== null && (
            <span className="muted"> · {numberFormat.format(mention.authorFollowers)} followers</span>
          )}
        </p>
        <p className="mention__meta muted">
          {mention.sourceName} <span className="badge">{mention.sourceKind}</span> · <DateTime value={mention.postedAt} />
          {mention.language && <> · <span lang="en">{mention.language.toUpperCase()}</span></>}
        </p>
      </header>
      {mention.title && <h2 className="mention__title">{mention.title}</h2>}
      <p className="mention__text" lang={mention.language ?? undefined}>{mention.text}</p>
      {children}
      <footer className="mention__footer">
        {mention.topicIds.length > 0 && (
          <ul className="chips" aria-label="Topics">
            {mention.topicIds.map((id) => <li key={id} className="chip">{topicsById.get(id)?.name ?? 'Deleted topic'}</li>)}
          </ul>
        )}
        {mention.url && (
          <a className="mention__link" href={mention.url} target="_blank" rel="noreferrer noopener">
            Open original{mention.site ? ` on ${mention.site}` : ''}<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        )}
      </footer>
    </article>
  );
}
