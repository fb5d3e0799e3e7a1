// The crisis radar: every listening topic against its own baseline, the loudest first.
// For each, the mentions of the last ten minutes against what was expected (and their
// ratio as a bar), the share of negative mentions against its usual share, detectors
// still warming up, events going on and alerts nobody acknowledged yet. Refreshed by
// the live feed and every minute.
import { Link } from 'react-router';
import { DateTime } from '../../../ui/date-time.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { Table, type Column } from '../../../ui/table.tsx';
import { useRadar } from '../api/get-radar.ts';
import { formatCount, formatEpoch, formatShare } from '../crisis-format.ts';
import { detectorLabel, type RadarTopic } from '../types.ts';
import { RatioBar, ratioScale } from './ratio-bar.tsx';

function Volume({ topic }: { topic: RadarTopic }) {
  if (!topic.level) return <span className="muted">No mentions yet</span>;
  return <>{formatCount(topic.level.mentionsLast10Minutes)} <span className="muted">of {formatCount(topic.level.expectedLast10Minutes)} expected</span></>;
}

function Negativity({ topic }: { topic: RadarTopic }) {
  if (!topic.level) return <>—</>;
  const { negativeShare, baselineNegativeShare } = topic.level;
  const above = negativeShare !== null && negativeShare > baselineNegativeShare;
  return <><span data-above={above || undefined} className="radar__negative">{formatShare(negativeShare)}</span> <span className="muted">usually {formatShare(baselineNegativeShare)}</span></>;
}

function Events({ topic }: { topic: RadarTopic }) {
  const events = topic.level?.activeEvents ?? [];
  if (events.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="plain-list radar__events">
      {events.map((event) => (
        <li key={`${event.detector}-${event.subject ?? ''}`}>
          <span className="badge badge--crisis-event">{detectorLabel(event.detector)}</span>
          {event.subject && <> “{event.subject}”</>} <span className="muted small">since {formatEpoch(event.since)}</span>
        </li>
      ))}
    </ul>
  );
}

function WarmingUp({ topic }: { topic: RadarTopic }) {
  const { level } = topic;
  if (!level) return <span className="muted">Not started</span>;
  if (level.warmingUp.length === 0) return <span className="muted">All ready</span>;
  const title = `No alerts from this detector until it has heard the topic in enough hours (its warm-up); heard in ${level.heardHours} so far`;
  return (
    <ul className="chips" aria-label="Warming up">
      {level.warmingUp.map((kind) => <li key={kind} className="chip chip--warming" title={title}>{detectorLabel(kind)}</li>)}
    </ul>
  );
}

function columns(scale: number): Column<RadarTopic>[] {
  return [
    { header: 'Topic', cell: (topic) => <strong>{topic.topicName}</strong> },
    { header: 'Last 10 minutes', cell: (topic) => <Volume topic={topic} /> },
    { header: 'Against baseline', cell: (topic) => <RatioBar ratio={topic.ratio} scale={scale} /> },
    { header: 'Negative', cell: (topic) => <Negativity topic={topic} /> },
    { header: 'Events going on', cell: (topic) => <Events topic={topic} /> },
    {
      header: 'Open alerts',
      cell: (topic) => topic.openAlerts > 0
        ? <Link className="radar__alerts" to={`/crisis/alerts?topicId=${topic.topicId}`}>{topic.openAlerts} open</Link>
        : <span className="muted">{topic.lastAlertAt ? <>Last <DateTime value={topic.lastAlertAt} /></> : 'None'}</span>,
    },
    { header: 'Warming up', cell: (topic) => <WarmingUp topic={topic} /> },
  ];
}

export function RadarPage() {
  const radar = useRadar();
  const topics = radar.data ?? [];
  return (
    <>
      <PageHeader title="Crisis radar"
        description="Each topic against its own learned baseline, the furthest above it first. Ratio 1× is a usual moment; the detectors alert on sustained rises, not on this number alone." />
      {radar.isPending ? <Loading label="Loading the radar…" />
        : !radar.data ? <ErrorState error={radar.error} onRetry={() => void radar.refetch()} />
        : topics.length === 0 ? (
          <EmptyState title="No topics to watch yet." action={<Link to="/listening/topics">Listening topics</Link>}>
            The radar watches every enabled listening topic: add one, and its mentions start teaching the detectors what is usual.
          </EmptyState>
        ) : (
          <div className="radar" aria-busy={radar.isFetching || undefined}>
            <Table caption="Topics by ratio to their baseline" columns={columns(ratioScale(topics.map((topic) => topic.ratio)))} rows={topics} rowKey={(topic) => topic.topicId} />
          </div>
        )}
      {radar.isError && radar.data && <ErrorState error={radar.error} onRetry={() => void radar.refetch()} />}
    </>
  );
}
