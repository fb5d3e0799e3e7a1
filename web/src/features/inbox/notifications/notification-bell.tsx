// The bell: how many notifications are unread; opening it lists the recent ones (a
// click opens the conversation and marks it read), marks them all read, and holds the
// e-mail preferences. Hidden while the server has no notifications yet (404).
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { Button } from '../../../ui/button.tsx';
import { DateTime } from '../../../ui/date-time.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useMarkRead, useRecentNotifications, useUnreadNotifications } from '../api/notifications.ts';
import { NotificationPreferencesForm } from './notification-preferences.tsx';

export function NotificationBell() {
  const unread = useUnreadNotifications();
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<'list' | 'preferences'>('list');
  if (isApiError(unread.error) && (unread.error.status === 404 || unread.error.status === 403)) return null;
  const count = unread.data?.items.length ?? 0;
  const label = unread.data ? `${count}${unread.data.nextCursor ? '+' : ''}` : '';

  return (
    <>
      <Button variant="quiet" className="bell" onClick={() => setOpen(true)}
        aria-label={unread.data ? `Notifications, ${label} unread` : 'Notifications'}>
        <span aria-hidden="true">🔔</span>
        {count > 0 && <span className="bell__count" aria-hidden="true">{label}</span>}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Notifications">
        <div className="bell__tabs" role="group" aria-label="Notifications">
          <Button variant={tab === 'list' ? 'primary' : 'secondary'} aria-pressed={tab === 'list'} onClick={() => setTab('list')}>Recent</Button>
          <Button variant={tab === 'preferences' ? 'primary' : 'secondary'} aria-pressed={tab === 'preferences'} onClick={() => setTab('preferences')}>E-mail preferences</Button>
        </div>
        {tab === 'list' ? <NotificationList onOpen={() => setOpen(false)} /> : <NotificationPreferencesForm />}
      </Dialog>
    </>
  );
}

function NotificationList({ onOpen }: { onOpen: () => void }) {
  const recent = useRecentNotifications(true);
  const markRead = useMarkRead();
  if (recent.isPending) return <Loading label="Loading notifications…" />;
  if (!recent.data) return <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />;
  const items = recent.data.items;
  if (items.length === 0) return <EmptyState title="No notifications yet." />;
  return (
    <>
      {markRead.error && <ErrorState error={markRead.error} />}
      <div className="form__actions">
        <Button onClick={() => markRead.mutate({ all: true })} busy={markRead.isPending} disabled={items.every((item) => item.readAt)}>Mark all read</Button>
      </div>
      <ul className="plain-list notification-list">
        {items.map((item) => (
          <li key={item.id} data-unread={!item.readAt || undefined}>
            <p className="notification-list__title">
              {!item.readAt && <span className="visually-hidden">Unread: </span>}
              {item.conversationId
                ? <Link to={`/inbox/${encodeURIComponent(item.conversationId)}`}
                    onClick={() => { if (!item.readAt) markRead.mutate({ ids: [item.id] }); onOpen(); }}>{item.title}</Link>
                : <strong>{item.title}</strong>}
            </p>
            {item.body && <p className="small">{item.body}</p>}
            <p className="muted small">
              <DateTime value={item.createdAt} />
              {!item.readAt && <> · <Button variant="quiet" onClick={() => markRead.mutate({ ids: [item.id] })}>Mark read</Button></>}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
