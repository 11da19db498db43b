import type { BookingHistoryEntry } from '@interviewselect/contracts';
import { formatDateTime } from '../../lib/format-date';

const ACTION_LABELS: Record<BookingHistoryEntry['action'], string> = {
  booked: 'Booked',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
};

/** Every booking, reschedule and cancellation, oldest first, with who and why. */
export function BookingHistory({ history }: { history: readonly BookingHistoryEntry[] }) {
  if (history.length === 0) return null;
  return (
    <ol className="scheduling-history">
      {history.map((h) => (
        <li key={h.at + h.action}>
          <strong>{ACTION_LABELS[h.action]}</strong>
          {h.start ? ` for ${formatDateTime(h.start)}` : ''} by {h.actor}, {formatDateTime(h.at)}
          {h.reason ? <span className="text-muted"> — “{h.reason}”</span> : null}
        </li>
      ))}
    </ol>
  );
}
