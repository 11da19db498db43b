import { useCallback, useSyncExternalStore } from 'react';

/**
 * Light / dark / system theme. The preference lives in localStorage and is
 * reflected as data-theme (the resolved theme) and data-theme-preference on
 * <html>. public/theme-init.js does the same before first paint; keep the key
 * and values in sync with it.
 */
export const THEME_STORAGE_KEY = 'interviewselect.theme';
export const THEME_PREFERENCES = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type Theme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function parseThemePreference(value: string | null): ThemePreference {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function resolveTheme(preference: ThemePreference, prefersDark: boolean): Theme {
  if (preference === 'system') return prefersDark ? 'dark' : 'light';
  return preference;
}

function readStoredPreference(): ThemePreference {
  try {
    return parseThemePreference(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    // Storage may be blocked (privacy settings); the system theme is the safe default.
    return 'system';
  }
}

function darkQuery(): MediaQueryList | undefined {
  return typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : undefined;
}

function applyTheme(preference: ThemePreference): void {
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(preference, darkQuery()?.matches ?? false);
  root.dataset.themePreference = preference;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed the preference, or the OS switched while we follow it.
  const onExternalChange = () => {
    applyTheme(readStoredPreference());
    listener();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY) onExternalChange();
  };
  const query = darkQuery();
  window.addEventListener('storage', onStorage);
  query?.addEventListener('change', onExternalChange);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
    query?.removeEventListener('change', onExternalChange);
  };
}

export function setThemePreference(preference: ThemePreference): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not persisted, but still applied for this page view.
  }
  applyTheme(preference);
  for (const listener of listeners) listener();
}

/** The stored preference and a setter that persists and applies it. */
export function useThemePreference(): [ThemePreference, (preference: ThemePreference) => void] {
  const preference = useSyncExternalStore(subscribe, readStoredPreference, () => 'system' as const);
  const setPreference = useCallback((next: ThemePreference) => setThemePreference(next), []);
  return [preference, setPreference];
}
