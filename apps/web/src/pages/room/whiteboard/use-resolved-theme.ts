import { useSyncExternalStore } from 'react';
import { resolveTheme, useThemePreference, type Theme } from '../../../lib/theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : undefined;
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

const prefersDark = () => (typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY).matches : false);

/** The theme on screen (the person's choice, or the system's while they follow it), for Excalidraw's `theme`. */
export function useResolvedTheme(): Theme {
  const [preference] = useThemePreference();
  const isSystemDark = useSyncExternalStore(subscribeToSystemTheme, prefersDark, () => false);
  return resolveTheme(preference, isSystemDark);
}
