// One reply waiting for a decision: what the customer wrote, the reply with its
// findings marked, why it needs approval, and the decisions. Selecting words of the
// reply points the "request changes" comment at them.
import { useRef, useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useReviewReply } from '../api/review-reply.ts';
import { FindingsList } from '../../../ui/findings-list.tsx';
import { findingHighlights, HighlightedText, selectedSpanWithin } from '../../../ui/highlighted-text.tsx';
import { networkName, type Reply, type Span } from '../types.ts';
import { CustomerPost } from './customer-post.tsx';
import { ReviewForm } from './review-form.tsx';

type Deciding = 'changes_requested' | 'rejected';

const decidedMessage = (decided: Reply) => {
  switch (decided.status) {
    case 'expired': return `Not approved: ${decided.lastError ?? 'the conversation changed'}. The author was asked to look again.`;
    case 'awaiting_manual': return 'Approved: the author will post it by hand.';
    case 'changes_requested': return 'Changes requested.';
    case 'rejected': return 'Rejected.';
    default: return 'Approved: it is being published.';
  }
};

export function ApprovalCard({ reply }: { reply: Reply }) {
  const approve = useReviewReply(reply.id, reply.conversationId);
  const toast = useToast();
  const textRef = useRef<HTMLParagraphElement>(null);
  const [selected, setSelected] = useState<Span | null>(null);
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const noteSelection = () => {
    if (textRef.current) setSelected(selectedSpanWithin(textRef.current));
  };
  const decided = (decision: Reply) => {
    setDeciding(null);
    toast(decidedMessage(decision));
  };
  const highlights = findingHighlights(reply.findings);

  return (
    <article className="approval-card" aria-label={`Reply by ${reply.authorName}`}>
      <header className="approval-card__header">
        <p><strong>{reply.authorName}</strong> <span className="muted small">· <DateTime value={reply.createdAt} /> · for {networkName(reply.network)}</span></p>
      </header>
      <CustomerPost conversationId={reply.conversationId} answeredPostId={reply.inReplyToMentionId} />
      <h3 className="approval-card__label">The reply</h3>
      <p ref={textRef} className="approval-card__text" data-testid="approval-text" onMouseUp={noteSelection} onKeyUp={noteSelection}>
        <HighlightedText text={reply.text} highlights={selected ? [...highlights, { span: selected, tone: 'comment' }] : highlights} />
      </p>
      <p className="muted small">
        {selected ? <>Selected: <q>{reply.text.slice(selected.start, selected.end)}</q> <Button variant="quiet" onClick={() => setSelected(null)}>Clear</Button></>
          : 'Select words of the reply to comment on them.'}
      </p>
      {reply.riskReasons.length > 0 && (
        <div className="approval-card__reasons">
          <p className="small"><strong>Needs approval because:</strong></p>
          <ul className="small">{reply.riskReasons.map((reason) => <li key={reason}>{reason}</li>)}</ul>
        </div>
      )}
      <FindingsList findings={reply.findings} />
      {approve.error && <ErrorState error={approve.error} />}
      <div className="form__actions approval-card__actions">
        <Button variant="primary" busy={approve.isPending} onClick={() => approve.mutate({ decision: 'approved' }, { onSuccess: decided })}>Approve</Button>
        <Button onClick={() => setDeciding('changes_requested')}>Request changes</Button>
        <Button variant="danger" onClick={() => setDeciding('rejected')}>Reject</Button>
      </div>
      <Dialog open={deciding !== null} onClose={() => setDeciding(null)} title={deciding === 'rejected' ? 'Reject the reply' : 'Request changes'}>
        {deciding && <ReviewForm reply={reply} decision={deciding} initialSpan={selected} onDone={decided} onCancel={() => setDeciding(null)} />}
      </Dialog>
    </article>
  );
}
