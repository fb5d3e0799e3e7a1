// One conversation in the list: a checkbox for bulk actions, its headline (a link that
// opens it), who wrote it where, status, priority, owner and the nearest SLA clock.
import { Link } from 'react-router';
import { SlaCountdown } from './sla.tsx';
import { priorityLabels, statusLabels, type InboxItem } from './types.ts';

const compact = new Intl.NumberFormat(undefined, { notation: 'compact' });

interface InboxRowProps {
  item: InboxItem;
  href: string;
  active: boolean;
  checked: boolean;
  onCheck: (checked: boolean) => void;
  now: number;
}

export const headlineOf = (item: Pick<InboxItem, 'headline'>) => item.headline.title || item.headline.text || 'Untitled conversation';

export function InboxRow({ item, href, active, checked, onCheck, now }: InboxRowProps) {
  const { headline } = item;
  const author = headline.authorName ?? headline.authorHandle ?? 'Unknown author';
  const title = headlineOf(item);
  const snoozed = item.snoozedUntil && new Date(item.snoozedUntil).getTime() > now;
  return (
    <div className="inbox-row" data-active={active || undefined} data-status={item.status} data-conversation-id={item.conversationId}>
      <input type="checkbox" className="checkbox inbox-row__check" checked={checked} aria-label={`Select “${title.slice(0, 60)}”`}
        onChange={(event) => onCheck(event.target.checked)} />
      <div className="inbox-row__body">
        <Link className="inbox-row__title" to={href} aria-current={active ? 'page' : undefined}>{title}</Link>
        <p className="inbox-row__meta muted">
          {author}
          {headline.authorFollowers !== null && <> · {compact.format(headline.authorFollowers)} followers</>}
          {' · '}{headline.sourceName}
          {headline.mentionCount > 1 && <> · {headline.mentionCount} posts</>}
        </p>
        <p className="inbox-row__badges">
          <span className={`badge badge--status-${item.status}`} data-field="status">{statusLabels[item.status] ?? item.status}</span>
          <span className={`badge badge--priority-${item.priority}`}>{priorityLabels[item.priority] ?? item.priority}</span>
          {item.escalationLevel > 0 && <span className="badge badge--escalated">Escalated {item.escalationLevel}</span>}
          {snoozed && <span className="badge">Snoozed</span>}
          <span className="muted small">{item.assigneeName ?? (item.spokeName ? `${item.spokeName} queue` : 'Unrouted')}</span>
          {item.status !== 'resolved' && <SlaCountdown dueAt={item.dueAt} now={now} />}
        </p>
        {item.tags.length > 0 && (
          <ul className="chips inbox-row__tags" aria-label="Tags">{item.tags.map((tag) => <li key={tag} className="chip chip--plain">{tag}</li>)}</ul>
        )}
      </div>
    </div>
  );
}
