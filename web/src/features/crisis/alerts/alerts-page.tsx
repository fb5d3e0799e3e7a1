// Crisis alerts, newest first: those still waiting for someone, or all of them, for
// one topic or every topic; each explains itself and can be acknowledged or turned
// into a crisis room. Filters live in the address, so the radar can link to a topic's.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { LoadMore } from '../../../ui/load-more.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useAlert, useAlerts } from '../api/list-alerts.ts';
import { usePickTopics } from '../api/pickers.ts';
import { OpenCrisisDialog, type CrisisStart } from '../rooms/open-crisis-dialog.tsx';
import type { AlertFilters } from '../types.ts';
import { useCrisisAccess } from '../use-crisis-access.ts';
import { AlertCard } from './alert-card.tsx';

const shownOptions = [
  { value: 'waiting', label: 'Waiting for someone' },
  { value: 'all', label: 'All alerts' },
];

export function AlertsPage() {
  const [search, setSearch] = useSearchParams();
  const shown = search.get('shown') === 'all' ? 'all' : 'waiting';
  const topicId = search.get('topicId') ?? '';
  const filters: AlertFilters = { ...(topicId && { topicId }), ...(shown === 'waiting' && { acknowledged: false }) };
  const alerts = useAlerts(filters);
  // A notification's link names the alert it is about: shown first, whatever the filters.
  const followed = useAlert(search.get('alert'));
  const topics = usePickTopics();
  const access = useCrisisAccess();
  const [opening, setOpening] = useState<CrisisStart | null>(null);
  const items = alerts.data?.pages.flatMap((page) => page.items) ?? [];
  const change = (key: string, value: string) => setSearch((current) => {
    const next = new URLSearchParams(current);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });

  return (
    <>
      <PageHeader title="Crisis alerts" description="What the detectors noticed, newest first, each with why. Acknowledge an alert to say someone is on it; that stops its escalation." />
      <div className="filters">
        <SelectField label="Show" value={shown} options={shownOptions} onChange={(event) => change('shown', event.target.value === 'all' ? 'all' : '')} />
        <SelectField label="Topic" value={topicId} onChange={(event) => change('topicId', event.target.value)}
          options={[{ value: '', label: 'Every topic' }, ...(topics.data ?? []).map((topic) => ({ value: topic.id, label: topic.name }))]} />
      </div>
      {followed.data && (
        <section className="followed-alert" aria-label="The alert you followed">
          <AlertCard alert={followed.data} topicName={followed.data.topicName} mayOpenRoom={access.runs} onOpenRoom={setOpening} />
        </section>
      )}
      {followed.isError && <ErrorState error={followed.error} onRetry={() => void followed.refetch()} />}
      {alerts.isPending ? <Loading label="Loading the alerts…" />
        : !alerts.data ? <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
        : items.length === 0 ? (
          <EmptyState title={shown === 'waiting' ? 'No alert is waiting for anyone.' : 'No alerts yet.'}>
            {shown === 'waiting' ? 'Every alert has been acknowledged. New ones appear here as they are raised.' : 'The detectors have not raised any alert for these topics.'}
          </EmptyState>
        ) : (
          <ul className="plain-list alert-list" aria-label="Alerts" aria-busy={alerts.isFetching || undefined}>
            {items.map((alert) => (
              <li key={alert.id}>
                <AlertCard alert={alert} topicName={alert.topicName} mayOpenRoom={access.runs} onOpenRoom={setOpening} />
              </li>
            ))}
          </ul>
        )}
      <LoadMore query={alerts} />
      <OpenCrisisDialog start={opening} onClose={() => setOpening(null)} />
    </>
  );
}
