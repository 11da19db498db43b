import { NavLink } from 'react-router';
import { useHasDevMailbox } from '../lib/dev-mailbox';
import { useSession } from '../lib/session';
import { ExternalIcon } from '../ui/icons';
import { navItemsFor } from './nav-items';

/** The primary navigation links, shared by the desktop sidebar and the phone drawer. */
export function NavList({ onNavigate }: { onNavigate?: () => void }) {
  const { user } = useSession();
  const hasDevMailbox = useHasDevMailbox();
  return (
    <ul className="nav-list">
      {navItemsFor({ user, hasDevMailbox }).map((item) => (
        <li key={item.label}>
          {item.kind === 'route' ? (
            <NavLink to={item.to} end={item.end ?? false} className="nav-list__link" onClick={onNavigate}>
              <item.icon className="nav-list__icon" />
              {item.label}
            </NavLink>
          ) : (
            <a href={item.href} className="nav-list__link">
              <item.icon className="nav-list__icon" />
              {item.label}
              <ExternalIcon className="nav-list__trailing" width={14} height={14} />
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
