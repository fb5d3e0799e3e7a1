import { NavLink } from 'react-router';

interface SubNavProps {
  /** Names the navigation for screen readers, e.g. "Listening". */
  label: string;
  /** The parts of a section, each a link relative to the section's address; `end`: current only at exactly that address (the section's own page). */
  sections: { to: string; label: string; end?: boolean }[];
}

/** The parts of one section of Herd as tabs-like links (each has its own address). */
export function SubNav({ label, sections }: SubNavProps) {
  return (
    <nav className="subnav" aria-label={label}>
      <ul>
        {sections.map((section) => (
          <li key={section.to}><NavLink to={section.to} end={section.end}>{section.label}</NavLink></li>
        ))}
      </ul>
    </nav>
  );
}
