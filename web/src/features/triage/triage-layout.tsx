import { Outlet } from 'react-router';
import { SubNav } from '../../ui/sub-nav.tsx';

const sections = [{ to: 'categories', label: 'Categories' }];

/** The parts of triage as links above the current one; more join Categories as triage grows. */
export function TriageLayout() {
  return (
    <>
      <SubNav label="Triage" sections={sections} />
      <Outlet />
    </>
  );
}
