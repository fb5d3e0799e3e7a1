// The leaderboard: points earned in a period (this week, this month, all time),
// overall or among one spoke's members, ranked, with each person's spokes and badges;
// your own row stands out and your rank is said even when you are not in the top.
// While the hub has leaderboards switched off, it says so instead.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { useSessionPersonId } from '../../../api/session-roles.ts';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { Table, type Column } from '../../../ui/table.tsx';
import { useLeaderboard } from '../api/get-leaderboard.ts';
import { useSpokeChoices } from '../api/list-spokes.ts';
import { periodLabels, periodNames, type Leaderboard, type LeaderboardEntry, type PeriodName } from '../types.ts';
import { useAdvocacyAccess } from '../use-advocacy-access.ts';
import { LeaderboardsOff } from './leaderboards-off.tsx';
import { periodPhrases } from './period-words.ts';

const firstPage = 10;
const mostShown = 100;

function leaderboardColumns(me: string | null): Column<LeaderboardEntry>[] {
  return [
    { header: 'Rank', cell: (entry) => <span className="leaderboard__rank">{entry.rank}</span> },
    {
      header: 'Name',
      cell: (entry) => (entry.personId === me
        ? <span className="leaderboard__me" data-testid="leaderboard-me">{entry.name} <span className="badge badge--active">You</span></span>
        : entry.name),
    },
    { header: 'Spokes', cell: (entry) => (entry.spokes.length > 0 ? entry.spokes.map((spoke) => spoke.name).join(', ') : <span className="muted">None</span>) },
    { header: 'Points', cell: (entry) => <span className="leaderboard__points">{entry.points.toLocaleString()}</span> },
    { header: 'Badges', cell: (entry) => entry.badges },
  ];
}

function MyStanding({ board, period }: { board: Leaderboard; period: PeriodName }) {
  if (board.myRank === null) {
    return <p className="leaderboard__standing">You have no points {board.spoke ? `in ${board.spoke.name} ` : ''}{periodPhrases[period]} yet: <Link to="/advocacy">share a story</Link> to get on the board.</p>;
  }
  return (
    <p className="leaderboard__standing" data-testid="leaderboard-my-rank">
      You are <strong>#{board.myRank}</strong> of {board.ranked} {board.ranked === 1 ? 'person' : 'people'} with points {board.spoke ? `in ${board.spoke.name} ` : ''}{periodPhrases[period]}.
    </p>
  );
}

export function LeaderboardPage() {
  const access = useAdvocacyAccess();
  const me = useSessionPersonId();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('period') as PeriodName | null;
  const period: PeriodName = requested && periodNames.includes(requested) ? requested : 'month';
  const spokeId = search.get('spoke') ?? '';
  const [limit, setLimit] = useState(firstPage);
  const board = useLeaderboard({ period, ...(spokeId && { spokeId }), limit });
  const spokes = useSpokeChoices();
  const changeSearch = (key: string, value: string) => {
    setLimit(firstPage);
    setSearch((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    }, { replace: true });
  };

  const header = <PageHeader title="Leaderboard" description="Points for sharing stories, the clicks they earn, approved suggestions and helpful answers to customers." />;
  // Asked again while switched off, the previous board would still be in the cache: the refusal wins.
  if (isApiError(board.error, 'LEADERBOARDS_OFF')) return <>{header}<LeaderboardsOff manages={access.manages} /></>;
  return (
    <>
      {header}
      <div className="filters">
        <SelectField label="Period" value={period} onChange={(event) => changeSearch('period', event.target.value === 'month' ? '' : event.target.value)}
          options={periodNames.map((value) => ({ value, label: periodLabels[value] }))} />
        <SelectField label="Spoke" value={spokeId} onChange={(event) => changeSearch('spoke', event.target.value)}
          options={[{ value: '', label: 'Everyone' }, ...(spokes.data ?? []).map((spoke) => ({ value: spoke.id, label: spoke.name }))]} />
      </div>
      {board.isPending ? <Loading label="Loading the leaderboard…" />
        : !board.data ? <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        : (
          <div className="leaderboard" aria-busy={board.isFetching || undefined}>
            {board.isError && <ErrorState error={board.error} onRetry={() => void board.refetch()} />}
            <MyStanding board={board.data} period={period} />
            {board.data.items.length === 0 ? (
              <EmptyState title={`No points ${board.data.spoke ? `in ${board.data.spoke.name} ` : ''}${periodPhrases[period]} yet.`}>
                Points come from sharing stories, the clicks shares earn, approved suggestions and answers to customers.
              </EmptyState>
            ) : (
              <Table caption={`Leaderboard, ${periodLabels[period].toLowerCase()}${board.data.spoke ? `, ${board.data.spoke.name}` : ''}`}
                columns={leaderboardColumns(me)} rows={board.data.items} rowKey={(entry) => entry.personId} />
            )}
            {board.data.ranked > board.data.items.length && limit < mostShown && (
              <div className="paged-table__more">
                <Button onClick={() => setLimit(mostShown)} busy={board.isFetching}>Show the top {Math.min(mostShown, board.data.ranked)}</Button>
              </div>
            )}
          </div>
        )}
    </>
  );
}
