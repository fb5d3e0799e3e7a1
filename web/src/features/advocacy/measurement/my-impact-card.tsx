// "My impact": every member's own numbers for the last 30 days — shares, the clicks
// their short links earned, potential reach and the earned media value with its sum —
// and the shares that earned the most clicks.
import { Link } from 'react-router';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { useMyImpact } from '../api/get-my-impact.ts';
import { networkLabel } from '../types.ts';
import { count } from './impact-numbers.ts';
import { DEFAULT_DAYS } from './impact-range.ts';
import { ImpactSummary } from './impact-summary.tsx';
import './measurement.css';

const topShown = 5;

export function MyImpactCard() {
  const mine = useMyImpact();
  return (
    <section className="my-impact" aria-labelledby="my-impact-title" data-testid="my-impact">
      <h2 id="my-impact-title">My impact, last {DEFAULT_DAYS} days</h2>
      {mine.isPending ? <Loading label="Loading your impact…" />
        : !mine.data ? <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
        : mine.data.totals.shares === 0 ? (
          <p className="muted">No shares in the last {DEFAULT_DAYS} days. <Link to="/advocacy">Share a story</Link>: the clicks on your short link count here.</p>
        ) : (
          <>
            <ImpactSummary summary={mine.data} />
            {mine.data.topShares.some((share) => share.clicks > 0) && (
              <>
                <h3>Your shares with the most clicks</h3>
                <ol className="my-impact__top">
                  {mine.data.topShares.filter((share) => share.clicks > 0).slice(0, topShown).map((share) => (
                    <li key={share.shareId}>“{share.storyTitle}” on {networkLabel(share.network)}: {count(share.clicks)} {share.clicks === 1 ? 'click' : 'clicks'}</li>
                  ))}
                </ol>
              </>
            )}
          </>
        )}
    </section>
  );
}
