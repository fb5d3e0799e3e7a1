// The composer: the person writes in their own words; as they type (after a 250 ms
// pause) the draft is checked and the findings are marked in the text and listed with
// their fixes, the length is counted against the network's limit, and it says whether
// the reply will wait for approval and how it will reach the network. Saved replies
// are starting points inserted to edit. Sending is refused while anything blocks it.
import { useId, useRef, useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useReplyCheck } from '../api/check-reply.ts';
import { useReviseReply } from '../api/revise-reply.ts';
import { useSendReply } from '../api/send-reply.ts';
import { FindingsList } from '../../../ui/findings-list.tsx';
import { findingHighlights } from '../../../ui/highlighted-text.tsx';
import type { Finding, LibraryEntry, Reply } from '../types.ts';
import { insertAt, placeCaret, withFixApplied } from '../../../ui/edit-text.ts';
import { HighlightedTextarea } from '../../../ui/highlighted-textarea.tsx';
import { JudgementSummary, ReplyPermission } from './judgement-summary.tsx';
import { MeasureLine } from './measure-line.tsx';
import { SendProblem } from './send-problem.tsx';
import { StartFromPicker } from './start-from-picker.tsx';

interface ReplyComposerProps {
  conversationId: string;
  /** The reply being revised; without one, a new reply to the conversation's newest post. */
  revising?: Reply;
  onSent: (reply: Reply) => void;
  onCancel?: () => void;
}

export function ReplyComposer({ conversationId, revising, onSent, onCancel }: ReplyComposerProps) {
  const [text, setText] = useState(revising?.text ?? '');
  const [startedFrom, setStartedFrom] = useState<string | undefined>(undefined);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const check = useReplyCheck(conversationId, text, revising?.inReplyToMentionId);
  const send = useSendReply(conversationId);
  const revise = useReviseReply(conversationId);
  const submission = revising ? revise : send;

  const judgement = check.data?.judgement;
  const checking = !check.current || check.isFetching;
  const highlights = check.current && judgement ? findingHighlights(judgement.findings) : [];
  const sendable = text.trim() !== '' && check.current && judgement !== undefined && !judgement.blocked && judgement.permission.allowed;

  const moveCaret = (caret: number) => placeCaret(textareaRef, caret);
  const applyFinding = (finding: Finding) => {
    const fixed = withFixApplied(text, finding);
    setText(fixed.text);
    moveCaret(fixed.caret);
  };
  const startFrom = (entry: LibraryEntry) => {
    const textarea = textareaRef.current;
    const selection = textarea ? { start: textarea.selectionStart, end: textarea.selectionEnd } : { start: text.length, end: text.length };
    const inserted = insertAt(text, selection, entry.text);
    setText(inserted.text);
    setStartedFrom(entry.id);
    moveCaret(inserted.caret);
  };
  const submit = () => {
    if (!sendable) return;
    if (revising) {
      revise.mutate({ replyId: revising.id, text }, { onSuccess: (submitted) => onSent(submitted.reply) });
    } else {
      send.mutate({ text, ...(startedFrom && { startedFrom }) }, {
        onSuccess: (submitted) => {
          setText('');
          setStartedFrom(undefined);
          onSent(submitted.reply);
        },
      });
    }
  };

  const blockers = judgement?.findings.filter((finding) => finding.severity === 'block').length ?? 0;
  return (
    <form className="composer" aria-label={revising ? 'Revise your reply' : 'Write a reply'} aria-busy={checking || undefined}
      onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <StartFromPicker onPick={startFrom} />
      <div className="field">
        <label className="field__label" htmlFor={id}>{revising ? 'Your revised reply' : 'Your reply'}</label>
        <HighlightedTextarea id={id} textareaRef={textareaRef} value={text} onChange={setText} highlights={highlights} rows={6}
          aria-describedby={`${id}-hint`} placeholder="Write in your own words…" />
        <p id={`${id}-hint`} className="field__hint">Checked against the social-media policy and the network’s limits as you type.</p>
      </div>

      {/* An empty draft has nothing to judge (its findings, a missing disclosure, would only nag); who may reply is said at once. */}
      {text.trim() === '' ? judgement && <ReplyPermission judgement={judgement} />
        : check.isPending ? <Loading label="Checking…" />
        : !judgement ? <ErrorState error={check.error} onRetry={() => void check.refetch()} />
        : (
          <div className="composer__judgement">
            <MeasureLine measure={judgement.measure} checking={checking} />
            <p className="composer__status" role="status">
              {checking ? 'Checking…'
                : blockers > 0 ? `${blockers} ${blockers === 1 ? 'finding blocks' : 'findings block'} sending.`
                : judgement.findings.length > 0 ? `${judgement.findings.length} ${judgement.findings.length === 1 ? 'thing' : 'things'} to check.`
                : 'Nothing found against the policy.'}
            </p>
            <FindingsList findings={judgement.findings} onApplyFix={applyFinding} canApply={check.current} />
            <JudgementSummary judgement={judgement} />
            {check.isError && <ErrorState error={check.error} onRetry={() => void check.refetch()} />}
          </div>
        )}

      {submission.error && <SendProblem error={submission.error} />}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={submission.isPending} disabled={!sendable}>
          {revising ? 'Send revised reply' : 'Send reply'}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
