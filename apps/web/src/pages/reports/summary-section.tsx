/** The report's Summary: the deterministic part (always) and the narrative (AI-generated or written by a person). */
import {
  ReportNarrativeSchema,
  type InterviewReport,
  type ReportNarrative,
  type ReportParticipantActivity,
  type ReportSummary,
} from '@interviewselect/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiSend } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { reportKeys } from './reports-api';

const narrativePath = (interviewId: string) => `/api/v1/interviews/${encodeURIComponent(interviewId)}/report/narrative`;

export const narrativeApi = {
  save: (interviewId: string, text: string) =>
    apiSend('PUT', narrativePath(interviewId), { text }, ReportNarrativeSchema),
  generate: (interviewId: string) =>
    apiSend('POST', `${narrativePath(interviewId)}/generate`, {}, ReportNarrativeSchema),
};

/** A duration in seconds as “1 h 05 min”, “12 min 30 s” or “45 s”. */
export function formatSeconds(total: number): string {
  const s = Math.abs(total);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min${sec ? ` ${sec} s` : ''}`;
  return `${sec} s`;
}

/** An offset from the start as “+12:05”. */
export function formatOffset(offset: number): string {
  const s = Math.abs(offset);
  return `${offset < 0 ? '−' : '+'}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const tally = (t: { passed: number; total: number } | null) => (t ? `${t.passed}/${t.total}` : '—');

function QuestionsTable({ summary }: { summary: ReportSummary }) {
  if (summary.questions.length === 0) return null;
  return (
    <div className="report-table-wrap">
      <table className="report-table report-summary__questions">
        <caption className="visually-hidden">Time and tests per question</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Time</th>
            <th scope="col">Runs until first all-pass</th>
            <th scope="col">Tests (best / last)</th>
          </tr>
        </thead>
        <tbody>
          {summary.questions.map((q) => (
            <tr key={q.position}>
              <th scope="row">
                {q.position}. {q.title}
              </th>
              {q.kind === 'free_form' ? (
                <>
                  <td className="text-muted">Not measured (free-form)</td>
                  <td className="text-muted">—</td>
                  <td className="text-muted">—</td>
                </>
              ) : (
                <>
                  <td>
                    {q.seconds === null ? '—' : formatSeconds(q.seconds)}
                    {q.toEnd ? <span className="text-muted"> to the end</span> : null}
                  </td>
                  <td>
                    {q.runsUntilFirstAllPass !== null ? (
                      q.runsUntilFirstAllPass
                    ) : (
                      <span className="text-muted">
                        Never all passed ({q.runs} run{q.runs === 1 ? '' : 's'})
                      </span>
                    )}
                  </td>
                  <td>
                    {tally(q.best)} / {tally(q.last)}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Edits per minute as a small bar sparkline, with the same numbers in words for assistive technology. */
export function Sparkline({ activity }: { activity: ReportParticipantActivity }) {
  const values = activity.perMinute;
  const max = Math.max(1, ...values);
  const width = Math.max(60, values.length * 3);
  const height = 24;
  const busiest = values.indexOf(Math.max(...values));
  const description = `${activity.label}: ${activity.updates} edits over ${values.length} minutes, active in ${activity.activeMinutes}${
    activity.updates > 0 ? `; busiest minute ${busiest + 1} with ${values[busiest]} edits` : ''
  }.`;
  return (
    <svg
      className="report-sparkline"
      role="img"
      aria-label={description}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      preserveAspectRatio="none"
    >
      <title>{description}</title>
      <line x1={0} y1={height - 0.5} x2={width} y2={height - 0.5} className="report-sparkline__axis" />
      {values.map((v, i) =>
        v > 0 ? (
          <rect
            key={i}
            x={i * 3}
            y={height - Math.max(2, (v / max) * height)}
            width={2}
            height={Math.max(2, (v / max) * height)}
            className="report-sparkline__bar"
          />
        ) : null,
      )}
    </svg>
  );
}

function ActivityTable({ summary }: { summary: ReportSummary }) {
  const { participants, idleThresholdMinutes } = summary.activity;
  if (participants.length === 0)
    return <p className="text-muted">No edits to the shared editor were recorded while the interview was live.</p>;
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption className="visually-hidden">Typing and idle profile</caption>
        <thead>
          <tr>
            <th scope="col">Participant</th>
            <th scope="col">Active minutes</th>
            <th scope="col">Idle stretches (≥ {idleThresholdMinutes} min)</th>
            <th scope="col">Edits per minute</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td>{p.activeMinutes}</td>
              <td>
                {p.idleStretches.length === 0 ? (
                  <span className="text-muted">None</span>
                ) : (
                  p.idleStretches
                    .map((s) => `${formatOffset(s.fromOffset)}–${formatOffset(s.toOffset)} (${s.minutes} min)`)
                    .join(', ')
                )}
              </td>
              <td>
                <Sparkline activity={p} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How a narrative came to be, as a badge: only AI-made text says AI. */
export function NarrativeBadge({ narrative }: { narrative: ReportNarrative }) {
  if (narrative.source === 'human') return null;
  return (
    <Badge tone="info" className="report-ai-badge">
      {narrative.source === 'ai' ? 'AI-generated' : 'AI-generated, edited by a person'}
    </Badge>
  );
}

function NarrativeBlock({ report, readOnly }: { report: InterviewReport; readOnly: boolean }) {
  const interviewId = report.interview.id;
  const queryClient = useQueryClient();
  const textareaId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const narrative = report.narrative;
  const store = (saved: ReportNarrative) => {
    queryClient.setQueryData<InterviewReport>(reportKeys.interview(interviewId), (old) =>
      old ? { ...old, narrative: saved } : old,
    );
  };
  const save = useMutation({
    mutationFn: (text: string) => narrativeApi.save(interviewId, text),
    onSuccess: (saved) => {
      store(saved);
      setDraft(null);
    },
  });
  const generate = useMutation({
    mutationFn: () => narrativeApi.generate(interviewId),
    onSuccess: store,
  });
  const anchored = report.scorecards.access === 'submit_own_first';
  if (anchored) {
    return <p className="text-muted">The narrative appears once you have submitted your scorecard.</p>;
  }
  const canGenerate = report.aiAvailable && report.interview.startedAt !== null;

  if (draft !== null) {
    return (
      <form
        className="report-narrative__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) save.mutate(draft);
        }}
      >
        <label htmlFor={textareaId}>Narrative</label>
        <textarea
          id={textareaId}
          className="report-narrative__textarea"
          rows={8}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-describedby={save.isError ? `${textareaId}-error` : undefined}
        />
        {save.isError ? (
          <Alert title="Couldn't save the narrative">
            <span id={`${textareaId}-error`}>{describeError(save.error)}</span>
          </Alert>
        ) : null}
        <div className="report-narrative__actions">
          <Button type="submit" variant="primary" isLoading={save.isPending} disabled={!draft.trim()}>
            {save.isPending ? 'Saving…' : 'Save narrative'}
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(null);
              save.reset();
            }}
            disabled={save.isPending}
          >
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="report-narrative">
      {narrative ? (
        <>
          <p className="report-narrative__meta">
            <NarrativeBadge narrative={narrative} />
            {narrative.source === 'human' ? (
              <span className="text-muted">Written by {narrative.updatedBy ?? 'a team member'}</span>
            ) : narrative.model ? (
              <span className="text-muted">Model: {narrative.model}</span>
            ) : null}
          </p>
          <div className="report-narrative__text">
            {narrative.text.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </>
      ) : (
        <p className="text-muted">No narrative yet.</p>
      )}
      {readOnly ? null : narrativeActions()}
    </div>
  );

  function narrativeActions() {
    return (
      <>
        {generate.isPending ? (
          <p role="status" className="text-muted">
            Generating the narrative… this can take up to a minute.
          </p>
        ) : null}
        {generate.isError ? (
          <Alert title="Couldn't generate the narrative">{describeError(generate.error)}</Alert>
        ) : null}
        <div className="report-narrative__actions">
          <Button onClick={() => setDraft(narrative?.text ?? '')} disabled={generate.isPending}>
            {narrative ? 'Edit narrative' : 'Write a narrative'}
          </Button>
          {canGenerate ? (
            <Button variant="ghost" onClick={() => generate.mutate()} isLoading={generate.isPending}>
              {narrative ? 'Regenerate with AI' : 'Generate with AI'}
            </Button>
          ) : null}
        </div>
      </>
    );
  }
}

/** The report's summary; `readOnly` (a shared copy) shows the narrative without the edit and AI actions. */
export function SummarySection({ report, readOnly = false }: { report: InterviewReport; readOnly?: boolean }) {
  const { summary } = report;
  const headingId = useId();
  return (
    <Card title="Summary" aria-label="Summary" className="report-section report-summary">
      {summary.from ? (
        <p className="text-muted">
          Computed from the interview&apos;s runs and edit log over {summary.minutes} min from the start (paused time
          included).
        </p>
      ) : (
        <p className="text-muted">The interview never started: nothing was measured.</p>
      )}
      <QuestionsTable summary={summary} />
      <h3 className="report-summary__heading">Typing and idle profile</h3>
      <ActivityTable summary={summary} />
      <h3 className="report-summary__heading" id={headingId}>
        Key moments
      </h3>
      {summary.keyMoments.length ? (
        <ol className="report-moments" aria-labelledby={headingId}>
          {summary.keyMoments.map((m, i) => (
            <li key={i}>
              <span className="report-moments__offset">{formatOffset(m.offset)}</span> {m.text}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-muted">No key moments.</p>
      )}
      <h3 className="report-summary__heading">Narrative</h3>
      <NarrativeBlock report={report} readOnly={readOnly} />
    </Card>
  );
}
