import type { Slot } from '@interviewselect/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { alternativesOf } from '../../lib/slot-conflict';
import { formatSlot } from './slot-days';

/**
 * Confirms the picked slot (with a reason when moving a booked interview) and
 * shows why a booking was refused, offering the free alternatives the server sent.
 */
export function BookPanel({
  selected,
  timeZone,
  isRescheduling,
  isPending,
  error,
  onBook,
  onPick,
}: {
  selected: Slot | null;
  timeZone: string;
  isRescheduling: boolean;
  isPending: boolean;
  error: unknown;
  onBook: (slot: Slot, reason: string | undefined) => void;
  onPick: (slot: Slot) => void;
}) {
  const [reason, setReason] = useState('');
  const alternatives = alternativesOf(error);
  const needsReason = isRescheduling && reason.trim() === '';
  return (
    <div className="interviews-stack">
      {error ? (
        <Alert title="That time could not be booked">
          <p>{describeError(error)}</p>
          {alternatives.length > 0 ? (
            <>
              <p>These times are free:</p>
              <ul className="scheduling-slots">
                {alternatives.map((slot) => (
                  <li key={slot.start}>
                    <Button size="sm" onClick={() => onPick(slot)}>
                      {formatSlot(slot, timeZone)}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Alert>
      ) : null}
      {selected ? (
        <form
          className="scheduling-toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            if (!needsReason) onBook(selected, isRescheduling ? reason.trim() : undefined);
          }}
        >
          <p aria-live="polite">
            <strong>Selected:</strong> {formatSlot(selected, timeZone)}
          </p>
          {isRescheduling ? (
            <TextField
              label="Why is it moved?"
              required
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          ) : null}
          <Button type="submit" variant="primary" isLoading={isPending} disabled={needsReason}>
            {isRescheduling ? 'Move to this time' : 'Book this time'}
          </Button>
        </form>
      ) : (
        <p className="text-muted">Pick a time above.</p>
      )}
    </div>
  );
}
