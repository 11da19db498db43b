import type { CalendarEntry, Slot } from '@interviewselect/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../lib/describe-error';
import { interviewKeys } from '../../lib/interviews-api';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DialogContent } from '../../ui/dialog';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { alternativesOf } from '../../lib/slot-conflict';
import { schedulingApi, schedulingKeys } from '../scheduling/scheduling-api';
import { calendarEntriesKeys } from './calendar-api';
import { formatSpan, fromZonedInput, toZonedInput } from './zoned-time';

export interface RescheduleDialogProps {
  entry: CalendarEntry;
  timeZone: string;
  /** Where the entry was dropped (ISO); the entry's own start when opened from the keyboard. */
  start: string;
  /** Called once: true after the move, false when given up (the calendar snaps the entry back). */
  onDone: (moved: boolean) => void;
  /** A refused move (409): the dragged entry goes back to where it is booked at once. */
  onRefused: () => void;
}

/**
 * Moving an interview, by drag or by typing a time: asks why (kept in the
 * booking history and the update e-mails) and books through the scheduling
 * service, so the panel's availability, the no-double-booking constraint,
 * e-mails, reminders and calendar sync all apply. A refusal offers free times.
 */
export function RescheduleDialog({ entry, timeZone, start, onDone, onRefused }: RescheduleDialogProps) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [when, setWhen] = useState(() => toZonedInput(start, timeZone));
  const [reason, setReason] = useState('');
  const [alternatives, setAlternatives] = useState<Slot[]>([]);
  const move = useMutation({
    mutationFn: (at: string) => schedulingApi.book(entry.interviewId, at, reason.trim()),
    onSuccess: (state) => {
      toast({
        title: 'Interview moved',
        description: state.booking ? formatSpan(state.booking.start, state.booking.end, timeZone) : '',
        tone: 'success',
      });
      onDone(true);
    },
    onError: (error) => {
      setAlternatives(alternativesOf(error));
      onRefused();
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: calendarEntriesKeys.all });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.detail(entry.interviewId) });
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.booking(entry.interviewId) });
    },
  });
  const startIso = fromZonedInput(when, timeZone);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (startIso && reason.trim() !== '') move.mutate(startIso);
  }

  return (
    <DialogContent
      title={`Move “${entry.title}”`}
      description={`Now ${formatSpan(entry.start, entry.end, timeZone)}. Everyone on the panel gets an updated invitation.`}
    >
      <form className="calendar-move" onSubmit={handleSubmit} noValidate>
        {move.isError ? (
          <Alert title="Not moved">
            <p>{describeError(move.error)}</p>
            {alternatives.length > 0 ? (
              <div className="calendar-move__alternatives">
                <p>Free times for the whole panel:</p>
                <ul>
                  {alternatives.map((slot) => (
                    <li key={slot.start}>
                      <Button size="sm" onClick={() => setWhen(toZonedInput(slot.start, timeZone))}>
                        {formatSpan(slot.start, slot.end, timeZone)}
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Alert>
        ) : null}
        <TextField
          label={`New start (${timeZone.replaceAll('_', ' ')})`}
          type="datetime-local"
          required
          step={60}
          value={when}
          error={startIso ? undefined : 'Enter a date and time.'}
          onChange={(e) => setWhen(e.target.value)}
        />
        <TextField
          label="Reason"
          hint="Kept in the interview’s history and sent with the update."
          required
          autoFocus
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="calendar-move__actions">
          <Button onClick={() => onDone(false)}>Keep the current time</Button>
          <Button
            type="submit"
            variant="primary"
            isLoading={move.isPending}
            disabled={!startIso || reason.trim() === ''}
          >
            Move interview
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
