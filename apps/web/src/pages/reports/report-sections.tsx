/** The parts of the interview report page (see interview-report-page.tsx). */
import {
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type ExecutionMode,
  type InterviewReport,
  type ReportRun,
  type ReportSignal,
} from '@interviewselect/contracts';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatTime } from '../../lib/format-date';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { CodeBlock } from '../../ui/code-highlight';
import { Markdown } from '../../ui/markdown';
import { StatusChip } from '../../ui/status-chip';
import { VerdictBadge } from '../code-runner/verdict-badge';
import { formatDuration, InterviewStatusChip } from '../interviews/interview-status';
import { CATEGORY_LABELS, DIFFICULTY_LABELS, languageName } from '../questions/problem-labels';
import { SummarySection } from './summary-section';
import { recommendationTone } from '../scorecards/recommendation';
import { ConsolidatedView } from '../scorecards/consolidated-view';
import { ScorecardView } from '../scorecards/scorecard-view';
import { reportsApi } from './reports-api';

type Report = InterviewReport;

function Section({ title, headerEnd, children }: { title: string; headerEnd?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} headerEnd={headerEnd} aria-label={title} className="report-section">
      {children}
    </Card>
  );
}

export function When({ iso, time = false }: { iso: string; time?: boolean }) {
  return <time dateTime={iso}>{time ? formatTime(iso) : formatDateTime(iso)}</time>;
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-muted report-empty">{children}</p>;
}

export function Overview({ interview }: { interview: Report['interview'] }) {
  return (
    <Section title="Interview">
      <dl className="report-facts">
        <dt>Candidate</dt>
        <dd>
          {interview.candidate.label}
          {interview.candidate.email ? <span className="text-muted"> {interview.candidate.email}</span> : null}
        </dd>
        <dt>Interviewers</dt>
        <dd>{interview.interviewers.map((i) => i.name).join(', ') || <span className="text-muted">None</span>}</dd>
        <dt>Status</dt>
        <dd>
          <InterviewStatusChip status={interview.status} />
        </dd>
        <dt>Planned start</dt>
        <dd>
          {interview.plannedStart ? (
            <When iso={interview.plannedStart} />
          ) : (
            <span className="text-muted">Not planned</span>
          )}
        </dd>
        <dt>Started</dt>
        <dd>
          {interview.startedAt ? <When iso={interview.startedAt} /> : <span className="text-muted">Not started</span>}
        </dd>
        <dt>Ended</dt>
        <dd>{interview.endedAt ? <When iso={interview.endedAt} /> : <span className="text-muted">Not ended</span>}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(interview.durationMinutes)}</dd>
      </dl>
      {interview.anonymous ? (
        <Alert tone="info" role="status" title="Anonymous mode" className="report-note">
          The candidate’s name and e-mail were hidden from the interviewers, so this report leaves them out too.
        </Alert>
      ) : null}
    </Section>
  );
}

export function ReportActions({ interviewId }: { interviewId: string }) {
  return (
    <div className="report-actions" role="group" aria-label="Report actions">
      <Button asChild variant="primary">
        <a href={reportsApi.downloadUrl(interviewId, 'pdf')} download>
          Download PDF
        </a>
      </Button>
      <Button asChild variant="secondary">
        <a href={reportsApi.downloadUrl(interviewId, 'json')} download>
          Download JSON
        </a>
      </Button>
      <Button variant="secondary" onClick={() => window.print()}>
        Print
      </Button>
    </div>
  );
}

