import { LANGUAGE_IDS, type ProblemDetail, type ProblemPackage } from '@interviewselect/contracts';
import { formatDateTime } from '../../lib/format-date';
import { Badge } from '../../ui/badge';
import { CodeBlock } from '../../ui/code-highlight';
import { EmptyState } from '../../ui/empty-state';
import { Markdown } from '../../ui/markdown';
import { StatusChip } from '../../ui/status-chip';
import { Table, type TableColumn } from '../../ui/table';
import { COMPARATOR_LABELS } from './more-sections';
import { LANGUAGE_NAMES } from './problem-labels';
import { IoPair } from './preview-panel';

/** Tests tab: every case, hidden ones marked in words. */
export function TestsPanel({ pkg }: { pkg: ProblemPackage }) {
  if (pkg.tests.length === 0) {
    return (
      <EmptyState title="No test cases" description="Edit the problem to add test cases; publishing needs them." />
    );
  }
  const hidden = pkg.tests.filter((t) => t.hidden).length;
  return (
    <div className="questions-stack">
      <p className="questions-muted">
        {pkg.tests.length} cases, {hidden} hidden · compared with “{COMPARATOR_LABELS[pkg.comparator.kind]}”
      </p>
      {pkg.tests.map((test, index) => (
        <section key={index} className="questions-case" aria-label={`Test case ${index + 1}`}>
          <div className="questions-case__head">
            <strong>Test case {index + 1}</strong>
            {test.name ? <span>{test.name}</span> : null}
            {test.hidden ? (
              <StatusChip tone="warning">Hidden</StatusChip>
            ) : (
              <StatusChip tone="info">Visible</StatusChip>
            )}
            <span className="questions-muted">weight {test.weight}</span>
            {test.comparator ? <Badge>{COMPARATOR_LABELS[test.comparator.kind]}</Badge> : null}
          </div>
          <IoPair input={test.input} output={test.expectedOutput} />
        </section>
      ))}
    </div>
  );
}

/** Solutions tab: the reference solution of each language that has one. */
export function SolutionsPanel({ pkg }: { pkg: ProblemPackage }) {
  const languages = LANGUAGE_IDS.filter((l) => pkg.referenceSolutions[l] !== undefined);
  if (languages.length === 0) {
    return (
      <EmptyState
        title="No reference solutions"
        description="Add at least one: publishing runs every reference solution against every test case."
      />
    );
  }
  return (
    <div className="questions-stack">
      {languages.map((language) => (
        <section key={language} className="questions-section">
          <h2 className="questions-section-title">{LANGUAGE_NAMES[language]}</h2>
          <CodeBlock
            code={pkg.referenceSolutions[language] ?? ''}
            lang={language}
            label={`Reference solution, ${LANGUAGE_NAMES[language]}`}
          />
        </section>
      ))}
    </div>
  );
}

/** Interviewer guide tab: never shown to candidates. */
export function GuidePanel({ pkg }: { pkg: ProblemPackage }) {
  const { guidance, rubric, expectedAnswer } = pkg.interviewerGuide;
  if (!guidance.trim() && rubric.length === 0 && !expectedAnswer.trim()) {
    return (
      <EmptyState
        title="No interviewer guide yet"
        description="Edit the problem to add guidance, a rubric and the expected answer."
      />
    );
  }
  return (
    <div className="questions-stack">
      <p className="questions-muted">Only interviewers see this.</p>
      {guidance.trim() ? (
        <section className="questions-section">
          <h2 className="questions-section-title">Guidance</h2>
          <Markdown source={guidance} headingOffset={2} />
        </section>
      ) : null}
      {rubric.length > 0 ? (
        <section className="questions-section">
          <h2 className="questions-section-title">Rubric</h2>
          <dl className="questions-dl">
            {rubric.map((row, index) => (
              <div key={index} className="questions-dl__row">
                <dt>{row.level}</dt>
                <dd>{row.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {expectedAnswer.trim() ? (
        <section className="questions-section">
          <h2 className="questions-section-title">Expected answer</h2>
          <Markdown source={expectedAnswer} headingOffset={2} />
        </section>
      ) : null}
    </div>
  );
}

type VersionRow = ProblemDetail['versions'][number];
const versionColumns: TableColumn<VersionRow>[] = [
  { key: 'version', header: 'Version', isRowHeader: true, cell: (v) => `v${v.version}` },
  {
    key: 'state',
    header: 'State',
    cell: (v) =>
      v.publishedAt ? <StatusChip tone="success">Published</StatusChip> : <StatusChip tone="info">Draft</StatusChip>,
  },
  {
    key: 'when',
    header: 'Published or saved',
    cell: (v) => {
      const at = v.publishedAt ?? v.createdAt;
      return <time dateTime={at}>{formatDateTime(at)}</time>;
    },
  },
  { key: 'by', header: 'By', cell: (v) => v.createdBy?.name ?? 'InterviewSelect library' },
];

/** Versions tab: published versions never change; interviews keep the one they used. */
export function VersionsPanel({ versions }: { versions: ProblemDetail['versions'] }) {
  return (
    <Table
      caption="Versions"
      isCaptionHidden
      columns={versionColumns}
      rows={[...versions].sort((a, b) => b.version - a.version)}
      getRowKey={(v) => v.id}
      emptyState="No versions yet."
    />
  );
}
