// Participation by spoke: does the programme reach beyond marketing? For each spoke
// (department, store, region …) in the chosen days: members, who shared a story, who
// answered a customer, the share of members who did either (drawn as bars, highest
// first) and the shares made; the totals count each person once.
import { useState } from 'react';
import { spokeKindLabels, type SpokeKind } from '../../../api/vocabulary.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { TextField } from '../../../ui/field.tsx';
import { LabelledBars } from '../../../ui/labelled-bars.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { Table, type Column } from '../../../ui/table.tsx';
import { useParticipation } from '../api/get-participation.ts';
import type { Participation, ParticipationCounts, PeriodQuery } from '../types.ts';
import { periodDays } from './period-words.ts';

type SpokeRow = Participation['items'][number];

const percent = (rate: number) => `${Math.round(rate * 100)} %`;
/** The first day of this month, UTC (the server's days are UTC days). */
const monthStart = () => `${new Date().toISOString().slice(0, 8)}01`;

const columns: Column<SpokeRow>[] = [
  {
    header: 'Spoke',
    cell: (row) => (
      <span className="participation__spoke">
        <strong>{row.name}</strong> <span className="muted">{spokeKindLabels[row.kind as SpokeKind] ?? row.kind}</span>
      </span>
    ),
  },
  { header: 'Members', cell: (row) => row.members },
  { header: 'Sharers', cell: (row) => row.sharers },
  { header: 'Answerers', cell: (row) => row.answerers },
  { header: 'Participants', cell: (row) => row.participants },
  { header: 'Participation', cell: (row) => <span data-testid="participation-rate">{percent(row.participation)}</span> },
  { header: 'Shares', cell: (row) => row.shares },
];

function Totals({ totals }: { totals: ParticipationCounts }) {
  const figures = [
    ['Members', totals.members.toLocaleString()], ['Participants', totals.participants.toLocaleString()],
    ['Participation', percent(totals.participation)], ['Sharers', totals.sharers.toLocaleString()],
    ['Answered customers', totals.answerers.toLocaleString()], ['Shares', totals.shares.toLocaleString()],
  ] as const;
  return (
    <dl className="totals" aria-label="Totals, each person once">
      {figures.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value}</dd></div>)}
    </dl>
  );
}

function ParticipationView({ data }: { data: Participation }) {
  if (data.items.length === 0) {
    return (
      <EmptyState title="No spokes yet.">
        Participation is counted per spoke: add the departments, stores and regions people belong to.
      </EmptyState>
    );
  }
  const byRate = [...data.items].sort((a, b) => b.participation - a.participation || a.name.localeCompare(b.name));
  return (
    <>
      <p className="participation__period">Period: {periodDays(data.period)} (UTC days). A member takes part by sharing a story or having a reply to a customer published.</p>
      <Totals totals={data.totals} />
      <section className="recognition__section" aria-labelledby="participation-chart">
        <h2 id="participation-chart">Participation rate by spoke</h2>
        <LabelledBars label="Participation rate by spoke" max={1} className="participation__bars"
          bars={byRate.map((row) => ({ key: row.spokeId, label: row.name, value: row.participation, valueText: percent(row.participation) }))} />
      </section>
      <section className="recognition__section" aria-labelledby="participation-table">
        <h2 id="participation-table">By spoke</h2>
        <Table caption="Participation by spoke" columns={columns} rows={data.items} rowKey={(row) => row.spokeId} />
        <p className="muted participation__note">Someone in two spokes counts in both; the totals above count each person once. People who left are not members.</p>
      </section>
    </>
  );
}

export function ParticipationPage() {
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState('');
  const backwards = Boolean(from && to && from > to);
  // No days chosen: all time.
  const query: PeriodQuery = from || to ? { ...(from && { from }), ...(to && { to }) } : { period: 'all' };
  const participation = useParticipation(query, !backwards);

  return (
    <>
      <PageHeader title="Participation"
        description="Who takes part, spoke by spoke: the programme should reach well beyond marketing, into every department, store and region." />
      <div className="filters" role="search" aria-label="Days">
        <TextField label="From" type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} hint="Empty: from the beginning." />
        <TextField label="To" type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} hint="Included; empty: up to today." />
      </div>
      {backwards ? <p className="field__problems" role="alert">The “to” day comes before the “from” day.</p>
        : participation.isPending ? <Loading label="Loading the participation…" />
        : !participation.data ? <ErrorState error={participation.error} onRetry={() => void participation.refetch()} />
        : (
          <div className="participation" aria-busy={participation.isFetching || undefined}>
            {participation.isError && <ErrorState error={participation.error} onRetry={() => void participation.refetch()} />}
            <ParticipationView data={participation.data} />
          </div>
        )}
    </>
  );
}
