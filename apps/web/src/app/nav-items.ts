import type { ComponentType, SVGProps } from 'react';
import { ActivityIcon, BookIcon, HomeIcon, SignInIcon } from '../ui/icons';

type NavIcon = ComponentType<Omit<SVGProps<SVGSVGElement>, 'children'>>;

export type NavItem =
  /** A client-side route rendered by this app. */
  | { kind: 'route'; label: string; to: string; icon: NavIcon; end?: boolean }
  /** A page the server renders (API docs): a full page load, not an SPA route. */
  | { kind: 'document'; label: string; href: string; icon: NavIcon };

/** The primary navigation, in order. Adding a section is one line here plus its route in router.tsx. */
export const NAV_ITEMS: readonly NavItem[] = [
  { kind: 'route', label: 'Home', to: '/', icon: HomeIcon, end: true },
  { kind: 'route', label: 'System status', to: '/system', icon: ActivityIcon },
  { kind: 'document', label: 'API reference', href: '/api/docs', icon: BookIcon },
  { kind: 'route', label: 'Sign in', to: '/sign-in', icon: SignInIcon },
];
