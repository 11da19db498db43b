import clsx from 'clsx';
import type { RoomPerson } from './presence';
import { initialsOf } from './participant-colors';

const ROLE_LABELS = { interviewer: 'Interviewer', candidate: 'Candidate', observer: 'Observer' } as const;

export interface ParticipantsPanelProps {
  people: readonly RoomPerson[];
  /** The participant whose cursor the editor follows, or null. */
  followingId: string | null;
  onFollow: (participantId: string | null) => void;
}

/** Who is in the room, connected or not, with "Follow" to keep someone's cursor in view. */
export function ParticipantsPanel({ people, followingId, onFollow }: ParticipantsPanelProps) {
  return (
    <section className="room-people" aria-label="Participants">
      <h2 className="room-section-title">Participants</h2>
      <ul className="room-people__list">
        {people.map((person) => {
          const isFollowing = followingId === person.id;
          return (
            <li key={person.id} className="room-people__item">
              <span
                className={clsx(
                  'room-avatar',
                  `room-avatar--c${person.colorIndex}`,
                  !person.isOnline && 'room-avatar--away',
                )}
                aria-hidden="true"
              >
                {initialsOf(person.label)}
                <span className={clsx('room-avatar__dot', person.isOnline && 'room-avatar__dot--online')} />
              </span>
              <span className="room-people__name">
                {person.label}
                {person.isMe ? ' (you)' : ''}
                <span className="room-people__meta">
                  {ROLE_LABELS[person.role]} · {person.isOnline ? 'connected' : 'not connected'}
                </span>
              </span>
              {!person.isMe && person.isOnline ? (
                <button
                  type="button"
                  className={clsx('room-people__follow', isFollowing && 'room-people__follow--on')}
                  aria-pressed={isFollowing}
                  onClick={() => onFollow(isFollowing ? null : person.id)}
                >
                  {isFollowing ? 'Following' : 'Follow'}
                  <span className="visually-hidden"> {person.label}'s cursor</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
