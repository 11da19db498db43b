import type { Interview, InterviewOptions } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../lib/format-date';
import { executionKeys, executionsApi } from '../code-runner/executions-api';
import { formatDuration } from './interview-status';

const OPTION_NAMES: Record<keyof InterviewOptions, string> = {
  anonymous: 'Anonymous mode',
  recordingAllowed: 'Recording allowed',
  integritySignals: 'Integrity signals',
};

function When({ iso, empty }: { iso: string | null; empty: string }) {
  return iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <span className="text-muted">{empty}</span>;
}

/** The interview's facts as a definition list. */
export function InterviewSummary({ interview }: { interview: Interview }) {
  const languages = useQuery({
    queryKey: executionKeys.languages,
    queryFn: ({ signal }) => executionsApi.languages(signal),
    staleTime: 5 * 60_000,
  });
  const language = languages.data?.languages.find((l) => l.id === interview.defaultLanguage);
  const options = (Object.keys(OPTION_NAMES) as (keyof InterviewOptions)[]).filter((k) => interview.options[k]);
  return (
    <dl className="interviews-facts">
      <dt>Candidate</dt>
      <dd>
        {interview.candidate.name} <span className="text-muted">{interview.candidate.email}</span>
      </dd>
      <dt>Interviewers</dt>
      <dd>{interview.interviewers.map((i) => i.name).join(', ') || <span className="text-muted">None</span>}</dd>
      <dt>Planned start</dt>
      <dd>
        <When iso={interview.plannedStart} empty="Not planned yet" />
      </dd>
      <dt>Duration</dt>
      <dd>{formatDuration(interview.durationMinutes)}</dd>
      <dt>Language</dt>
      <dd>{language?.name ?? interview.defaultLanguage}</dd>
      <dt>Options</dt>
      <dd>
        {options.length > 0 ? options.map((k) => OPTION_NAMES[k]).join(', ') : <span className="text-muted">None</span>}
      </dd>
      {interview.startedAt ? (
        <>
          <dt>Started</dt>
          <dd>
            <When iso={interview.startedAt} empty="" />
          </dd>
        </>
      ) : null}
      {interview.endedAt ? (
        <>
          <dt>Ended</dt>
          <dd>
            <When iso={interview.endedAt} empty="" />
          </dd>
        </>
      ) : null}
      <dt>Created</dt>
      <dd>
        by {interview.createdBy.name}, <When iso={interview.createdAt} empty="" />
      </dd>
    </dl>
  );
}

/** The questions as the room will show them; interviewer notes are marked as such. */
export function QuestionsList({ interview }: { interview: Interview }) {
  if (interview.questions.length === 0) {
    return (
      <p className="text-muted">
        No questions.{interview.can.edit ? ' Edit the interview to add the problems you plan to ask.' : ''}
      </p>
    );
  }
  return (
    <ol className="interviews-questions">
      {interview.questions
        .toSorted((a, b) => a.position - b.position)
        .map((q) => (
          <li key={q.id} className="interviews-question interviews-question--read">
            <h3 className="interviews-question__title">{q.title}</h3>
            {q.prompt ? <p className="interviews-prose">{q.prompt}</p> : <p className="text-muted">No prompt.</p>}
            {q.interviewerNotes ? (
              <div className="interviews-notes">
                <p className="interviews-notes__label">Interviewer notes · only interviewers see these</p>
                <p className="interviews-prose">{q.interviewerNotes}</p>
              </div>
            ) : null}
          </li>
        ))}
    </ol>
  );
}
