// My points: what the person earned in all (and for what: sharing, clicks, approved
// suggestions, answers to customers), what they did, their badges and those still to
// earn, and their rank this week, this month and all time while leaderboards are on.
import { Link } from 'react-router';
import { ErrorState } from '../../../ui/error-state.tsx';
import { LabelledBars } from '../../../ui/labelled-bars.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useMyRecognition } from '../api/get-my-recognition.ts';
import { periodLabels, periodNames, pointActionLabels, type MyRecognition } from '../types.ts';
import { MyImpactCard } from '../measurement/my-impact-card.tsx';
import { BadgeLists } from './badge-lists.tsx';

const points = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'point' : 'points'}`;

function Ranks({ mine }: { mine: MyRecognition }) {
  if (!mine.rank) return null;
  return (
    <>
      {periodNames.map((name) => (
        <div key={name} data-testid={`my-rank-${name}`}>
          <dt>Rank {periodLabels[name].toLowerCase()}</dt>
          <dd>{mine.rank![name] === null ? <span className="muted">—</span> : `#${mine.rank![name]}`}</dd>
        </div>
      ))}
    </>
  );
}

function MyRecognitionView({ mine }: { mine: MyRecognition }) {
  const stats = [
    ['Shares', mine.stats.shares], ['Networks', mine.stats.networks], ['Clicks earned', mine.stats.clicks],
    ['Suggestions approved', mine.stats.storiesApproved], ['Helpful answers', mine.stats.helpfulAnswers],
  ] as const;
  return (
    <div className="recognition">
      <dl className="totals">
        <div><dt>Points</dt><dd data-testid="my-points-total">{mine.points.toLocaleString()}</dd></div>
        <Ranks mine={mine} />
      </dl>
      {mine.leaderboards
        ? <p className="muted recognition__note">A rank of “—” means no points in that period yet. <Link to="/advocacy/leaderboard">See the leaderboard</Link>.</p>
        : <p className="muted recognition__note">Leaderboards are switched off by the hub, so nobody is ranked; your points and badges are still yours.</p>}
      {mine.points === 0 && (
        <p className="recognition__note">No points yet: <Link to="/advocacy">share a story in your own words</Link> to earn your first, and your first badge.</p>
      )}

      <section className="recognition__section" aria-labelledby="points-by-action">
        <h2 id="points-by-action">Points by action</h2>
        <LabelledBars label="Points by action" bars={mine.byAction.map((row) => ({
          key: row.action, label: pointActionLabels[row.action], value: row.points, valueText: points(row.points),
        }))} />
        <dl className="recognition__stats">
          {stats.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value.toLocaleString()}</dd></div>)}
        </dl>
      </section>

      <section className="recognition__section" aria-labelledby="my-badges">
        <h2 id="my-badges">Badges</h2>
        <BadgeLists held={mine.badges} toEarn={mine.toEarn} />
      </section>
    </div>
  );
}

export function MyPointsPage() {
  const mine = useMyRecognition();
  return (
    <>
      <PageHeader title="My points" description="What your shares, the clicks they earn, your approved suggestions and your answers to customers earned you, and your badges." />
      {mine.isPending ? <Loading label="Loading your points…" />
        : !mine.data ? <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
        : <MyRecognitionView mine={mine.data} />}
      <MyImpactCard />
    </>
  );
}
