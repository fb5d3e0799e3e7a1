// One conversation: what it is and who has it, the actions, its SLA clocks, the posts
// with triage, the author, people and experts involved, notes and the full history.
import type { RefObject } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../ui/button.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useAcceptExpertRequest } from '../api/conversation-actions.ts';
import { useConversation } from '../api/get-conversation.ts';
import { useAllSpokes } from '../api/pickers.ts';
import { headlineOf } from '../inbox-row.tsx';
import { SlaClocks } from '../sla.tsx';
import { priorityLabels, statusLabels, type ConversationDetail, type ConversationExtra } from '../types.ts';
import { ConversationActions } from './conversation-actions.tsx';
import { NoteForm } from './note-form.tsx';
import { Thread } from './thread.tsx';
import { Timeline } from './timeline.tsx';
import { AuthorHandle } from '../../../ui/author-handle.tsx';

const compact = new Intl.NumberFormat(undefined, { notation: 'compact' });

interface ConversationViewProps {
  conversationId: string;
  backHref: string;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  now: number;
  /** What another section shows in the conversation (respond's replies and composer). */
  extra?: ConversationExtra;
}

export function ConversationView({ conversationId, backHref, noteRef, now, extra }: ConversationViewProps) {
  const detail = useConversation(conversationId);
  const back = <Link className="conversation__back" to={backHref}>← Back to the list</Link>;
  if (detail.isPending) return <>{back}<Loading label="Loading the conversation…" /></>;
  if (!detail.data) return <>{back}<ErrorState error={detail.error} onRetry={() => void detail.refetch()} /></>;
  return (
    <div aria-busy={detail.isFetching || undefined}>
      {back}
      <ConversationBody detail={detail.data} noteRef={noteRef} now={now} extra={extra} />
    </div>
  );
}

type ConversationBodyProps = Pick<ConversationViewProps, 'noteRef' | 'now' | 'extra'> & { detail: ConversationDetail };

