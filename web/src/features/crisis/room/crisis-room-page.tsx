// The crisis room: one crisis's header (title, status, severity, owner, topics, crisis
// team and the effects it has on the rest of Herd), volumes and sentiment over time,
// the timeline with the team's notes, holding statements, recent mentions and the
// report to export. Live events refresh it (see use-crisis-live.ts).
import { Link, useParams } from 'react-router';
import { DateTime } from '../../../ui/date-time.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useCrisis } from '../api/get-crisis.ts';
import { SeverityBadge, StatusBadge } from '../rooms/crisis-badges.tsx';
import type { Crisis } from '../types.ts';
import { useCrisisAccess } from '../use-crisis-access.ts';
import { CrisisTimeline } from './crisis-timeline.tsx';
import { EffectsBadges } from './effects-badges.tsx';
import { HoldingStatements } from './holding-statements.tsx';
import { RecentMentions } from './recent-mentions.tsx';
import { ReportLinks } from './report-links.tsx';
import { RoomControls } from './room-controls.tsx';
import { VolumeChart } from './volume-chart.tsx';

function Room({ crisis }: { crisis: Crisis }) {
  const access = useCrisisAccess();
  return (
    <div className="crisis-room" data-status={crisis.status}>
      <PageHeader title={crisis.title} actions={<ReportLinks crisisId={crisis.id} />}
        description={<>
          <StatusBadge status={crisis.status} /> <SeverityBadge severity={crisis.severity} />{' '}
          Opened <DateTime value={crisis.openedAt} />{crisis.closedAt && <>, closed <DateTime value={crisis.closedAt} /></>}
          {crisis.ownerName && <> · owned by {crisis.ownerName}</>}
          {crisis.openedFromAlertId && <> · <Link to="/crisis/alerts?shown=all">from an alert</Link></>}
        </>} />
      <dl className="crisis-room__facts">
        <div><dt>Topics</dt><dd>{crisis.topics.map((topic) => topic.name).join(', ') || '—'}</dd></div>
        <div><dt>Crisis team</dt><dd>{crisis.crisisTeamSpokeName ?? 'No spoke'}</dd></div>
        <div><dt>Effects</dt><dd><EffectsBadges crisis={crisis} /></dd></div>
      </dl>
      <RoomControls crisis={crisis} mayRun={access.runs} />

      <section className="section" aria-labelledby="crisis-volume">
        <h2 id="crisis-volume">Volume and sentiment</h2>
        <VolumeChart crisisId={crisis.id} />
      </section>
      <div className="crisis-room__columns">
        <section className="section" aria-labelledby="crisis-timeline">
          <h2 id="crisis-timeline">Timeline</h2>
          <CrisisTimeline crisisId={crisis.id} mayWrite={access.runs} />
        </section>
        <div>
          <section className="section" aria-labelledby="crisis-statements">
            <h2 id="crisis-statements">Holding statements</h2>
            <HoldingStatements crisisId={crisis.id} mayAdd={access.managesHoldingStatements} />
          </section>
          <section className="section" aria-labelledby="crisis-mentions">
            <h2 id="crisis-mentions">Recent mentions</h2>
            <RecentMentions crisisId={crisis.id} />
          </section>
        </div>
      </div>
    </div>
  );
}

export function CrisisRoomPage() {
  const { crisisId = '' } = useParams();
  const crisis = useCrisis(crisisId);
  if (crisis.isPending) return <Loading label="Opening the crisis room…" />;
  if (!crisis.data) return <ErrorState error={crisis.error} onRetry={() => void crisis.refetch()} />;
  return <Room crisis={crisis.data} />;
}
