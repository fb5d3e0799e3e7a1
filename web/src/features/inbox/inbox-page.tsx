// The inbox: the conversations the signed-in person works on, in views (tabs), with
// filters, search and sort kept in the address, and the open conversation beside the
// list (below it on narrow screens, where the list steps aside while one is open).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useHasRole } from '../../api/session-roles.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { Field, SelectField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useDebouncedValue } from '../../ui/use-debounced-value.ts';
import { useConversationAction } from './api/conversation-actions.ts';
import { useInbox } from './api/list-inbox.ts';
import { BulkBar } from './bulk-bar.tsx';
import { ConversationView } from './conversation/conversation-view.tsx';
import { headlineOf, InboxRow } from './inbox-row.tsx';
import { NotificationBell } from './notifications/notification-bell.tsx';
import { SpokePicker } from './pickers.tsx';
import { useNow } from './sla.tsx';
import {
  conversationStatuses, inboxViews, priorities, priorityLabels, statusLabels, viewLabels,
  type ConversationExtra, type InboxFilters, type InboxSort, type InboxView,
} from './types.ts';
import { useLiveUpdates } from './use-live-updates.ts';
import { shortcutHelp, useShortcuts } from './use-shortcuts.ts';

function filtersFrom(params: URLSearchParams, q: string): InboxFilters {
  const view = params.get('view');
  const status = params.get('status');
  const priority = params.get('priority');
  return {
    view: inboxViews.includes(view as InboxView) ? (view as InboxView) : 'mine',
    status: conversationStatuses.includes(status as never) ? (status as InboxFilters['status']) : '',
    priority: priorities.includes(priority as never) ? (priority as InboxFilters['priority']) : '',
    spokeId: params.get('spokeId') ?? '',
    q,
    sort: params.get('sort') === 'recent' ? 'recent' : 'due',
  };
}

