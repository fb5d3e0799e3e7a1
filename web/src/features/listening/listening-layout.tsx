import { NavLink, Outlet } from 'react-router';

const sections = [
  { to: 'sources', label: 'Sources' },
  { to: 'topics', label: 'Topics' },
  { to: 'mentions', label: 'Mentions' },
];

/** The three parts of listening as links (each has its own address), above the current one. */
export function ListeningLayout() {
  return (
    <>
      <nav className="subnav" aria-label="Listening">
        <ul>
          {sections.map((section) => (
            <li key={section.to}><NavLink to={section.to}>{section.label}</NavLink></li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
