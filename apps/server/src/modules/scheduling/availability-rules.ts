import type { AvailabilityException, ValidationIssue, WeeklyRange } from '@interviewselect/contracts';
import { parseWallTime } from './local-time.js';

/**
 * The checks zod cannot make field by field: every range must end after it
 * starts, and ranges of the same weekday (or the same date and kind) must not
 * overlap. Returns one issue per problem, with the path of the offending entry.
 */
export function availabilityIssues(input: {
  weekly: readonly WeeklyRange[];
  exceptions: readonly AvailabilityException[];
}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, { start: number; end: number; index: number }[]>();
  const check = (key: string, path: string, index: number, start: number, end: number) => {
    if (end <= start) {
      issues.push({ path, message: 'The range must end after it starts.' });
      return;
    }
    const others = seen.get(key) ?? [];
    const clash = others.find((o) => o.start < end && start < o.end);
    if (clash) issues.push({ path, message: `This range overlaps entry ${clash.index + 1}.` });
    seen.set(key, [...others, { start, end, index }]);
  };
  input.weekly.forEach((r, i) => {
    check(`w${r.weekday}`, `body.weekly.${i}`, i, parseWallTime(r.start), parseWallTime(r.end));
  });
  input.exceptions.forEach((e, i) => {
    const path = `body.exceptions.${i}`;
    if ((e.start === null) !== (e.end === null)) {
      issues.push({ path, message: 'Give both a start and an end, or neither for the whole day.' });
      return;
    }
    const start = e.start === null ? 0 : parseWallTime(e.start);
    const end = e.end === null ? 1440 : parseWallTime(e.end);
    check(`${e.date}:${e.kind}`, path, i, start, end);
  });
  return issues;
}

/** Weekly ranges as stored: sorted by weekday and time. */
export function weeklyRows(weekly: readonly WeeklyRange[]) {
  return [...weekly]
    .map((r) => ({ weekday: r.weekday, startMinute: parseWallTime(r.start), endMinute: parseWallTime(r.end) }))
    .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
}

/** The default for an interviewer who never saved availability: Monday–Friday 09:00–17:00. */
export const DEFAULT_WEEKLY: readonly WeeklyRange[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  start: '09:00',
  end: '17:00',
}));
