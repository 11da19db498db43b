import type { InterviewTransition } from '@interviewselect/contracts';
import { formatDateTime } from '../../lib/format-date';
import { STATUS_LABELS } from './interview-status';

/** "Created as draft", "Scheduled", "Started"… : what the history entry did, from its states. */
export function describeTransition(t: Pick<InterviewTransition, 'from' | 'to'>): string {
  if (t.from === null) return `Created as ${STATUS_LABELS[t.to].toLowerCase()}`;
  if (t.to === 'live') return t.from === 'paused' ? 'Resumed' : 'Started';
  return STATUS_LABELS[t.to];
}

/** Who changed the status and when, oldest first. */
export function TransitionsHistory({ transitions }: { transitions: readonly InterviewTransition[] }) {
  if (transitions.length === 0) return <p className="text-muted">No changes yet.</p>;
  const ordered = transitions.toSorted((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="interviews-history">
      {ordered.map((t, index) => (
        <li key={`${t.at}-${index}`} className="interviews-history__item">
          <span className="interviews-history__what">{describeTransition(t)}</span>
          <span className="text-muted">
            by {t.actor.name} · <time dateTime={t.at}>{formatDateTime(t.at)}</time>
          </span>
          {t.reason ? <span className="interviews-history__reason">“{t.reason}”</span> : null}
        </li>
      ))}
    </ol>
  );
}
