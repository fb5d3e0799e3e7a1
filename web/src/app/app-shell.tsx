// The frame around every signed-in page: skip link, demo banner, header with the
// organization and the signed-in person, the main navigation and the page itself.
// Below 900 px the navigation folds away behind a "Menu" button.
import { useEffect, useMemo, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { SessionGrantsContext, SessionOrganizationContext, SessionPersonContext, SessionRolesContext } from '../api/session-roles.ts';
import { AvailabilityToggle, isHubAdmin, useSignOut, type Session } from '../features/auth/index.ts';
import { Button } from '../ui/button.tsx';
import { useToast } from '../ui/toast.tsx';
import { navItems } from './navigation.ts';
import { DemoBanner } from './demo-banner.tsx';

/** After moving to another page, put keyboard and screen-reader focus at its start. */
function useFocusMainOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);
  return mainRef;
}

export function AppShell({ session }: { session: Session }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useFocusMainOnNavigation();
  const signOut = useSignOut();
  const toast = useToast();
  const roles = useMemo(() => session.roles.map((grant) => grant.role), [session.roles]);
  const orgWideRoles = session.roles.filter((grant) => grant.spokeId === null).map((grant) => grant.role);
  const visibleItems = navItems.filter((item) =>
    (!item.hubAdminOnly || isHubAdmin(session)) && (!item.forRoles || item.forRoles.some((role) => roles.includes(role)))
    && (!item.forOrgWideRoles || item.forOrgWideRoles.some((role) => orgWideRoles.includes(role))));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      {session.organization.isDemo && <DemoBanner organizationName={session.organization.name} />}
      <header className="shell-header">
        <button
          type="button"
          className="shell-header__menu button button--quiet"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <span className="brand">Herd</span>
        <span className="shell-header__org">{session.organization.name}</span>
        <span className="shell-header__person" title={session.person.email}>{session.person.name}</span>
        <AvailabilityToggle status={session.person.status} />
        <Button
          variant="quiet"
          busy={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onError: (error) => toast(`Sign-out failed: ${error.message}`) })}
        >
          Sign out
        </Button>
      </header>
      <div className="shell-body">
        {/* Any click inside (on a link) closes the folded menu again. */}
        <nav id="primary-nav" className="shell-nav" aria-label="Main" data-open={menuOpen} onClick={() => setMenuOpen(false)}>
          <ul>
            {visibleItems.map((item) => (
              <li key={item.to}><NavLink to={item.to}>{item.label}</NavLink></li>
            ))}
          </ul>
        </nav>
        <main id="main" className="shell-main" ref={mainRef} tabIndex={-1}>
          <SessionPersonContext value={session.person.id}>
            <SessionRolesContext value={roles}>
              <SessionGrantsContext value={session.roles}>
                <SessionOrganizationContext value={session.organization}>
                  <Outlet />
                </SessionOrganizationContext>
              </SessionGrantsContext>
            </SessionRolesContext>
          </SessionPersonContext>
        </main>
      </div>
    </div>
  );
}
