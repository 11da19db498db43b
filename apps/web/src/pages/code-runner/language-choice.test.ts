import { describe, expect, it } from 'vitest';
import { isReplaceableSource, pickInitialLanguage } from './language-choice';
import { languageLabel } from './language-picker';
import { C, PYTHON } from './test-fixtures';

describe('language choice', () => {
  it('prefers the stored language, then Python, then the first installed', () => {
    expect(pickInitialLanguage([C, PYTHON], 'c')).toBe(C);
    expect(pickInitialLanguage([C, PYTHON], 'cobol')).toBe(PYTHON);
    expect(pickInitialLanguage([C], null)).toBe(C);
    expect(pickInitialLanguage([], null)).toBeUndefined();
  });

  it("replaces only empty source or another language's untouched hello world", () => {
    expect(isReplaceableSource('  \n', [C, PYTHON])).toBe(true);
    expect(isReplaceableSource(C.helloWorld.trim(), [C, PYTHON])).toBe(true);
    expect(isReplaceableSource('print(1)', [C, PYTHON])).toBe(false);
  });

  it('labels a language without repeating its major version', () => {
    expect(languageLabel({ name: 'Python 3', version: '3.11.2' })).toBe('Python 3.11.2');
    expect(languageLabel({ name: 'C (GCC)', version: '12.2.0' })).toBe('C (GCC) 12.2.0');
    expect(languageLabel({ name: 'Java 21', version: '17.0.1' })).toBe('Java 21 17.0.1');
  });
});
