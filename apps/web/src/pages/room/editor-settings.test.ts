import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from './editor-settings';

describe('editor settings', () => {
  it('reads stored settings and falls back field by field', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"fontSize":18,"keymap":"vim"}')).toEqual({ fontSize: 18, keymap: 'vim' });
    expect(parseSettings('{"fontSize":3,"keymap":"emacs"}')).toEqual({
      fontSize: DEFAULT_SETTINGS.fontSize,
      keymap: 'emacs',
    });
    expect(parseSettings('not json')).toEqual(DEFAULT_SETTINGS);
  });
});
