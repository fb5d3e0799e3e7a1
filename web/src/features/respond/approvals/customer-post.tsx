// What the customer wrote, for the approver to judge the reply against: the
// conversation's opening post, and the post the reply answers when that is a later one.
import { Link } from 'react-router';
import { DateTime } from '../../../ui/date-time.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useConversationForReview } from '../api/get-conversation.ts';
import type { ConversationPost } from '../types.ts';

function Post({ post, label }: { post: ConversationPost; label: string }) {
  return (
    <figure className="customer-post">
      <figcaption className="customer-post__caption">
        <span className="muted small">{label}</span>{' '}
        <strong>{post.authorName ?? post.authorHandle ?? 'Unknown author'}</strong>
        <span className="muted small"> · {post.sourceName} · <DateTime value={post.postedAt} /></span>
      </figcaption>
      <blockquote className="customer-post__text">{post.text}</blockquote>
    </figure>
  );
}

export function CustomerPost({ conversationId, answeredPostId }: { conversationId: string; answeredPostId: string }) {
  const conversation = useConversationForReview(conversationId);
  const link = <Link to={`/inbox/${encodeURIComponent(conversationId)}`}>Open the conversation</Link>;
  if (conversation.isPending) return <Loading label="Loading what the customer wrote…" />;
  if (!conversation.data) return <p className="muted small">The conversation could not be loaded ({conversation.error?.message}). {link}</p>;
  const [opening] = conversation.data.thread;
  const answered = conversation.data.thread.find((post) => post.id === answeredPostId);
  return (
    <div className="customer-posts">
      {opening ? <Post post={opening} label="Opened with" /> : <p className="muted">No posts in this conversation.</p>}
      {answered && answered.id !== opening?.id && <Post post={answered} label="Answers" />}
      <p className="small">{link}</p>
    </div>
  );
}
