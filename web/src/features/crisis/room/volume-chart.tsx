// Volume and sentiment over the crisis: mentions per bucket stacked negative, neutral,
// positive, from an hour before it opened until it closed (or now); or the same numbers
// as a table, for reading them exactly. The bucket size is the reader's choice.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { StackedBarChart, type StackedSeries } from '../../../ui/stacked-bar-chart.tsx';
import { Table } from '../../../ui/table.tsx';
import { useSeries } from '../api/get-series.ts';
import { formatClock, formatEpoch } from '../crisis-format.ts';
import type { SeriesBucket } from '../types.ts';

const bucketChoices = [
  { value: '5', label: '5 minutes' },
  { value: '15', label: '15 minutes' },
  { value: '60', label: 'Hour' },
];
const sentiments = ['negative', 'neutral', 'positive'] as const;
const series: StackedSeries[] = sentiments.map((key) => ({ key, label: key[0]!.toUpperCase() + key.slice(1), className: `sentiment-part sentiment-part--${key}` }));
const chartWidth = 720;
const chartHeight = 140;

const describe = (bucket: SeriesBucket) =>
  `${formatEpoch(Date.parse(bucket.at))}: ${bucket.mentions} mentions (${bucket.negative} negative, ${bucket.neutral} neutral, ${bucket.positive} positive)`;

function Chart({ buckets }: { buckets: SeriesBucket[] }) {
  const barWidth = Math.max(1, Math.min(40, Math.floor(chartWidth / Math.max(1, buckets.length)) - 1));
  const top = Math.max(1, ...buckets.map((bucket) => bucket.mentions));
  const busiest = buckets.find((bucket) => bucket.mentions === top);
  const total = buckets.reduce((sum, bucket) => sum + bucket.mentions, 0);
  const label = `${total} mentions in ${buckets.length} buckets${busiest ? `; the busiest, ${describe(busiest)}` : ''}`;
  return (
    <div className="volume-chart__plot">
      <div className="volume-chart__frame">
        <div className="volume-chart__row">
          <span className="volume-chart__axis muted small" aria-hidden="true" style={{ height: chartHeight }}><span>{top}</span><span>0</span></span>
          <StackedBarChart label={label} series={series} barWidth={barWidth} gap={1} height={chartHeight} max={top}
            bars={buckets.map((bucket) => ({ key: bucket.at, title: describe(bucket), values: sentiments.map((key) => bucket[key]) }))} />
        </div>
        <div className="volume-chart__ends muted small" aria-hidden="true">
          <span>{buckets[0] && formatEpoch(Date.parse(buckets[0].at))}</span>
          <span>{buckets.at(-1) && formatClock(buckets.at(-1)!.at)}</span>
        </div>
      </div>
    </div>
  );
}

export function VolumeChart({ crisisId }: { crisisId: string }) {
  const [bucketMinutes, setBucketMinutes] = useState('15');
  const [asTable, setAsTable] = useState(false);
  const buckets = useSeries(crisisId, Number(bucketMinutes));
  return (
    <figure className="volume-chart" aria-busy={buckets.isFetching || undefined}>
      <figcaption className="volume-chart__caption">
        <SelectField label="Per" value={bucketMinutes} options={bucketChoices} onChange={(event) => setBucketMinutes(event.target.value)} />
        <Button variant="quiet" aria-pressed={asTable} onClick={() => setAsTable((table) => !table)}>{asTable ? 'Show as chart' : 'Show as table'}</Button>
      </figcaption>
      {buckets.isPending ? <Loading label="Loading the volumes…" />
        : !buckets.data ? <ErrorState error={buckets.error} onRetry={() => void buckets.refetch()} />
        : buckets.data.length === 0 ? <p className="muted">No mentions on these topics in this time.</p>
        : asTable ? (
          <Table caption="Mentions by sentiment" rows={buckets.data.filter((bucket) => bucket.mentions > 0).reverse()} rowKey={(bucket) => bucket.at} columns={[
            { header: 'From', cell: (bucket) => formatEpoch(Date.parse(bucket.at)) },
            { header: 'Mentions', cell: (bucket) => bucket.mentions },
            { header: 'Negative', cell: (bucket) => bucket.negative },
            { header: 'Neutral', cell: (bucket) => bucket.neutral },
            { header: 'Positive', cell: (bucket) => bucket.positive },
          ]} />
        ) : <Chart buckets={buckets.data} />}
    </figure>
  );
}
