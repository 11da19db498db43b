import { useEffect, useState } from 'react';

/**
 * A text input that commits to the URL after the user pauses typing. The
 * committed value (from the URL) wins when it changes from outside — back
 * button, "Clear filters" — unless it already equals what is typed.
 */
export function useDebouncedCommit(committed: string, commit: (value: string) => void, delayMs = 300) {
  const [text, setText] = useState(committed);
  const [seen, setSeen] = useState(committed);
  if (committed !== seen) {
    setSeen(committed);
    if (normalise(text) !== committed) setText(committed);
  }
  useEffect(() => {
    const value = normalise(text);
    if (value === committed) return;
    const timer = setTimeout(() => commit(value), delayMs);
    return () => clearTimeout(timer);
    // Only typing schedules a commit; a new `commit` function each render must not restart the wait.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, committed, delayMs]);
  return { text, setText, flush: () => commit(normalise(text)) };
}

const normalise = (value: string) => value.trim();
