import type { Slot } from '@interviewselect/contracts';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { formatSlot, groupSlotsByDay } from './slot-days';

/** Free slots grouped by day in the viewer's zone; each is a toggle button (keyboard: Tab, Enter/Space). */
export function SlotPicker({
  slots,
  timeZone,
  selected,
  onSelect,
  emptyHint,
}: {
  slots: readonly Slot[];
  timeZone: string;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  emptyHint: string;
}) {
  if (slots.length === 0) return <EmptyState title="No free slots" description={emptyHint} />;
  return (
    <div className="scheduling-days">
      {groupSlotsByDay(slots, timeZone).map((day) => (
        <section key={day.date} aria-label={day.label}>
          <h3 className="scheduling-day__label">{day.label}</h3>
          <ul className="scheduling-slots">
            {day.slots.map((slot) => {
              const isSelected = selected?.start === slot.start;
              return (
                <li key={slot.start}>
                  <Button
                    size="sm"
                    variant={isSelected ? 'primary' : 'secondary'}
                    aria-pressed={isSelected}
                    aria-label={formatSlot(slot, timeZone)}
                    onClick={() => onSelect(slot)}
                  >
                    {slot.time}
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
