import type { InterviewStatus } from '@interviewselect/contracts';
import clsx from 'clsx';
import { useState } from 'react';
import { Link } from 'react-router';
import { BrandMark } from '../../app/brand-mark';
import { Button } from '../../ui/button';
import { Dialog, DialogClose, DialogContent } from '../../ui/dialog';
import { StatusChip } from '../../ui/status-chip';
import { initialsOf } from './participant-colors';
import type { RoomPerson } from './presence';
import { ACTION_LABELS, statusPresentation, type RoomAction } from './room-rules';
import { RoomTimerDisplay } from './room-timer-display';
import type { TimerState } from './room-timer';

export interface RoomTopBarProps {
  title: string;
  status: InterviewStatus;
  timer: TimerState | null;
  plannedMs: number;
  isRecording: boolean;
  people: readonly RoomPerson[];
  actions: readonly RoomAction[];
  pendingAction: RoomAction | null;
  onAction: (action: RoomAction) => void;
}

const MAX_AVATARS = 5;

/** Title, status, shared timer, who is here, and (for interviewers) the lifecycle buttons. */
export function RoomTopBar(props: RoomTopBarProps) {
  const { title, status, timer, plannedMs, isRecording, people, actions, pendingAction, onAction } = props;
  const [isEndOpen, setIsEndOpen] = useState(false);
  const chip = statusPresentation(status);
  return (
    <header className="room-top-bar">
      <Link to="/" className="room-top-bar__home" aria-label="InterviewSelect home">
        <BrandMark />
      </Link>
      <h1 className="room-top-bar__title">{title}</h1>
      <StatusChip tone={chip.tone} className="room-top-bar__status">
        <span className="visually-hidden">Status: </span>
        {chip.label}
      </StatusChip>
      {isRecording ? (
        <span className="room-top-bar__recording">
          <span className="room-top-bar__recording-dot" aria-hidden="true" />
          Recording
        </span>
      ) : null}
      <RoomTimerDisplay timer={timer} plannedMs={plannedMs} />
      <Avatars people={people} />
      {actions.length > 0 ? (
        <div className="room-top-bar__actions" role="group" aria-label="Interview">
          {actions.map((action) =>
            action === 'end' ? (
              <Button
                key={action}
                size="sm"
                variant="danger"
                onClick={() => setIsEndOpen(true)}
                isLoading={pendingAction === 'end'}
                disabled={pendingAction !== null}
              >
                End
              </Button>
            ) : (
              <Button
                key={action}
                size="sm"
                variant={action === 'start' || action === 'resume' ? 'primary' : 'secondary'}
                onClick={() => onAction(action)}
                isLoading={pendingAction === action}
                disabled={pendingAction !== null}
              >
                {ACTION_LABELS[action]}
              </Button>
            ),
          )}
        </div>
      ) : null}
      <Dialog open={isEndOpen} onOpenChange={setIsEndOpen}>
        <DialogContent
          title="End the interview?"
          description="The candidate's editor turns read-only and the scorecards open. This can't be undone."
          footer={
            <>
              <DialogClose asChild>
                <Button variant="secondary">Keep going</Button>
              </DialogClose>
              <Button
                variant="danger"
                onClick={() => {
                  setIsEndOpen(false);
                  onAction('end');
                }}
              >
                End interview
              </Button>
            </>
          }
        />
      </Dialog>
    </header>
  );
}

function Avatars({ people }: { people: readonly RoomPerson[] }) {
  const shown = people.slice(0, MAX_AVATARS);
  const hidden = people.length - shown.length;
  return (
    <ul className="room-avatars" aria-label="People in this interview">
      {shown.map((person) => {
        const description = `${person.label}${person.isMe ? ' (you)' : ''}, ${person.isOnline ? 'connected' : 'not connected'}`;
        return (
          <li
            key={person.id}
            className={clsx(
              'room-avatar',
              `room-avatar--c${person.colorIndex}`,
              !person.isOnline && 'room-avatar--away',
            )}
            title={description}
          >
            <span aria-hidden="true">{initialsOf(person.label)}</span>
            <span
              className={clsx('room-avatar__dot', person.isOnline && 'room-avatar__dot--online')}
              aria-hidden="true"
            />
            <span className="visually-hidden">{description}</span>
          </li>
        );
      })}
      {hidden > 0 ? (
        <li className="room-avatar room-avatar--more">
          +{hidden}
          <span className="visually-hidden"> more</span>
        </li>
      ) : null}
    </ul>
  );
}
