import { LANGUAGE_IDS, type CandidateProblemView, type LanguageId } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { questionKeys, questionsApi } from '../../lib/questions-api';
import { CodeBlock } from '../../ui/code-highlight';
import { ErrorState } from '../../ui/error-state';
import { Markdown } from '../../ui/markdown';
import { SelectField } from '../../ui/select-field';
import { Skeleton } from '../../ui/skeleton';
import { DifficultyChip, LANGUAGE_NAMES } from './problem-labels';

export function IoPair({
  input,
  output,
  outputLabel = 'Expected output',
}: {
  input: string;
  output: string;
  outputLabel?: string;
}) {
  return (
    <div className="questions-io">
      <div>
        <p className="questions-io__label">Input</p>
        <pre tabIndex={0}>{input || ' '}</pre>
      </div>
      <div>
        <p className="questions-io__label">{outputLabel}</p>
        <pre tabIndex={0}>{output || ' '}</pre>
      </div>
    </div>
  );
}

/** "2 visible tests; 1 hidden test also runs on submit." */
export function hiddenSummary(visible: number, hidden: number): string {
  const shown = `${visible} visible ${visible === 1 ? 'test' : 'tests'}`;
  if (hidden === 0) return `${shown}.`;
  return `${shown}; ${hidden} hidden ${hidden === 1 ? 'test also runs' : 'tests also run'} on submit.`;
}

/** The Preview tab: what the candidate sees — nothing hidden, no solutions, no guide (the server's own view). */
export function PreviewPanel({ problemId }: { problemId: string }) {
  const preview = useQuery({
    queryKey: questionKeys.preview(problemId),
    queryFn: ({ signal }) => questionsApi.preview(problemId, signal),
  });
  if (preview.isPending) {
    return (
      <div aria-busy="true" className="questions-stack">
        <span className="visually-hidden" role="status">
          Loading the preview…
        </span>
        <Skeleton width="60%" />
        <Skeleton shape="block" height="10rem" />
      </div>
    );
  }
  if (preview.isError) {
    return (
      <ErrorState
        title="Couldn't load the preview"
        message={describeError(preview.error)}
        onRetry={() => void preview.refetch()}
        isRetrying={preview.isFetching}
      />
    );
  }
  return <CandidateView view={preview.data} />;
}

function CandidateView({ view }: { view: CandidateProblemView }) {
  const languages = LANGUAGE_IDS.filter((l) => view.starterCode[l] !== undefined);
  const [language, setLanguage] = useState<LanguageId | undefined>(languages[0]);
  const code = language ? view.starterCode[language] : undefined;
  return (
    <article className="questions-stack" aria-label="As the candidate sees it">
      <p className="questions-muted">As the candidate sees it in the room (version {view.version}).</p>
      <div className="questions-row">
        <h2 className="questions-section-title">{view.title}</h2>
        <DifficultyChip difficulty={view.difficulty} />
        <span className="questions-muted">
          about {view.estimatedMinutes} min · {view.timeLimitMs} ms · {view.memoryLimitMb} MB
        </span>
      </div>
      <Markdown source={view.statement} headingOffset={2} />
      {view.constraints.trim() ? (
        <section className="questions-section">
          <h3>Constraints</h3>
          <Markdown source={view.constraints} headingOffset={3} />
        </section>
      ) : null}
      {view.examples.length > 0 ? (
        <section className="questions-section">
          <h3>Examples</h3>
          {view.examples.map((example, index) => (
            <div key={index} className="questions-case">
              <p className="questions-io__label">Example {index + 1}</p>
              <IoPair input={example.input} output={example.output} outputLabel="Output" />
              {example.explanation ? <Markdown source={example.explanation} headingOffset={4} /> : null}
            </div>
          ))}
        </section>
      ) : null}
      <section className="questions-section">
        <h3>Tests</h3>
        <p className="questions-muted">{hiddenSummary(view.tests.length, view.hiddenTestCount)}</p>
        {view.tests.map((test, index) => (
          <div key={index} className="questions-case">
            <p className="questions-io__label">
              Test {index + 1}
              {test.name ? `: ${test.name}` : ''}
            </p>
            <IoPair input={test.input} output={test.expectedOutput} />
          </div>
        ))}
      </section>
      <section className="questions-section">
        <h3>Starter code</h3>
        {language && code !== undefined ? (
          <>
            <SelectField
              className="questions-language-select"
              label="Starter code language"
              value={language}
              onChange={(e) => setLanguage(e.target.value as LanguageId)}
            >
              {languages.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </SelectField>
            <CodeBlock code={code} lang={language} label={`Starter code, ${LANGUAGE_NAMES[language]}`} />
          </>
        ) : (
          <p className="questions-muted">No starter code: the candidate starts from an empty editor.</p>
        )}
      </section>
    </article>
  );
}
