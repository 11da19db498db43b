import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { CurrentUser } from '@interviewselect/contracts';
import { describeError } from '../lib/describe-error';
import { useSignOut } from '../lib/session';
import { ChevronDownIcon, SettingsIcon, SignInIcon } from '../ui/icons';
import { useToast } from '../ui/toast';
import { OrgSwitcher } from './org-switcher';
import './account-menu.css';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/**
 * The signed-in user's name in the top bar, opening a small disclosure with
 * Settings and Sign out. Escape or a click elsewhere closes it and focus
 * returns to the button.
 */
export function AccountMenu({ user }: { user: CurrentUser }) {
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const { toast } = useToast();
  const signOut = useSignOut();

  useEffect(() => {
    if (!isOpen) return;
    function onPointer(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    }
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);

  function handleSignOut() {
    signOut.mutate(undefined, {
      onSuccess: () => {
        setIsOpen(false);
        toast({ title: 'Signed out', tone: 'success' });
      },
      onError: (error) => toast({ title: "Couldn't sign out", description: describeError(error), tone: 'error' }),
    });
  }

  return (
    <div className="account-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="account-menu__button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="account-menu__avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="account-menu__name">{user.name}</span>
        <span className="visually-hidden">, account menu</span>
        <ChevronDownIcon width={16} height={16} />
      </button>
      <div id={panelId} className="account-menu__panel" hidden={!isOpen}>
        <div className="account-menu__who">
          <span className="account-menu__who-name">{user.name}</span>
          <span className="account-menu__who-email">{user.email}</span>
        </div>
        {/* Phones have no room for the switcher in the top bar: it lives here instead. */}
        {user.memberships.length > 0 ? (
          <div className="account-menu__org">
            <OrgSwitcher user={user} onNavigate={() => setIsOpen(false)} />
          </div>
        ) : null}
        <ul className="account-menu__list">
          <li>
            <Link to="/settings" className="account-menu__item" onClick={() => setIsOpen(false)}>
              <SettingsIcon width={16} height={16} />
              Settings
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="account-menu__item"
              onClick={handleSignOut}
              disabled={signOut.isPending}
              aria-busy={signOut.isPending || undefined}
            >
              <SignInIcon width={16} height={16} className="account-menu__sign-out-icon" />
              {signOut.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
