import { Outlet } from 'react-router';
import { SubNav } from '../../ui/sub-nav.tsx';
import { advocacySections } from './advocacy-sections.ts';
import { useAdvocacyAccess } from './use-advocacy-access.ts';

/** The parts of advocacy the person may use, as links (each has its own address), above the current one. */
export function AdvocacyLayout() {
  const access = useAdvocacyAccess();
  const sections = advocacySections
    .filter((section) => !section.visible || section.visible(access))
    .map((section) => ({ to: `/advocacy${section.to ? `/${section.to}` : ''}`, label: section.label, end: section.to === '' }));
  return (
    <>
      <SubNav label="Advocacy" sections={sections} />
      <Outlet />
    </>
  );
}
