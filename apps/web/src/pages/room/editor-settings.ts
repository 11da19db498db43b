import { useCallback, useState } from 'react';

/** Per-device editor preferences: font size and key bindings, remembered in localStorage. */
export const KEYMAP_MODES = ['standard', 'vim', 'emacs'] as const;
export type KeymapMode = (typeof KEYMAP_MODES)[number];

export const FONT_SIZES = [12, 13, 14, 15, 16, 18, 20, 24] as const;

export interface EditorSettings {
  fontSize: number;
  keymap: KeymapMode;
}

export const DEFAULT_SETTINGS: EditorSettings = { fontSize: 14, keymap: 'standard' };
export const SETTINGS_STORAGE_KEY = 'interviewselect.room.editor';

/** Stored settings, each field checked, the default where it is missing or unreadable. */
export function parseSettings(raw: string | null): EditorSettings {
  if (!raw) return DEFAULT_SETTINGS;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof EditorSettings, unknown>>;
    const fontSize = FONT_SIZES.find((size) => size === value.fontSize) ?? DEFAULT_SETTINGS.fontSize;
    const keymap = KEYMAP_MODES.find((mode) => mode === value.keymap) ?? DEFAULT_SETTINGS.keymap;
    return { fontSize, keymap };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function readSettings(): EditorSettings {
  try {
    return parseSettings(window.localStorage.getItem(SETTINGS_STORAGE_KEY));
  } catch {
    // Storage can be disabled; the defaults then apply for this visit.
    return DEFAULT_SETTINGS;
  }
}

export function useEditorSettings(): [EditorSettings, (change: Partial<EditorSettings>) => void] {
  const [settings, setSettings] = useState(readSettings);
  const change = useCallback((patch: Partial<EditorSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...patch };
      try {
        window.localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Not remembered; still applied.
      }
      return next;
    });
  }, []);
  return [settings, change];
}
