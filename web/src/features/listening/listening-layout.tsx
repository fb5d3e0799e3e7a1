import { Outlet } from 'react-router';
import { SubNav } from '../../ui/sub-nav.tsx';

const sections = [
  { to: 'sources', label: 'Sources' },
  { to: 'topics', label: 'Topics' },
  { to: 'mentions', label: 'Mentions' },
];

/** The three parts of listening as links (each has its own address), above the current one. */
export function ListeningLayout() {
  return (
    <>
      <SubNav label="Listening" sections={sections} />
      <Outlet />
    </>
  );
}
