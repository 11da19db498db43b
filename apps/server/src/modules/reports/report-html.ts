import {
  RECOMMENDATION_LABELS,
  VERDICT_LABELS,
  type InterviewReport,
  type ReportNarrative,
  type ReportRun,
  type ReportSummary,
  type Scorecard,
} from '@interviewselect/contracts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;
const when = (iso: string | null): string => (iso ? e(iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')) : '—');
const ms = (value: number | null): string => (value === null ? '—' : `${Math.round(value)} ms`);

function section(title: string, body: string): string {
  return `<section><h2>${e(title)}</h2>${body}</section>`;
}

function table(headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function runRow(run: ReportRun): string[] {
  const verdict = run.verdict ? VERDICT_LABELS[run.verdict] : run.status;
  const tests =
    run.testsTotal !== null
      ? `${run.testsPassed ?? 0}/${run.testsTotal}` +
        (run.tests.length
          ? `<div class="tests">${run.tests
              .map(
                (t) =>
                  `#${t.ordinal + 1}${t.hidden ? ' (hidden)' : ''} ${e(VERDICT_LABELS[t.verdict])} ${ms(t.wallMs)}`,
              )
              .join(' · ')}</div>`
          : '')
      : '—';
  return [
    when(run.at),
    e(run.by ?? '—'),
    e(run.mode),
    e(run.language),
    e(verdict) + (run.detail ? ` <span class="muted">(${e(run.detail)})</span>` : ''),
    tests,
    ms(run.wallMs),
  ];
}

function scorecardHtml(card: Scorecard): string {
  const labelOf = new Map(card.template.competencies.map((c) => [c.key, c.label]));
  const ratings = card.ratings
    .map(
      (r) =>
        `<li>${e(labelOf.get(r.competencyKey) ?? r.competencyKey)}: ${r.score ?? '—'}${r.notes ? ` — ${e(r.notes)}` : ''}</li>`,
    )
    .join('');
  const questions = card.questions
    .map((q) => `<li>${e(q.title)}: ${q.score ?? '—'}${q.notes ? ` — ${e(q.notes)}` : ''}</li>`)
    .join('');
  const text = (label: string, value: string) => (value ? `<p><strong>${label}:</strong> ${e(value)}</p>` : '');
  return `<article class="card"><h3>${e(card.author.name)} — ${
    card.recommendation ? e(RECOMMENDATION_LABELS[card.recommendation]) : 'no recommendation'
  }</h3><p><strong>Ratings</strong></p><ul>${ratings}</ul>${
    questions ? `<p><strong>Questions</strong></p><ul>${questions}</ul>` : ''
  }${text('Strengths', card.strengths)}${text('Weaknesses', card.weaknesses)}${text('Notes', card.notes)}</article>`;
}

/** A duration in seconds as “1 h 05 min”, “12 min 30 s” or “45 s”. */
export function formatSeconds(total: number): string {
  const sign = total < 0 ? '−' : '';
  const s = Math.abs(total);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${sign}${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${sign}${m} min${sec ? ` ${sec} s` : ''}`;
  return `${sign}${sec} s`;
}

/** An offset from the start as “+12:05” (minutes:seconds). */
export function formatOffset(offset: number): string {
  const sign = offset < 0 ? '−' : '+';
  const s = Math.abs(offset);
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const tallyText = (t: { passed: number; total: number } | null) => (t ? `${t.passed}/${t.total}` : '—');

function summaryHtml(summary: ReportSummary): string {
  const span = summary.from
    ? `<p>Measured from the start (${when(summary.from)}) to ${when(summary.to)}: ${summary.minutes} min.</p>`
    : '<p>The interview never started: nothing was measured.</p>';
  const questions = summary.questions.length
    ? table(
        ['Question', 'Time', 'Runs until first all-pass', 'Tests (best / last)'],
        summary.questions.map((q) => [
          `${q.position}. ${e(q.title)}`,
          q.kind === 'free_form'
            ? '<span class="muted">not measured (free-form)</span>'
            : q.seconds === null
              ? '—'
              : `${formatSeconds(q.seconds)}${q.toEnd ? ' <span class="muted">(to the end, never all passed)</span>' : ''}`,
          q.kind === 'free_form'
            ? '—'
            : q.runsUntilFirstAllPass !== null
              ? String(q.runsUntilFirstAllPass)
              : `never all passed (${q.runs} run${q.runs === 1 ? '' : 's'})`,
          q.kind === 'free_form' ? '—' : `${tallyText(q.best)} / ${tallyText(q.last)}`,
        ]),
      )
    : '';
  const activity = summary.activity.participants.length
    ? table(
        ['Participant', 'Active minutes', 'Edits', `Idle stretches (≥ ${summary.activity.idleThresholdMinutes} min)`],
        summary.activity.participants.map((p) => [
          e(p.label),
          String(p.activeMinutes),
          String(p.updates),
          p.idleStretches.length
            ? p.idleStretches
                .map((i) => `${formatOffset(i.fromOffset)}–${formatOffset(i.toOffset)} (${i.minutes} min)`)
                .join(', ')
            : 'none',
        ]),
      )
    : '<p>No edits to the shared editor were recorded while the interview was live.</p>';
  const moments = summary.keyMoments.length
    ? table(
        ['From start', 'Moment'],
        summary.keyMoments.map((m) => [formatOffset(m.offset), e(m.text)]),
      )
    : '<p>No key moments.</p>';
  return `${span}${questions}<h3>Typing and idle profile</h3>${activity}<h3>Key moments</h3>${moments}`;
}

/** The AI label of a narrative (empty for one written by a person). */
export function narrativeLabel(narrative: Pick<ReportNarrative, 'source'>): string {
  return narrative.source === 'ai'
    ? 'AI-generated'
    : narrative.source === 'ai_edited'
      ? 'AI-generated, edited by a person'
      : '';
}

function narrativeHtml(narrative: ReportNarrative): string {
  const label = narrativeLabel(narrative);
  const by = label
    ? `<p class="ai-label">${e(label)}${narrative.model ? ` (${e(narrative.model)})` : ''}</p>`
    : `<p class="muted">Written by ${e(narrative.updatedBy ?? 'a team member')}</p>`;
  const paragraphs = narrative.text
    .split(/\n{2,}/)
    .map((p) => `<p>${e(p.trim()).replaceAll('\n', '<br>')}</p>`)
    .join('');
  return `<h3>Narrative</h3>${by}${paragraphs}`;
}

const STYLE = `
@page{margin:14mm}
body{font:11pt/1.4 system-ui,"DejaVu Sans",sans-serif;color:#111;margin:0}
h1{font-size:18pt;margin:0 0 4pt}h2{font-size:13pt;border-bottom:1px solid #999;margin:16pt 0 6pt}h3{font-size:11pt;margin:8pt 0 4pt}
table{border-collapse:collapse;width:100%;font-size:9pt}th,td{border:1px solid #bbb;padding:3pt 4pt;text-align:left;vertical-align:top}
tr,pre,.card{break-inside:avoid}pre{white-space:pre-wrap;word-break:break-word;background:#f4f4f4;padding:6pt;font:8.5pt/1.35 "DejaVu Sans Mono",monospace}
.ai-label{display:inline-block;border:1px solid #7a4cc2;color:#4b2a85;border-radius:3pt;padding:0 4pt;font-size:9pt;font-weight:bold}
.muted,.tests{color:#555}.tests{font-size:8pt}.decision{font-size:13pt;font-weight:bold}dl{display:grid;grid-template-columns:max-content 1fr;gap:2pt 10pt}dt{font-weight:bold}
`;

/**
 * The report as one self-contained, printable HTML page (no scripts, no
 * external resources: its CSP forbids both) for the PDF renderer. Every value
 * from the report is escaped.
 */
export function renderReportHtml(report: InterviewReport): string {
  const { interview } = report;
  const header = `<h1>${e(interview.title)} — interview report</h1>
<dl>
<dt>Candidate</dt><dd>${e(interview.candidate.label)}${interview.candidate.email ? ` &lt;${e(interview.candidate.email)}&gt;` : ''}${
    interview.anonymous ? ' <span class="muted">(anonymous mode)</span>' : ''
  }</dd>
<dt>Interviewers</dt><dd>${e(interview.interviewers.map((p) => p.name).join(', ') || '—')}</dd>
<dt>Status</dt><dd>${e(interview.status)}</dd>
<dt>Planned</dt><dd>${when(interview.plannedStart)} · ${interview.durationMinutes} min</dd>
<dt>Started / ended</dt><dd>${when(interview.startedAt)} / ${when(interview.endedAt)}</dd>
<dt>Generated</dt><dd>${when(report.generatedAt)}</dd>
</dl>`;
  const progress = report.scorecards.progress;
  const decision = report.decision
    ? `<p class="decision">Consolidated decision: ${e(RECOMMENDATION_LABELS[report.decision.recommendation])}</p><p>${Object.entries(
        report.decision.counts,
      )
        .filter(([, n]) => n > 0)
        .map(([r, n]) => `${n} × ${e(RECOMMENDATION_LABELS[r as keyof typeof RECOMMENDATION_LABELS])}`)
        .join(', ')} (mean ${report.decision.mean} of 4${report.decision.unanimous ? ', unanimous' : ''})</p>`
    : `<p>No consolidated decision yet: ${progress.submitted} of ${progress.expected} scorecards submitted.</p>`;
  const questions = report.questions.length
    ? report.questions
        .map(
          (q) =>
            `<h3>${q.position}. ${e(q.title)}${q.difficulty ? ` <span class="muted">(${e(q.difficulty)}${q.category ? `, ${e(q.category)}` : ''})</span>` : ''}</h3><pre>${e(q.prompt)}</pre>`,
        )
        .join('')
    : '<p>No questions were set.</p>';
  const code = report.finalCode.length
    ? report.finalCode
        .map(
          (f) =>
            `<h3>${e(f.language)}${f.language === report.finalLanguage ? ' <span class="muted">(last shown in the editor)</span>' : ''}</h3><pre>${e(f.code)}</pre>`,
        )
        .join('')
    : '<p>The editor was empty.</p>';
  const runs = report.runs.length
    ? table(['Time', 'By', 'Mode', 'Language', 'Verdict', 'Tests', 'Wall'], report.runs.map(runRow))
    : '<p>No code was run.</p>';
  const signals =
    report.signals === null
      ? '<p>Integrity signals were off for this interview.</p>'
      : report.signals.length
        ? table(
            ['Time', 'Signal', 'Characters'],
            report.signals.map((s) => [when(s.at), e(s.kind), s.chars === null ? '—' : String(s.chars)]),
          )
        : '<p>No signals were recorded.</p>';
  const chat = report.chat.length
    ? table(
        ['Time', 'Author', 'Message'],
        report.chat.map((m) => [when(m.at), e(m.author), e(m.text)]),
      )
    : '<p>No chat messages.</p>';
  const cards =
    report.scorecards.access === 'submit_own_first'
      ? '<p>Submit your own scorecard to see the others’.</p>'
      : report.scorecards.scorecards.length
        ? report.scorecards.scorecards.map(scorecardHtml).join('')
        : '<p>No submitted scorecards.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(interview.title)} — interview report</title><style>${STYLE}</style></head>
<body>${header}${section('Decision', decision)}${section(
    'Summary',
    summaryHtml(report.summary) + (report.narrative ? narrativeHtml(report.narrative) : ''),
  )}${section('Questions', questions)}${section('Final code', code)}${section(
    'Runs and tests',
    runs,
  )}${section('Integrity signals', signals)}${section('Chat transcript', chat)}${section('Scorecards', cards)}</body></html>`;
}
