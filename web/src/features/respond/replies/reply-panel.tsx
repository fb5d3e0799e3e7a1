// The replies of a conversation and the composer, shown inside the inbox's
// conversation view (web/src/app hands it over). Replies refresh live with the
// conversation. A person with a reply on its way sees its status instead of a new
// composer (the server takes one at a time); a reply sent back to its author opens
// in the composer to revise.
import { useState } from 'react';
import { useSessionPersonId } from '../../../api/session-roles.ts';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useConversationReplies } from '../api/list-conversation-replies.ts';
import { ReplyComposer } from '../composer/reply-composer.tsx';
import { openReplyStatuses, replyStatusLabels, type ConversationPost, type Reply, type ReplyStatus } from '../types.ts';
import { ReplyCard } from './reply-card.tsx';

interface ReplyPanelProps {
  conversationId: string;
  /** The person may work on the conversation (and so write replies). */
  canWork: boolean;
  posts: readonly ConversationPost[];
}

const sentMessages: Partial<Record<ReplyStatus, string>> = {
  pending_approval: 'Sent for approval; you will hear when it is decided.',
  approved: 'Reply sent: it is being published.',
  awaiting_manual: 'Reply checked: copy it and post it yourself, then confirm.',
};

export function ReplyPanel({ conversationId, canWork, posts }: ReplyPanelProps) {
  const replies = useConversationReplies(conversationId);
  const me = useSessionPersonId();
  const toast = useToast();
  const [revisingId, setRevisingId] = useState<string | null>(null);

  const items = replies.data ?? [];
  const revising = items.find((reply) => reply.id === revisingId && reply.authorId === me);
  const myOpenReply = items.find((reply) => reply.authorId === me && openReplyStatuses.includes(reply.status));
  const postUrlOf = (reply: Reply) => posts.find((post) => post.id === reply.inReplyToMentionId)?.url ?? null;
  const sent = (reply: Reply) => {
    setRevisingId(null);
    toast(sentMessages[reply.status] ?? `Reply ${replyStatusLabels[reply.status].toLowerCase()}.`);
  };

  return (
    <section className="conversation__section reply-panel" aria-labelledby="replies-heading">
      <h3 id="replies-heading">Replies</h3>
      {replies.isPending ? <Loading label="Loading the replies…" />
        : !replies.data ? <ErrorState error={replies.error} onRetry={() => void replies.refetch()} />
        : items.length === 0 ? <p className="muted">No replies yet.</p>
        : (
          <ol className="plain-list reply-list" aria-busy={replies.isFetching || undefined}>
            {items.map((reply) => (
              <li key={reply.id}>
                <ReplyCard reply={reply} mine={reply.authorId === me} postUrl={postUrlOf(reply)}
                  onRevise={(chosen) => setRevisingId(chosen.id)} revising={reply.id === revising?.id} />
              </li>
            ))}
          </ol>
        )}
      {canWork && (
        <div className="reply-panel__composer">
          <h3 id="composer-heading">{revising ? 'Revise your reply' : 'Write a reply'}</h3>
          {revising ? (
            <ReplyComposer key={`revise-${revising.id}`} conversationId={conversationId} revising={revising} onSent={sent} onCancel={() => setRevisingId(null)} />
          ) : myOpenReply ? (
            <p className="reply-panel__on-its-way" role="status">
              Your reply is on its way: <strong>{replyStatusLabels[myOpenReply.status]}</strong>. You can write another once it is out.
            </p>
          ) : replies.data ? (
            <ReplyComposer key="new" conversationId={conversationId} onSent={sent} />
          ) : null}
        </div>
      )}
    </section>
  );
}
