// The crisis section's frame: its parts as links, kept fresh by the live feed, and a
// plain word for people whose roles do not reach it.
import { Outlet } from 'react-router';
import { EmptyState } from '../../ui/empty-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { SubNav } from '../../ui/sub-nav.tsx';
import { useCrisisAccess } from './use-crisis-access.ts';
import { useCrisisLive } from './use-crisis-live.ts';

function LiveCrisisSection({ configures }: { configures: boolean }) {
  const { connected } = useCrisisLive();
  const sections = [
    { to: '/crisis', label: 'Radar', end: true },
    { to: '/crisis/alerts', label: 'Alerts' },
    { to: '/crisis/rooms', label: 'Crisis rooms' },
    ...(configures ? [{ to: '/crisis/settings', label: 'Settings' }] : []),
  ];
  return (
    <>
      <SubNav label="Crisis" sections={sections} />
      <p className="crisis-live muted small" data-connected={connected}>{connected ? 'Live: updates as alerts come in.' : 'Not connected to live updates; the radar still refreshes every minute.'}</p>
      <Outlet />
    </>
  );
}

export function CrisisLayout() {
  const access = useCrisisAccess();
  if (!access.watches) {
    return (
      <>
        <PageHeader title="Crisis" />
        <EmptyState title="The crisis radar is for hub admins and PR leads.">
          When a crisis room is open, its effects (replies waiting for approval, advocacy paused) show where you work.
        </EmptyState>
      </>
    );
  }
  return <LiveCrisisSection configures={access.configures} />;
}