export function InboxPage({ conversationExtra }: { conversationExtra?: ConversationExtra }) {
  const { conversationId } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const q = useDebouncedValue(search.trim());
  const filters = filtersFrom(params, q);
  const inbox = useInbox(filters);
  const live = useLiveUpdates(conversationId);
  const now = useNow();
  const searchRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const isHubAdmin = useHasRole('hub_admin');
  const isPrLead = useHasRole('pr_lead');
  const isAnalyst = useHasRole('analyst');
  const mayTakeEverything = isHubAdmin || isPrLead || isAnalyst;
  const [everythingForbidden, setEverythingForbidden] = useState(false);
  const action = useConversationAction(conversationId ?? '');

  const items = useMemo(() => inbox.data?.pages.flatMap((page) => page.items) ?? [], [inbox.data]);
  const titles = useRef(new Map<string, string>());
  for (const item of items) titles.current.set(item.conversationId, headlineOf(item));

  const forbidden = filters.view === 'all' && isApiError(inbox.error, 'FORBIDDEN');
  useEffect(() => {
    if (forbidden) setEverythingForbidden(true);
  }, [forbidden]);
  const views = inboxViews.filter((view) => view !== 'all' || (mayTakeEverything && !everythingForbidden));

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setChecked(new Set());
  };
  useEffect(() => {
    if ((params.get('q') ?? '') === q) return;
    const next = new URLSearchParams(params);
    if (q) next.set('q', q);
    else next.delete('q');
    setParams(next, { replace: true });
  }, [q, params, setParams]);

  const search_ = params.toString();
  const hrefOf = (id: string) => `/inbox/${encodeURIComponent(id)}${search_ ? `?${search_}` : ''}`;
  const openAt = (offset: number) => {
    if (items.length === 0) return;
    const index = items.findIndex((item) => item.conversationId === conversationId);
    const next = items[index === -1 ? 0 : Math.min(items.length - 1, Math.max(0, index + offset))];
    if (next) void navigate(hrefOf(next.conversationId));
  };
  const act = (kind: 'claim' | 'resolved' | 'waiting') => {
    if (!conversationId || action.isPending) return;
    action.mutate(kind === 'claim' ? { kind: 'claim' } : { kind: 'status', status: kind });
  };
  useShortcuts({
    j: () => openAt(1),
    k: () => openAt(-1),
    c: () => act('claim'),
    r: () => act('resolved'),
    w: () => act('waiting'),
    n: () => noteRef.current?.focus(),
    '/': () => searchRef.current?.focus(),
    '?': () => setHelpOpen(true),
  });

  const filtered = Boolean(filters.status || filters.priority || filters.spokeId || filters.q);
  const toggle = (id: string, on: boolean) =>
    setChecked((all) => {
      const next = new Set(all);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allChecked = items.length > 0 && items.every((item) => checked.has(item.conversationId));

  return (
    <>
      <PageHeader
        title="Inbox"
        actions={(
          <>
            <span className={`live-indicator live-indicator--${live.connected ? 'on' : 'off'}`} role="status"
              title={live.connected ? 'Changes appear as they happen' : 'Reconnecting to live updates…'}>
              <span aria-hidden="true" className="live-indicator__dot" />{live.connected ? 'Live' : 'Offline'}
            </span>
            <NotificationBell />
            <Button variant="quiet" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">Shortcuts</Button>
          </>
        )}
      />
      <div className="inbox" data-open={conversationId ? 'true' : 'false'}>
        <section className="inbox__list" aria-label="Conversations">
          <nav className="inbox-tabs" aria-label="Inbox views">
            <ul>
              {views.map((view) => (
                <li key={view}>
                  <button type="button" className="inbox-tabs__tab" aria-pressed={filters.view === view}
                    onClick={() => setParam('view', view === 'mine' ? '' : view)}>
                    {viewLabels[view]}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="filters inbox-filters" role="search">
            <Field label="Search">
              {(control) => (
                <input className="input" type="search" ref={searchRef} value={search} aria-keyshortcuts="/" {...control}
                  onChange={(event) => setSearch(event.target.value)} />
              )}
            </Field>
            <SelectField label="Status" value={filters.status} onChange={(event) => setParam('status', event.target.value)}
              options={[{ value: '', label: 'Any status' }, ...conversationStatuses.map((value) => ({ value, label: statusLabels[value] }))]} />
            <SelectField label="Priority" value={filters.priority} onChange={(event) => setParam('priority', event.target.value)}
              options={[{ value: '', label: 'Any priority' }, ...priorities.map((value) => ({ value, label: priorityLabels[value] }))]} />
            <SpokePicker value={filters.spokeId} onChange={(value) => setParam('spokeId', value)} emptyLabel="All spokes" />
            <SelectField label="Sort" value={filters.sort} onChange={(event) => setParam('sort', (event.target.value as InboxSort) === 'due' ? '' : event.target.value)}
              options={[{ value: 'due', label: 'SLA due first' }, { value: 'recent', label: 'Most recent first' }]} />
          </div>
          <BulkBar selected={[...checked]} titleOf={(id) => titles.current.get(id) ?? id} onClear={() => setChecked(new Set())} />
          {inbox.isPending ? <Loading label="Loading conversations…" />
            : forbidden ? <EmptyState title="Everything is for hub admins, PR leads and analysts.">Pick another view.</EmptyState>
            : !inbox.data ? <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
            : (
              <div className="inbox-list" aria-busy={inbox.isFetching || undefined}>
                {items.length === 0
                  ? <EmptyState title={filtered ? 'No conversations match these filters.' : 'Nothing here right now.'}>
                      {!filtered && 'New conversations routed to you or your spokes appear here as they arrive.'}
                    </EmptyState>
                  : (
                    <>
                      <label className="checkbox-label inbox-list__all">
                        <input type="checkbox" className="checkbox" checked={allChecked}
                          onChange={(event) => setChecked(event.target.checked ? new Set(items.map((item) => item.conversationId)) : new Set())} />
                        Select all shown
                      </label>
                      <ol className="plain-list inbox-list__items">
                        {items.map((item) => (
                          <li key={item.conversationId}>
                            <InboxRow item={item} href={hrefOf(item.conversationId)} active={item.conversationId === conversationId}
                              checked={checked.has(item.conversationId)} onCheck={(on) => toggle(item.conversationId, on)} now={now} />
                          </li>
                        ))}
                      </ol>
                    </>
                  )}
                {inbox.isError && <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />}
                {inbox.hasNextPage && (
                  <div className="paged-table__more">
                    <Button onClick={() => void inbox.fetchNextPage()} busy={inbox.isFetchingNextPage}>Load more</Button>
                  </div>
                )}
              </div>
            )}
        </section>
        <section className="inbox__view" aria-label="Conversation">
          {conversationId
            ? <ConversationView conversationId={conversationId} backHref={`/inbox${search_ ? `?${search_}` : ''}`} noteRef={noteRef} now={now} extra={conversationExtra} />
            : <EmptyState title="Pick a conversation.">Its posts, clocks and history show here. Press <kbd>?</kbd> for keyboard shortcuts.</EmptyState>}
        </section>
      </div>
      <Dialog open={helpOpen} onClose={() => setHelpOpen(false)} title="Keyboard shortcuts">
        <dl className="shortcut-list">
          {shortcutHelp.map((shortcut) => (
            <div key={shortcut.keys}><dt><kbd>{shortcut.keys}</kbd></dt><dd>{shortcut.does}</dd></div>
          ))}
        </dl>
        <p className="muted small">Shortcuts do nothing while you type in a field.</p>
      </Dialog>
    </>
  );
}
