// One reply in a conversation: who wrote it, its status, its text with the findings it
// was sent with, why it needed approval, the reviews, publishing trouble and the next
// attempt, and what its author can do now (post it by hand, or revise it).
import { DateTime } from '../../../ui/date-time.tsx';
import { Button } from '../../../ui/button.tsx';
import { FindingsList } from '../../../ui/findings-list.tsx';
import { findingHighlights, HighlightedText } from '../../../ui/highlighted-text.tsx';
import { replyStatusLabels, revisableReplyStatuses, type Reply } from '../types.ts';
import { ReviewList } from './review-list.tsx';
import { SentByHand } from './sent-by-hand.tsx';

interface ReplyCardProps {
  reply: Reply;
  /** The signed-in person wrote it: they may post it by hand and revise it. */
  mine: boolean;
  postUrl: string | null;
  onRevise: (reply: Reply) => void;
  /** This reply is open in the composer for revising. */
  revising: boolean;
}

export function ReplyStatusBadge({ reply }: { reply: Reply }) {
  return <span className={`badge badge--reply-${reply.status}`} data-testid="reply-status" data-status={reply.status}>{replyStatusLabels[reply.status]}</span>;
}

function PublishingTrouble({ reply }: { reply: Reply }) {
  if (!reply.lastError && !reply.nextAttemptAt) return null;
  return (
    <div className="reply-card__trouble">
      {reply.lastError && <p><strong>{reply.status === 'expired' ? 'Why:' : 'Last error:'}</strong> {reply.lastError}</p>}
      {reply.nextAttemptAt && (
        <p>Next attempt <DateTime value={reply.nextAttemptAt} />{reply.publishAttempts > 0 && <> (after {reply.publishAttempts} {reply.publishAttempts === 1 ? 'attempt' : 'attempts'})</>}.</p>
      )}
    </div>
  );
}

export function ReplyCard({ reply, mine, postUrl, onRevise, revising }: ReplyCardProps) {
  const canRevise = mine && revisableReplyStatuses.includes(reply.status);
  return (
    <article className="reply-card" data-status={reply.status} aria-label={`Reply by ${reply.authorName}`}>
      <header className="reply-card__header">
        <p className="reply-card__author"><strong>{mine ? 'You' : reply.authorName}</strong> · <span className="muted small"><DateTime value={reply.createdAt} /></span></p>
        <p className="reply-card__badges">
          <ReplyStatusBadge reply={reply} />
          {reply.riskTier === 'high' && <span className="badge badge--risk-high">Needed approval</span>}
        </p>
      </header>
      <p className="reply-card__text"><HighlightedText text={reply.text} highlights={findingHighlights(reply.findings)} /></p>
      {reply.riskTier === 'high' && reply.riskReasons.length > 0 && (
        <p className="muted small">Why approval: {reply.riskReasons.join('; ')}.</p>
      )}
      {reply.findings.length > 0 && (
        <details className="reply-card__findings">
          <summary>{reply.findings.length} {reply.findings.length === 1 ? 'finding' : 'findings'} when sent (policy version {reply.policyVersion})</summary>
          <FindingsList findings={reply.findings} />
        </details>
      )}
      {reply.approvedByName && <p className="small">Approved by {reply.approvedByName}{reply.approvedAt && <> · <DateTime value={reply.approvedAt} /></>}</p>}
      {reply.status === 'published' && (
        <p className="small">
          Published <DateTime value={reply.publishedAt} />
          {reply.publishedUrl && <> · <a href={reply.publishedUrl} target="_blank" rel="noreferrer noopener">Open the post<span className="visually-hidden"> (opens in a new tab)</span></a></>}
        </p>
      )}
      <PublishingTrouble reply={reply} />
      <ReviewList reviews={reply.reviews} />
      {mine && reply.status === 'awaiting_manual' && <SentByHand reply={reply} postUrl={postUrl} />}
      {canRevise && !revising && (
        <div className="form__actions">
          <Button variant="primary" onClick={() => onRevise(reply)}>Revise</Button>
        </div>
      )}
    </article>
  );
}
