// What the leaderboard says while the hub has switched leaderboards off: not an error,
// a choice the organization made; one's own points and badges are still there.
import { Link } from 'react-router';
import { buttonClass } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';

export function LeaderboardsOff({ manages }: { manages: boolean }) {
  return (
    <div data-testid="leaderboards-off">
      <EmptyState title="Leaderboards are switched off by the hub"
        action={<Link className={buttonClass('primary')} to="/advocacy/me">See my points and badges</Link>}>
        <p>Nobody is ranked while they are off. Your own points and badges are still yours to see.</p>
        {manages && <p>You can switch them on again in <Link to="/advocacy/settings">Settings</Link> (Recognition).</p>}
      </EmptyState>
    </div>
  );
}
