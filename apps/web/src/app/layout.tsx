import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useSession } from '../lib/session';
import { Button } from '../ui/button';
import { Skeleton } from '../ui/skeleton';
import { AccountMenu } from './account-menu';
import { BrandMark } from './brand-mark';
import { MAIN_ID, useFocusMainOnNavigate } from './main-focus';
import { MobileNav } from './mobile-nav';
import { NavList } from './nav-list';
import { OrgSwitcher } from './org-switcher';
import { PageSkeleton } from './page-skeleton';
import { ThemeToggle } from './theme-toggle';
import './layout.css';

export function Layout() {
  useFocusMainOnNavigate();
  const session = useSession();
  return (
    <div className="app">
      <a className="skip-link" href={`#${MAIN_ID}`}>
        Skip to content
      </a>
      <header className="topbar">
        <MobileNav />
        <Link to="/" className="topbar__brand">
          <BrandMark />
          <span>InterviewSelect</span>
        </Link>
        <div className="topbar__end">
          <ThemeToggle />
          {session.user ? (
            <>
              <div className="topbar__org">
                <OrgSwitcher user={session.user} />
              </div>
              <AccountMenu user={session.user} />
            </>
          ) : session.isPending ? (
            <Skeleton width="6rem" height="2rem" />
          ) : (
            <Button asChild variant="secondary" size="sm">
              <Link to="/sign-in">Sign in</Link>
            </Button>
          )}
        </div>
      </header>
      <div className="app__body">
        <nav className="sidebar" aria-label="Primary">
          <NavList />
        </nav>
        <main id={MAIN_ID} className="app__main" tabIndex={-1}>
          <div className="app__content">
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </div>
        </main>
      </div>
    </div>
  );
}
