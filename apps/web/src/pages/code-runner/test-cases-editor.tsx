import type { TestResult } from '@interviewselect/contracts';
import { Fragment, useId } from 'react';
import { Button } from '../../ui/button';
import { CloseIcon } from '../../ui/icons';
import { DiffView } from './diff-view';
import { formatDuration, formatMemory } from './format-figures';
import { MAX_TEST_CASES, newTestCase, type TestCase } from './test-cases';
import { VerdictBadge } from './verdict-badge';
import '../../ui/table.css';

export interface TestCasesEditorProps {
  cases: readonly TestCase[];
  onChange: (cases: TestCase[]) => void;
  /** The last run's result for each case id that took part in it. */
  results: ReadonlyMap<string, TestResult>;
  isDisabled?: boolean;
}

/** The custom tests: stdin and expected stdout per row, and each row's verdict after a run. */
export function TestCasesEditor({ cases, onChange, results, isDisabled = false }: TestCasesEditorProps) {
  const captionId = useId();
  const update = (id: string, change: Partial<TestCase>) =>
    onChange(cases.map((c) => (c.id === id ? { ...c, ...change } : c)));
  const isFull = cases.length >= MAX_TEST_CASES;

  return (
    <div className="test-cases">
      <div className="ui-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="ui-table test-cases__table">
          <caption id={captionId} className="visually-hidden">
            Custom tests
          </caption>
          <thead>
            <tr>
              <th scope="col" className="test-cases__ordinal">
                #
              </th>
              <th scope="col">Input (stdin)</th>
              <th scope="col">Expected output</th>
              <th scope="col">Result</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cases.map((testCase, index) => {
              const number = index + 1;
              const result = results.get(testCase.id);
              const isFailure = result && result.verdict !== 'accepted' && result.verdict !== 'skipped';
              return (
                <Fragment key={testCase.id}>
                  <tr>
                    <th scope="row" className="test-cases__ordinal">
                      {number}
                    </th>
                    <td className="test-cases__input">
                      <label className="visually-hidden" htmlFor={`${testCase.id}-input`}>
                        Input of test {number}
                      </label>
                      <textarea
                        id={`${testCase.id}-input`}
                        className="ui-field__input test-cases__text"
                        value={testCase.input}
                        rows={2}
                        spellCheck={false}
                        placeholder="stdin"
                        readOnly={isDisabled}
                        onChange={(event) => update(testCase.id, { input: event.target.value })}
                      />
                    </td>
                    <td className="test-cases__expected">
                      <label className="visually-hidden" htmlFor={`${testCase.id}-expected`}>
                        Expected output of test {number}
                      </label>
                      <textarea
                        id={`${testCase.id}-expected`}
                        className="ui-field__input test-cases__text"
                        value={testCase.expectedOutput}
                        rows={2}
                        spellCheck={false}
                        placeholder="expected stdout"
                        readOnly={isDisabled}
                        onChange={(event) => update(testCase.id, { expectedOutput: event.target.value })}
                      />
                    </td>
                    <td className="test-cases__result">
                      {result ? (
                        <div className="test-cases__verdict">
                          <VerdictBadge verdict={result.verdict} />
                          <span className="test-cases__figures">
                            {formatDuration(result.wallMs)} · {formatMemory(result.memoryKb)}
                          </span>
                          {result.detail ? <span className="test-cases__figures">{result.detail}</span> : null}
                        </div>
                      ) : (
                        <span className="text-muted">Not run</span>
                      )}
                    </td>
                    <td className="ui-table__cell--end test-cases__remove">
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Remove test ${number}`}
                        disabled={isDisabled || cases.length === 1}
                        onClick={() => onChange(cases.filter((c) => c.id !== testCase.id))}
                      >
                        <CloseIcon width={16} height={16} />
                      </Button>
                    </td>
                  </tr>
                  {isFailure ? (
                    <tr className="test-cases__detail-row">
                      <td colSpan={5}>
                        <FailureDetail number={number} result={result} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="test-cases__actions">
        <Button
          size="sm"
          disabled={isDisabled || isFull}
          onClick={() => onChange([...cases, newTestCase()])}
          aria-describedby={isFull ? `${captionId}-full` : undefined}
        >
          Add test
        </Button>
        {isFull ? (
          <span id={`${captionId}-full`} className="text-muted">
            Up to {MAX_TEST_CASES} tests per run.
          </span>
        ) : null}
      </div>
    </div>
  );
}

function FailureDetail({ number, result }: { number: number; result: TestResult }) {
  const titleId = useId();
  const title = result.diff ? `Test ${number}: expected vs actual output` : `Test ${number}: what happened`;
  const text = result.diff ?? (result.stderr || result.actualOutput || null);
  return (
    <div className="test-cases__failure">
      <p id={titleId} className="test-cases__failure-title">
        {title}
      </p>
      {result.diff ? (
        <DiffView diff={result.diff} labelledBy={titleId} />
      ) : text ? (
        <pre className="test-cases__pre" tabIndex={0} aria-labelledby={titleId}>
          {text}
        </pre>
      ) : (
        <p className="text-muted">No output to show.</p>
      )}
    </div>
  );
}
