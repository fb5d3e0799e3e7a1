import { Outlet } from 'react-router';
import { SubNav } from '../../ui/sub-nav.tsx';

const sections = [
  { to: 'rules', label: 'Rules' },
  { to: 'sla', label: 'SLA policies' },
  { to: 'calendars', label: 'Calendars' },
  { to: 'channels', label: 'Channels' },
];

/** The parts of routing as links (each has its own address), above the current one. */
export function RoutingLayout() {
  return (
    <>
      <SubNav label="Routing" sections={sections} />
      <Outlet />
    </>
  );
}
