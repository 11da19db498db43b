import { CALENDAR_STATUSES, statusClass, statusLabel } from './entry-status';

/** What each colour means; each entry also says its status in words. */
export function StatusLegend() {
  return (
    <ul className="calendar-legend" aria-label="Status colours">
      {CALENDAR_STATUSES.map((status) => (
        <li key={status} className="calendar-legend__item">
          <span className={`calendar-legend__swatch ${statusClass(status)}`} aria-hidden="true" />
          {statusLabel(status)}
        </li>
      ))}
    </ul>
  );
}
