import { useState } from 'react';

const DAY = 86_400_000;

/** A seven-day window starting today (the viewer's clock), moved a week at a time, never into the past. */
export function useWeek(days = 7) {
  const [offset, setOffset] = useState(0);
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const from = new Date(today.getTime() + offset * days * DAY);
  const to = new Date(from.getTime() + days * DAY);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    isFirst: offset === 0,
    next: () => setOffset((o) => o + 1),
    previous: () => setOffset((o) => Math.max(0, o - 1)),
  };
}
