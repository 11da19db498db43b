import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { Skeleton } from '../../ui/skeleton';
import { PageHeader } from '../../ui/page-header';
import './settings.css';

export const SETTINGS_TABS = [
  { to: 'profile', label: 'Profile' },
  { to: 'password', label: 'Password' },
  { to: 'two-factor', label: 'Two-factor' },
  { to: 'sessions', label: 'Sessions' },
  { to: 'availability', label: 'Availability' },
  { to: 'calendar', label: 'Calendar' },
] as const;

/** Each section has its own URL (/settings/sessions…) so it can be linked and reloaded. */
export function SettingsPage() {
  return (
    <div className="settings-page">
      <PageHeader
        title="Settings"
        description="Your profile, password, two-factor authentication, signed-in devices and calendar subscription."
      />
      <nav className="settings-tabs" aria-label="Settings sections">
        {SETTINGS_TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} className="settings-tabs__link">
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Suspense
        fallback={
          <div aria-busy="true">
            <span className="visually-hidden" role="status">
              Loading…
            </span>
            <Skeleton shape="block" height="14rem" />
          </div>
        }
      >
        <Outlet />
      </Suspense>
    </div>
  );
}