function ConversationBody({ detail, noteRef, now, extra: Extra }: ConversationBodyProps) {
  const { conversation: c, thread, author, timeline, participants, expertRequests, canWork } = detail;
  const accept = useAcceptExpertRequest(c.conversationId);
  const names = new Map(participants.map((participant) => [participant.personId, participant.name]));
  for (const entry of timeline) {
    const verdicts = entry.details?.verdicts;
    if (Array.isArray(verdicts)) for (const v of verdicts as { personId?: string; name?: string }[]) if (v.personId && v.name) names.set(v.personId, v.name);
  }
  if (c.assigneeId && c.assigneeName) names.set(c.assigneeId, c.assigneeName);
  const nameOf = (id: string | null) => (id ? names.get(id) ?? null : null);
  const spokes = useAllSpokes();
  const spokeNameOf = (id: string | null) => (id ? spokes.data?.find((spoke) => spoke.id === id)?.name ?? (id === c.spokeId ? c.spokeName : null) : null);
  const snoozed = c.snoozedUntil && new Date(c.snoozedUntil).getTime() > now;

  return (
    <article className="conversation" aria-labelledby="conversation-title">
      <header className="conversation__header">
        <h2 id="conversation-title">{headlineOf(c)}</h2>
        <p className="conversation__badges">
          <span className={`badge badge--status-${c.status}`} data-testid="conversation-status">{statusLabels[c.status] ?? c.status}</span>
          <span className={`badge badge--priority-${c.priority}`}>{priorityLabels[c.priority] ?? c.priority}</span>
          {c.escalationLevel > 0 && <span className="badge badge--escalated">Escalated (level {c.escalationLevel})</span>}
          {snoozed && <span className="badge">Snoozed until <DateTime value={c.snoozedUntil} /></span>}
          {c.requireApproval && <span className="badge">Replies need approval</span>}
          {c.noReplyNeeded && <span className="badge">No reply needed</span>}
          {c.mergedInto && <span className="badge">Merged into <Link to={`/inbox/${encodeURIComponent(c.mergedInto)}`}>another conversation</Link></span>}
        </p>
        <dl className="conversation__owner">
          <div><dt>Spoke</dt><dd>{c.spokeName ?? 'None'}</dd></div>
          <div><dt>Assignee</dt><dd data-testid="conversation-assignee">{c.assigneeName ?? 'Nobody yet'}</dd></div>
          <div><dt>Last from the customer</dt><dd><DateTime value={c.lastCustomerAt} /></dd></div>
        </dl>
        {c.tags.length > 0 && <ul className="chips" aria-label="Tags">{c.tags.map((tag) => <li key={tag} className="chip chip--plain">{tag}</li>)}</ul>}
      </header>

      <ConversationActions conversation={c} canWork={canWork} />

      <section className="conversation__section" aria-labelledby="sla-heading">
        <h3 id="sla-heading">Response times</h3>
        {c.status === 'resolved' ? <p className="muted">Resolved; no clock is running.</p> : (
          <SlaClocks now={now} clocks={[
            { label: 'First response', dueAt: c.firstRespondedAt ? null : c.firstResponseDueAt },
            { label: 'Next response', dueAt: c.nextResponseDueAt },
            { label: 'Resolution', dueAt: c.resolutionDueAt },
          ]} />
        )}
      </section>

      <div className="conversation__columns">
        <section className="conversation__section conversation__thread" aria-labelledby="thread-heading">
          <h3 id="thread-heading">Posts</h3>
          <Thread thread={thread} />
        </section>
        <aside className="conversation__side">
          <section className="conversation__section author-card" aria-labelledby="author-heading">
            <h3 id="author-heading">Author</h3>
            {!author ? <p className="muted">Unknown author.</p> : (
              <dl>
                <div><dt>Name</dt><dd>{author.name ?? '—'}{author.handle && <AuthorHandle handle={author.handle} />}</dd></div>
                <div><dt>Reach</dt><dd>{author.followers === null ? 'Unknown' : `${compact.format(author.followers)} followers`}</dd></div>
                <div><dt>Posts seen</dt><dd>{author.history.mentions}</dd></div>
                <div><dt>Conversations</dt><dd>{author.history.conversations}</dd></div>
                <div><dt>First seen</dt><dd><DateTime value={author.history.firstSeenAt} /></dd></div>
              </dl>
            )}
          </section>
          <section className="conversation__section" aria-labelledby="people-heading">
            <h3 id="people-heading">People involved</h3>
            {participants.length === 0 ? <p className="muted">Nobody yet.</p> : (
              <ul className="plain-list">{participants.map((p) => <li key={`${p.personId}-${p.reason}`}>{p.name} <span className="muted small">({p.reason})</span></li>)}</ul>
            )}
          </section>
          <section className="conversation__section" aria-labelledby="experts-heading">
            <h3 id="experts-heading">Expert requests</h3>
            {expertRequests.length === 0 ? <p className="muted">None.</p> : (
              <ul className="plain-list expert-requests">
                {expertRequests.map((request) => (
                  <li key={request.id}>
                    <p><strong>{request.skill}</strong>: {request.question}</p>
                    <p className="muted small">Asked by {nameOf(request.requestedBy) ?? 'a colleague'} · <DateTime value={request.createdAt} /></p>
                    {request.acceptedBy
                      ? <p className="small">Accepted by {nameOf(request.acceptedBy) ?? 'an expert'}</p>
                      : <Button onClick={() => accept.mutate(request.id)} busy={accept.isPending && accept.variables === request.id}>Accept</Button>}
                  </li>
                ))}
              </ul>
            )}
            {accept.error && <ErrorState error={accept.error} />}
          </section>
        </aside>
      </div>

      {Extra && <Extra key={c.conversationId} conversationId={c.conversationId} canWork={canWork} posts={thread} />}

      <section className="conversation__section" aria-labelledby="notes-heading">
        <h3 id="notes-heading">Add a note</h3>
        <NoteForm key={c.conversationId} conversationId={c.conversationId} textareaRef={noteRef} />
      </section>

      <section className="conversation__section" aria-labelledby="history-heading">
        <h3 id="history-heading">History</h3>
        <Timeline timeline={timeline} nameOf={nameOf} spokeNameOf={spokeNameOf} />
      </section>
    </article>
  );
}
