import type { CalendarEntry } from '@interviewselect/contracts';
import { Link } from 'react-router';
import { Button } from '../../ui/button';
import { DialogClose, DialogContent } from '../../ui/dialog';
import { InterviewStatusChip } from '../interviews/interview-status';
import { formatSpan } from './zoned-time';

/** One entry opened from the calendar: what it is, a way into it, and "Move…" for those who may. */
export function EntryDialog({
  entry,
  timeZone,
  onReschedule,
}: {
  entry: CalendarEntry;
  timeZone: string;
  onReschedule: () => void;
}) {
  return (
    <DialogContent
      title={entry.title}
      description={formatSpan(entry.start, entry.end, timeZone)}
      footer={
        <>
          <DialogClose asChild>
            <Button>Close</Button>
          </DialogClose>
          {entry.canReschedule ? <Button onClick={onReschedule}>Reschedule…</Button> : null}
          <Button asChild variant="primary">
            <Link to={`/interviews/${entry.interviewId}`}>Open interview</Link>
          </Button>
        </>
      }
    >
      <dl className="calendar-entry-facts">
        <dt>Status</dt>
        <dd>
          <InterviewStatusChip status={entry.status} />
        </dd>
        <dt>Candidate</dt>
        <dd>{entry.candidateName}</dd>
        <dt>Interviewers</dt>
        <dd>{entry.panel.length > 0 ? entry.panel.map((p) => p.name).join(', ') : 'None'}</dd>
      </dl>
      {!entry.canReschedule && entry.status === 'scheduled' ? (
        <p className="calendar-entry-facts__note">
          Only its interviewers and the organisation’s admins and recruiters can move it, and only before it begins.
        </p>
      ) : null}
    </DialogContent>
  );
}
