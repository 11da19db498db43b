import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

export const MAIN_ID = 'main';

/**
 * After a client-side navigation, move focus to <main> so keyboard and screen
 * reader users start at the new content instead of the link they pressed (a
 * full page load would have done this for free). Not on first load: the
 * browser's own starting point is right there.
 */
export function useFocusMainOnNavigate(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname]);
}
