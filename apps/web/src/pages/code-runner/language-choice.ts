import type { LanguageId, LanguageInfo } from '@interviewselect/contracts';

/** The last language picked on this device, so the scratchpad reopens in it. */
export const LANGUAGE_STORAGE_KEY = 'interviewselect.code-runner.language';

export function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be disabled (privacy settings, sandboxed iframes): the choice just isn't remembered.
    return null;
  }
}

export function storeLanguage(id: LanguageId): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, id);
  } catch {
    // As above: not remembering is fine.
  }
}

/** The stored choice when it is still installed, else Python, else the first installed language. */
export function pickInitialLanguage(
  languages: readonly LanguageInfo[],
  storedId: string | null,
): LanguageInfo | undefined {
  return languages.find((l) => l.id === storedId) ?? languages.find((l) => l.id === 'python') ?? languages[0];
}

/** Source that can be swapped for another language's example without losing anyone's work. */
export function isReplaceableSource(source: string, languages: readonly LanguageInfo[]): boolean {
  const trimmed = source.trim();
  return trimmed === '' || languages.some((l) => l.helloWorld.trim() === trimmed);
}
