// The posts of a conversation, oldest first, each with what triage made of it as
// chips, and the reasons behind each verdict under "Why?".
import { DateTime } from '../../../ui/date-time.tsx';
import type { ThreadMention, ThreadTriage, Weighted } from '../types.ts';
import { AuthorHandle } from '../../../ui/author-handle.tsx';

const compact = new Intl.NumberFormat(undefined, { notation: 'compact' });
const percent = (value: number) => `${Math.round(value * 100)} %`;
const termOf = (reason: Weighted | string) => (typeof reason === 'string' ? reason : reason.term);
const listOf = (reasons: (Weighted | string)[], most = 5) => reasons.slice(0, most).map(termOf).join(', ');
const sentimentLabels = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' } as const;

function TriageChips({ triage }: { triage: ThreadTriage }) {
  const { sentiment, category, urgency, place, spam, language } = triage;
  return (
    <div className="triage">
      <ul className="chips" aria-label="Triage">
        {language && <li className="chip chip--plain"><span className="visually-hidden">Language </span>{language.toUpperCase()}</li>}
        <li className={`chip chip--${sentiment.label}`} data-chip="sentiment" title={listOf(sentiment.reasons) || 'No strong words either way'}>
          <span className="visually-hidden">Sentiment </span>{sentimentLabels[sentiment.label] ?? sentiment.label} {sentiment.score.toFixed(2)}
        </li>
        {category && (
          <li className="chip" data-chip="category" title={`${category.name}, ${percent(category.confidence)} sure, by ${category.decidedBy}`}>
            <span className="visually-hidden">Category </span><strong>{category.name}</strong> {percent(category.confidence)} · by {category.decidedBy}
          </li>
        )}
        <li className="chip chip--plain" data-chip="urgency" title={urgency.reasons.join(', ') || 'Nothing urgent found'}>Urgency {urgency.score}</li>
        {place && <li className="chip chip--plain" data-chip="place"><span className="visually-hidden">Store </span>{place.name}</li>}
        {spam.spam && <li className="chip chip--warning" data-chip="spam" title={spam.reasons.join(', ')}>Spam</li>}
      </ul>
      <details className="triage__why">
        <summary>Why?</summary>
        <dl>
          <div><dt>Sentiment</dt><dd>{listOf(sentiment.reasons) || 'No strong words either way'}</dd></div>
          {category && <div><dt>Category</dt><dd>{listOf(category.reasons) || '—'} (by {category.decidedBy})</dd></div>}
          <div><dt>Urgency</dt><dd>{urgency.reasons.join(', ') || 'Nothing urgent found'}</dd></div>
          {place && <div><dt>Store</dt><dd>{place.name}</dd></div>}
          {spam.spam && <div><dt>Spam</dt><dd>{spam.reasons.join(', ')}</dd></div>}
        </dl>
      </details>
    </div>
  );
}

export function Thread({ thread }: { thread: ThreadMention[] }) {
  if (thread.length === 0) return <p className="muted">No posts in this conversation.</p>;
  return (
    <ol className="plain-list thread">
      {thread.map((mention) => {
        const author = mention.authorName ?? mention.authorHandle ?? 'Unknown author';
        return (
          <li key={mention.id}>
            <article className="mention thread__post" aria-label={`${author}, ${mention.sourceName}`}>
              <header className="mention__header">
                <p className="mention__author">
                  <strong>{author}</strong>
                  {mention.authorHandle && mention.authorName && <AuthorHandle handle={mention.authorHandle} />}
                  {mention.authorFollowers !== null && <span className="muted"> · {compact.format(mention.authorFollowers)} followers</span>}
                </p>
                <p className="mention__meta muted">
                  {mention.sourceName} <span className="badge">{mention.sourceKind}</span> · <DateTime value={mention.postedAt} />
                </p>
              </header>
              {mention.title && <h3 className="mention__title">{mention.title}</h3>}
              <p className="mention__text" lang={mention.language ?? undefined}>{mention.text}</p>
              {mention.triage ? <TriageChips triage={mention.triage} /> : <p className="muted small">Not triaged yet.</p>}
              {mention.url && (
                <a className="mention__link" href={mention.url} target="_blank" rel="noreferrer noopener">
                  Open original<span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
