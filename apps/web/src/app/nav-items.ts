import type { CurrentUser } from '@interviewselect/contracts';
import type { ComponentType, SVGProps } from 'react';
import {
  ActivityIcon,
  BookIcon,
  CalendarIcon,
  CodeIcon,
  HomeIcon,
  LibraryIcon,
  MailIcon,
  ScorecardIcon,
  SettingsIcon,
  SignInIcon,
  UserPlusIcon,
  UsersIcon,
} from '../ui/icons';

type NavIcon = ComponentType<Omit<SVGProps<SVGSVGElement>, 'children'>>;

export type NavItem =
  /** A client-side route rendered by this app. */
  | { kind: 'route'; label: string; to: string; icon: NavIcon; end?: boolean }
  /** A page the server renders (API docs): a full page load, not an SPA route. */
  | { kind: 'document'; label: string; href: string; icon: NavIcon };

export interface NavContext {
  user: CurrentUser | null;
  /** The server serves /api/v1/dev/mailbox (embedded dev mode only). */
  hasDevMailbox: boolean;
}

const HOME: NavItem = { kind: 'route', label: 'Home', to: '/', icon: HomeIcon, end: true };
const SIGN_IN: NavItem = { kind: 'route', label: 'Sign in', to: '/sign-in', icon: SignInIcon };
const SIGN_UP: NavItem = { kind: 'route', label: 'Create account', to: '/sign-up', icon: UserPlusIcon };
const SETTINGS: NavItem = { kind: 'route', label: 'Settings', to: '/settings', icon: SettingsIcon };
const RUN_CODE: NavItem = { kind: 'route', label: 'Run code', to: '/run', icon: CodeIcon };
const MY_INTERVIEWS: NavItem = { kind: 'route', label: 'My interviews', to: '/me/interviews', icon: ScorecardIcon };
const INTERVIEWS: NavItem = { kind: 'route', label: 'Interviews', to: '/interviews', icon: CalendarIcon };
const CALENDAR: NavItem = { kind: 'route', label: 'Calendar', to: '/calendar', icon: CalendarIcon };
const QUESTIONS: NavItem = { kind: 'route', label: 'Question bank', to: '/questions', icon: LibraryIcon };
const ORGS: NavItem = { kind: 'route', label: 'Organisations', to: '/orgs', icon: UsersIcon };
const ADMIN_USERS: NavItem = { kind: 'route', label: 'Users', to: '/admin/users', icon: UsersIcon };
const ADMIN_AUDIT: NavItem = { kind: 'route', label: 'Audit log', to: '/admin/audit', icon: LibraryIcon };
const SYSTEM: NavItem = { kind: 'route', label: 'System status', to: '/system', icon: ActivityIcon };
const MAILBOX: NavItem = { kind: 'route', label: 'Dev mailbox', to: '/dev/mailbox', icon: MailIcon };
const API_DOCS: NavItem = { kind: 'document', label: 'API reference', href: '/api/docs', icon: BookIcon };

/** The primary navigation for who is looking, in order. A new section is one line here plus its route. */
export function navItemsFor({ user, hasDevMailbox }: NavContext): readonly NavItem[] {
  const items: NavItem[] = user ? [HOME, MY_INTERVIEWS, RUN_CODE, ORGS, SETTINGS] : [HOME, SIGN_IN, SIGN_UP];
  // Interviews belong to an organisation: the list is for its members.
  if (user && user.memberships.length > 0) items.splice(1, 0, INTERVIEWS, CALENDAR, QUESTIONS);
  if (user?.platformRole === 'admin') items.push(ADMIN_USERS, ADMIN_AUDIT, SYSTEM);
  if (hasDevMailbox) items.push(MAILBOX);
  items.push(API_DOCS);
  return items;
}
