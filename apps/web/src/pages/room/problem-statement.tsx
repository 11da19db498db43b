import type { CandidateProblemView, LanguageId, RoomAnswerKey } from '@interviewselect/contracts';
import { CodeBlock } from '../../ui/code-highlight';
import { Markdown } from '../../ui/markdown';
import { DifficultyChip, LANGUAGE_NAMES } from '../questions/problem-labels';

/** A bank question as everyone in the room sees it: statement, constraints, examples, limits. */
export function ProblemStatement({ view }: { view: CandidateProblemView }) {
  return (
    <div className="room-problem">
      <p className="room-problem__meta">
        <DifficultyChip difficulty={view.difficulty} /> Time limit {view.timeLimitMs / 1000} s · memory{' '}
        {view.memoryLimitMb} MB · about {view.estimatedMinutes} min
      </p>
      <Markdown source={view.statement} headingOffset={2} />
      {view.constraints ? (
        <section className="room-problem__section" aria-label="Constraints">
          <h3 className="room-problem__heading">Constraints</h3>
          <Markdown source={view.constraints} headingOffset={3} />
        </section>
      ) : null}
      {view.examples.length > 0 ? (
        <section className="room-problem__section" aria-label="Examples">
          <h3 className="room-problem__heading">Examples</h3>
          {view.examples.map((example, index) => (
            <div key={index} className="room-problem__example">
              <p className="room-problem__label">Input</p>
              <pre className="room-problem__io">{example.input}</pre>
              <p className="room-problem__label">Output</p>
              <pre className="room-problem__io">{example.output}</pre>
              {example.explanation ? <Markdown source={example.explanation} headingOffset={3} /> : null}
            </div>
          ))}
        </section>
      ) : null}
      {view.tests.length + view.hiddenTestCount > 0 ? (
        <p className="room-problem__tests-note">
          Test runs the {view.tests.length} visible test{view.tests.length === 1 ? '' : 's'} (see the Tests tab)
          {view.hiddenTestCount > 0
            ? `; Submit also runs ${view.hiddenTestCount} hidden test${view.hiddenTestCount === 1 ? '' : 's'}.`
            : '.'}
        </p>
      ) : null}
    </div>
  );
}

/** What only interviewers see of a bank question: the guide, rubric, hidden tests and reference solutions. */
export function AnswerKey({ answerKey }: { answerKey: RoomAnswerKey }) {
  const { guide, hiddenTests } = answerKey;
  const solutions = Object.entries(answerKey.referenceSolutions) as [LanguageId, string][];
  return (
    <aside className="room-private" aria-label="Answer key: only interviewers see this">
      <p className="room-private__badge">Only interviewers see this</p>
      {guide.guidance ? <Markdown source={guide.guidance} headingOffset={3} /> : null}
      {guide.rubric.length > 0 ? (
        <dl className="room-problem__rubric">
          {guide.rubric.map((level) => (
            <div key={level.level}>
              <dt>{level.level}</dt>
              <dd>{level.description}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {guide.expectedAnswer ? (
        <details className="room-problem__details">
          <summary>Expected answer</summary>
          <Markdown source={guide.expectedAnswer} headingOffset={3} />
        </details>
      ) : null}
      {hiddenTests.length > 0 ? (
        <details className="room-problem__details">
          <summary>Hidden tests ({hiddenTests.length})</summary>
          {hiddenTests.map((test, index) => (
            <div key={index} className="room-problem__example">
              <p className="room-problem__label">{test.name || `Hidden test ${index + 1}`}</p>
              <pre className="room-problem__io">{test.input}</pre>
              <pre className="room-problem__io">{test.expectedOutput}</pre>
              {test.isTruncated ? <p className="text-muted">Shortened; the question bank has it whole.</p> : null}
            </div>
          ))}
        </details>
      ) : null}
      {solutions.map(([language, code]) => (
        <details key={language} className="room-problem__details">
          <summary>Reference solution ({LANGUAGE_NAMES[language]})</summary>
          <CodeBlock code={code} lang={language} label={`Reference solution in ${LANGUAGE_NAMES[language]}`} />
        </details>
      ))}
    </aside>
  );
}
