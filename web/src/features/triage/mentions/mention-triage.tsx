// What triage made of one mention, as chips beside it: language, sentiment, category,
// urgency, store, spam and near-copies. Each chip names its reasons on hover, and
// "Why?" lists them all for keyboard and touch. Until the worker has triaged the
// mention (a second or two after it was stored) a quiet "Triaging…" stands in.
import { Button } from '../../../ui/button.tsx';
import { useMentionTriage } from '../api/get-triage.ts';
import type { MentionTriage as Triage, Weighted } from '../types.ts';
import { useCanLabel } from '../use-triage-roles.ts';
import { ChangeCategory } from './change-category.tsx';

const percent = (value: number) => `${Math.round(value * 100)} %`;
const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;
const termsOf = (reasons: Weighted[], most = 3) => reasons.slice(0, most).map((reason) => reason.term);
const listOf = (items: string[]) => items.join(', ');

const sentimentLabels = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' } as const;
const deciderLabels = { model: 'by model', rule: 'by rule', person: 'by person' } as const;

interface MentionTriageProps {
  mentionId: string;
  /** The mentions shown with this one; their triage is fetched in the same request. */
  batch?: readonly string[];
}

export function MentionTriage({ mentionId, batch = [] }: MentionTriageProps) {
  const triage = useMentionTriage(mentionId, batch);
  const canLabel = useCanLabel();

  if (triage.isPending || triage.pending) return <p className="triage triage--quiet muted" role="status">Triaging…</p>;
  if (triage.isError) {
    return (
      <p className="triage triage--quiet muted">
        Triage could not be loaded. <Button variant="quiet" onClick={() => void triage.refetch()}>Try again</Button>
      </p>
    );
  }
  if (!triage.data) return <p className="triage triage--quiet muted">Not triaged yet.</p>;
  return <TriageChips triage={triage.data} canLabel={canLabel} />;
}

function TriageChips({ triage, canLabel }: { triage: Triage; canLabel: boolean }) {
  const { language, languageConfidence, sentiment, category, urgency, place, spam, duplicates } = triage;
  const unsureLanguage = languageConfidence < 0.5;
  const sentimentTerms = listOf(termsOf(sentiment.reasons, 5));

  return (
    <div className="triage">
      <ul className="chips" aria-label="Triage">
        {language && (
          <li className="chip chip--plain" title={`Language: ${language} (confidence ${percent(languageConfidence)})`}>
            <span className="visually-hidden">Language </span>{language.toUpperCase()}{unsureLanguage && <abbr title="not sure">?</abbr>}
          </li>
        )}
        <li className={`chip chip--${sentiment.label}`} data-chip="sentiment"
          title={sentimentTerms ? `Because of: ${sentimentTerms}` : 'No strong words either way'}>
          <span className="visually-hidden">Sentiment </span>{sentimentLabels[sentiment.label]} {signed(sentiment.score)}
        </li>
        {category && (
          <li className="chip" data-chip="category" title={`${category.name}, ${percent(category.confidence)} sure, decided ${deciderLabels[category.decidedBy]}`}>
            <span className="visually-hidden">Category </span><strong>{category.name}</strong> {percent(category.confidence)}
            {' · '}{deciderLabels[category.decidedBy]}
            {category.reasons.length > 0 && <> · <span className="chip__reasons">{listOf(termsOf(category.reasons))}</span></>}
          </li>
        )}
        <li className="chip chip--plain" data-chip="urgency" title={urgency.reasons.length > 0 ? listOf(urgency.reasons) : 'Nothing urgent found'}>
          Urgency {urgency.score}
          <span className="urgency-bar" aria-hidden="true"><span style={{ width: `${Math.min(100, Math.max(0, urgency.score))}%` }} /></span>
        </li>
        {place && (
          <li className="chip chip--plain" data-chip="place" title={`Found by “${place.matched}” (${percent(place.confidence)} sure)`}>
            <span className="visually-hidden">Store </span>{place.name} · “{place.matched}”
          </li>
        )}
        {spam.spam && (
          <li className="chip chip--warning" data-chip="spam" title={listOf(spam.reasons)}>Spam</li>
        )}
        {duplicates && duplicates.groupSize > 1 && (
          <li className="chip chip--plain" data-chip="duplicates">One of {duplicates.groupSize} near-copies</li>
        )}
      </ul>
      {canLabel && <ChangeCategory mentionId={triage.mentionId} currentId={category?.id ?? null} />}
      <details className="triage__why">
        <summary>Why?</summary>
        <dl>
          <div><dt>Sentiment</dt><dd>{sentimentTerms || 'No strong words either way'} (score {signed(sentiment.score)}, {percent(sentiment.confidence)} sure)</dd></div>
          {category && <div><dt>Category</dt><dd>{listOf(termsOf(category.reasons, 5)) || '—'} ({deciderLabels[category.decidedBy]})</dd></div>}
          <div><dt>Urgency</dt><dd>{urgency.reasons.length > 0 ? listOf(urgency.reasons) : 'Nothing urgent found'}</dd></div>
          {place && <div><dt>Store</dt><dd>{place.name}, because it says “{place.matched}”</dd></div>}
          {spam.spam && <div><dt>Spam</dt><dd>{listOf(spam.reasons)}</dd></div>}
        </dl>
      </details>
    </div>
  );
}
