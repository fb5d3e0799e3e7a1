// What the crisis does to the rest of Herd right now, as the server reports it: replies
// on its topics wait for approval, advocacy is paused, conversations go to the crisis
// team's spoke. Nothing while it is not active.
import type { Crisis } from '../types.ts';

export function EffectsBadges({ crisis }: { crisis: Crisis }) {
  const { effects } = crisis;
  const routedTo = effects.routedToSpokeId === crisis.crisisTeamSpokeId ? crisis.crisisTeamSpokeName : null;
  const any = effects.repliesNeedApproval || effects.advocacyPaused || effects.routedToSpokeId;
  return (
    <ul className="chips crisis-effects" aria-label="Effects" data-testid="crisis-effects">
      {!any && <li className="muted small">No effects while the crisis is not active.</li>}
      {effects.repliesNeedApproval && <li className="badge badge--crisis-effect">Replies need approval</li>}
      {effects.advocacyPaused && <li className="badge badge--crisis-effect">Advocacy paused</li>}
      {effects.routedToSpokeId && <li className="badge badge--crisis-effect">Routed to {routedTo ?? 'the crisis team'}</li>}
    </ul>
  );
}