export function DecisionSection({ report }: { report: Report }) {
  const { decision } = report;
  const { submitted, expected } = report.scorecards.progress;
  return (
    <Section title="Decision">
      {decision ? (
        <div className="report-decision">
          <p className="report-decision__verdict">
            <span className="text-muted">Consolidated decision: </span>
            <Badge tone={recommendationTone(decision.recommendation)}>
              {RECOMMENDATION_LABELS[decision.recommendation]}
            </Badge>
            {decision.unanimous ? <span className="report-decision__unanimous">unanimous</span> : null}
          </p>
          <p className="text-muted">
            Mean {decision.mean.toFixed(2)} on a scale from 1 (strong no hire) to 4 (strong hire)
          </p>
          <ul className="report-decision__counts" aria-label="Recommendations">
            {RECOMMENDATIONS.map((r) => (
              <li key={r}>
                {RECOMMENDATION_LABELS[r]}: {decision.counts[r]}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>
          {submitted} of {expected} scorecards submitted
          <span className="text-muted"> · the decision appears once every interviewer has submitted.</span>
        </p>
      )}
    </Section>
  );
}

export function QuestionsSection({ questions }: { questions: Report['questions'] }) {
  return (
    <Section title="Questions">
      {questions.length === 0 ? (
        <Empty>No questions were asked.</Empty>
      ) : (
        <ol className="report-list report-questions">
          {questions
            .toSorted((a, b) => a.position - b.position)
            .map((q) => (
              <li key={q.position} className="report-question">
                <h3 className="report-question__title">
                  {q.position}. {q.title}
                </h3>
                {q.difficulty || q.category ? (
                  <p className="text-muted report-question__meta">
                    {[
                      q.difficulty ? DIFFICULTY_LABELS[q.difficulty] : null,
                      q.category ? CATEGORY_LABELS[q.category] : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                ) : null}
                {q.prompt ? <Markdown source={q.prompt} headingOffset={3} /> : <Empty>No prompt.</Empty>}
              </li>
            ))}
        </ol>
      )}
    </Section>
  );
}

export function FinalCodeSection({
  finalCode,
  finalLanguage,
}: {
  finalCode: Report['finalCode'];
  finalLanguage: Report['finalLanguage'];
}) {
  // The language the editor showed last comes first: that is the code the panel saw at the end.
  const ordered = finalCode.toSorted(
    (a, b) => Number(b.language === finalLanguage) - Number(a.language === finalLanguage),
  );
  return (
    <Section title="Final code">
      {ordered.length === 0 ? (
        <Empty>No code was written.</Empty>
      ) : (
        <div className="report-code">
          {ordered.map((buffer) => (
            <div key={buffer.language} className="report-code__item">
              <h3 className="report-code__title">
                {languageName(buffer.language)}
                {buffer.language === finalLanguage ? (
                  <Badge tone="info" className="report-code__badge">
                    last shown in the editor
                  </Badge>
                ) : null}
              </h3>
              <CodeBlock
                code={buffer.code}
                lang={buffer.language}
                label={`Final ${languageName(buffer.language)} code`}
              />
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}

const MODE_LABELS: Record<ExecutionMode, string> = { run: 'Run', test: 'Test', submit: 'Submit' };
const STATUS_TEXT: Record<ReportRun['status'], string> = {
  pending: 'Pending',
  running: 'Running',
  completed: 'Finished',
  failed: 'Failed',
};

const ms = (value: number | null) => (value === null ? '—' : String(Math.round(value)));

/** A wide table scrolls inside a focusable, named region on narrow screens. */
function TableWrap({ labelId, children }: { labelId: string; children: ReactNode }) {
  return (
    <div className="report-table-wrap" role="region" aria-labelledby={labelId} tabIndex={0}>
      {children}
    </div>
  );
}

export function RunsSection({ runs }: { runs: Report['runs'] }) {
  const captionId = useId();
  return (
    <Section title="Runs">
      {runs.length === 0 ? (
        <Empty>No code was run.</Empty>
      ) : (
        <TableWrap labelId={captionId}>
          <table className="report-table">
            <caption id={captionId} className="visually-hidden">
              Code runs, oldest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">By</th>
                <th scope="col">Mode</th>
                <th scope="col">Language</th>
                <th scope="col">Verdict</th>
                <th scope="col" className="report-table__num">
                  Tests passed
                </th>
                <th scope="col" className="report-table__num">
                  Wall ms
                </th>
              </tr>
            </thead>
            {runs.map((run) => (
              <RunRows key={run.id} run={run} />
            ))}
          </table>
        </TableWrap>
      )}
    </Section>
  );
}

function RunRows({ run }: { run: ReportRun }) {
  const captionId = useId();
  const time = formatTime(run.at);
  return (
    <tbody className="report-run">
      <tr>
        <th scope="row">
          <time dateTime={run.at}>{time}</time>
        </th>
        <td>{run.by ?? <span className="text-muted">Unknown</span>}</td>
        <td>
          {MODE_LABELS[run.mode]}
          {run.questionPosition !== null ? (
            <span className="text-muted"> · question {run.questionPosition}</span>
          ) : null}
        </td>
        <td>{languageName(run.language)}</td>
        <td>
          {run.verdict ? <VerdictBadge verdict={run.verdict} /> : STATUS_TEXT[run.status]}
          {run.detail ? <span className="report-table__detail">{run.detail}</span> : null}
        </td>
        <td className="report-table__num">
          {run.testsTotal === null ? '—' : `${run.testsPassed ?? 0} / ${run.testsTotal}`}
        </td>
        <td className="report-table__num">{ms(run.wallMs)}</td>
      </tr>
      {run.tests.length > 0 ? (
        <tr className="report-run__tests-row">
          <td colSpan={7}>
            <details className="report-run__tests">
              <summary>
                {run.tests.length === 1 ? '1 test' : `${run.tests.length} tests`}
                <span className="visually-hidden"> of the run at {time}</span>
              </summary>
              <TableWrap labelId={captionId}>
                <table className="report-table report-table--nested">
                  <caption id={captionId} className="visually-hidden">
                    Tests of the run at {time}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Test</th>
                      <th scope="col">Hidden</th>
                      <th scope="col">Verdict</th>
                      <th scope="col">Detail</th>
                      <th scope="col" className="report-table__num">
                        Wall ms
                      </th>
                      <th scope="col" className="report-table__num">
                        CPU ms
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {run.tests.map((test) => (
                      <tr key={test.ordinal}>
                        <th scope="row">#{test.ordinal + 1}</th>
                        <td>{test.hidden ? 'Yes' : 'No'}</td>
                        <td>
                          <VerdictBadge verdict={test.verdict} />
                        </td>
                        <td>{test.detail ?? <span className="text-muted">—</span>}</td>
                        <td className="report-table__num">{ms(test.wallMs)}</td>
                        <td className="report-table__num">{ms(test.cpuMs)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </details>
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

const SIGNAL_LABELS: Record<ReportSignal['kind'], string> = {
  paste: 'Paste',
  blur: 'Left the room window',
  focus: 'Came back to the room window',
};

export function SignalsSection({ signals }: { signals: Report['signals'] }) {
  return (
    <Section title="Integrity signals">
      {signals === null ? (
        <Empty>Integrity signals were off for this interview.</Empty>
      ) : signals.length === 0 ? (
        <Empty>No integrity signals were recorded.</Empty>
      ) : (
        <ul className="report-list report-timeline">
          {signals.map((s, index) => (
            <li key={`${s.at}-${index}`} className="report-timeline__item">
              <When iso={s.at} time />
              <span>
                {SIGNAL_LABELS[s.kind]}
                {s.kind === 'paste' && s.chars !== null ? (
                  <span className="text-muted"> · {s.chars === 1 ? '1 character' : `${s.chars} characters`}</span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ChatSection({ chat }: { chat: Report['chat'] }) {
  return (
    <Section title="Chat transcript">
      {chat.length === 0 ? (
        <Empty>No chat messages were sent.</Empty>
      ) : (
        <ol className="report-list report-timeline">
          {chat.map((m, index) => (
            <li key={`${m.at}-${index}`} className="report-timeline__item">
              <When iso={m.at} time />
              <div>
                <strong className="report-chat__author">{m.author}</strong>
                <p className="report-chat__text">{m.text}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

export function ScorecardsSection({
  scorecards,
  interviewId,
}: {
  scorecards: Report['scorecards'];
  interviewId: string;
}) {
  const headingId = useId();
  const { submitted, expected } = scorecards.progress;
  return (
    <section className="report-scorecards" aria-labelledby={headingId}>
      <h2 id={headingId} className="report-scorecards__title">
        Scorecards
      </h2>
      <ul className="report-list report-panel" aria-label="Panel">
        {scorecards.panel.map((p) => (
          <li key={p.userId} className="scorecard-panel__item">
            <span>{p.name}</span>
            <StatusChip tone={p.status === 'submitted' ? 'success' : 'neutral'}>
              {p.status === 'submitted' ? 'Submitted' : 'Pending'}
            </StatusChip>
          </li>
        ))}
      </ul>
      <p className="text-muted">
        {scorecards.complete ? 'All scorecards are in' : `${submitted} of ${expected} submitted so far`}
      </p>
      {scorecards.access === 'submit_own_first' ? (
        <Alert tone="info" role="status" title="Submit your own scorecard to see the others’">
          Interviewers read each other’s scorecards only after submitting their own.{' '}
          <Link to={`/interviews/${interviewId}/scorecards`}>Go to the scorecards</Link>
        </Alert>
      ) : null}
      {scorecards.scorecards.length > 0 ? (
        <div className="scorecards-grid">
          {scorecards.scorecards.map((card) => (
            <ScorecardView key={card.id} card={card} headingLevel={3} />
          ))}
        </div>
      ) : scorecards.access === 'full' ? (
        <Empty>No scorecards were submitted yet.</Empty>
      ) : null}
      {scorecards.summary ? <ConsolidatedView summary={scorecards.summary} /> : null}
    </section>
  );
}

/**
 * Everything below the header and actions, in the order both report pages show
 * it; `readOnly` (a shared copy) leaves out the narrative's edit and AI actions.
 */
export function ReportBody({ report, readOnly = false }: { report: InterviewReport; readOnly?: boolean }) {
  return (
    <>
      <DecisionSection report={report} />
      <SummarySection report={report} readOnly={readOnly} />
      <QuestionsSection questions={report.questions} />
      <FinalCodeSection finalCode={report.finalCode} finalLanguage={report.finalLanguage} />
      <RunsSection runs={report.runs} />
      <SignalsSection signals={report.signals} />
      <ChatSection chat={report.chat} />
      <ScorecardsSection scorecards={report.scorecards} interviewId={report.interview.id} />
    </>
  );
}
