import { useId, type ComponentType, type SVGProps } from 'react';
import { THEME_PREFERENCES, useThemePreference, type ThemePreference } from '../lib/theme';
import { MonitorIcon, MoonIcon, SunIcon } from '../ui/icons';
import './theme-toggle.css';

const OPTIONS: Record<ThemePreference, { label: string; Icon: ComponentType<SVGProps<SVGSVGElement>> }> = {
  light: { label: 'Light', Icon: SunIcon },
  dark: { label: 'Dark', Icon: MoonIcon },
  system: { label: 'System', Icon: MonitorIcon },
};

function nextPreference(current: ThemePreference): ThemePreference {
  const index = THEME_PREFERENCES.indexOf(current);
  return THEME_PREFERENCES[(index + 1) % THEME_PREFERENCES.length] ?? 'system';
}

/**
 * Wide screens get a segmented control of native radio buttons: Tab reaches
 * the group once, arrow keys move between options, and screen readers hear
 * "Theme, Dark, 2 of 3". A phone's top bar has no room for three buttons, so
 * there a single button cycles through the same options (CSS shows one or
 * the other; display: none keeps the hidden one out of the tab order).
 */
export function ThemeToggle() {
  const [preference, setPreference] = useThemePreference();
  const name = useId();
  const current = OPTIONS[preference];
  const next = nextPreference(preference);
  return (
    <>
      <fieldset className="theme-toggle">
        <legend className="visually-hidden">Theme</legend>
        {THEME_PREFERENCES.map((value) => {
          const { label, Icon } = OPTIONS[value];
          return (
            <label key={value} className="theme-toggle__option" title={`${label} theme`}>
              <input
                type="radio"
                name={name}
                value={value}
                checked={preference === value}
                onChange={() => setPreference(value)}
                className="theme-toggle__input"
              />
              <Icon width={16} height={16} />
              <span className="visually-hidden">{label}</span>
            </label>
          );
        })}
      </fieldset>
      <button
        type="button"
        className="theme-toggle-compact"
        onClick={() => setPreference(next)}
        aria-label={`Theme: ${current.label}. Switch to ${OPTIONS[next].label}`}
      >
        <current.Icon width={18} height={18} />
      </button>
    </>
  );
}
