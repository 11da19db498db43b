import { useEffect, useId, useRef } from 'react';
import { Alert } from '../../ui/alert';
import { Spinner } from '../../ui/spinner';
import type { ExecutionView } from './execution-view';
import { ExecutionFigures } from './execution-figures';
import { progressLabel } from './progress-label';
import { VerdictBadge } from './verdict-badge';

export interface OutputPanelProps {
  /** The latest run in `run` mode, or null before the first. */
  view: ExecutionView | null;
  isRunning: boolean;
}

/**
 * stdout and stderr as they stream in (stderr tinted and marked, for the
 * colour-blind as well), then the verdict line with exit status and figures.
 * Compiler output, when the compile failed, comes first and large.
 */
export function OutputPanel({ view, isRunning }: OutputPanelProps) {
  const execution = view?.execution ?? null;
  const titleId = useId();
  return (
    <section className="output-panel" aria-labelledby={titleId}>
      <header className="output-panel__header">
        <h2 id={titleId} className="output-panel__title">
          Output
        </h2>
        <span className="output-panel__legend">
          <span className="output-panel__legend-swatch" aria-hidden="true" />
          stderr
        </span>
      </header>
      {execution?.verdict === 'compilation_error' ? <CompileOutput text={execution.compileOutput} /> : null}
      {execution?.verdict === 'internal_error' ? <InternalErrorAlert detail={execution.detail} /> : null}
      <StreamView view={view} isRunning={isRunning} />
      <div className="output-panel__status">
        {isRunning && view ? (
          <span className="output-panel__progress">
            <Spinner size="sm" />
            {progressLabel(view)}
          </span>
        ) : execution?.verdict ? (
          <>
            <VerdictBadge verdict={execution.verdict} />
            <ExecutionFigures result={execution} />
          </>
        ) : null}
      </div>
    </section>
  );
}

function StreamView({ view, isRunning }: OutputPanelProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const output = view?.output;
  // Follow the output as it grows, like a terminal.
  useEffect(() => {
    const pre = preRef.current;
    if (pre) pre.scrollTop = pre.scrollHeight;
  }, [output]);

  const placeholder = !view
    ? 'Run your program to see its output here.'
    : isRunning
      ? 'Waiting for output…'
      : view.execution?.verdict === 'compilation_error'
        ? 'The program did not run.'
        : 'The program printed nothing.';
  return (
    <>
      {/* A focusable region so keyboard users can scroll long output. */}
      <pre
        ref={preRef}
        className="output-panel__stream"
        tabIndex={0}
        role="region"
        aria-label="Program output"
        aria-busy={isRunning || undefined}
      >
        {!output?.length ? <span className="output-panel__placeholder">{placeholder}</span> : null}
        {output?.map((chunk, index) =>
          chunk.stream === 'stderr' ? (
            <span key={index} className="output-panel__stderr">
              <span className="visually-hidden">[stderr] </span>
              {chunk.data}
            </span>
          ) : (
            <span key={index}>{chunk.data}</span>
          ),
        )}
      </pre>
      {view?.isOutputTruncated ? (
        <p className="output-panel__note">The live output is cut short here; the full record appears when it ends.</p>
      ) : null}
    </>
  );
}

/** The compiler's own words, large and first: they are what the user needs to fix. */
export function CompileOutput({ text }: { text: string | null }) {
  const titleId = useId();
  return (
    <div className="compile-output" role="group" aria-labelledby={titleId}>
      <p id={titleId} className="compile-output__title">
        Compiler output
      </p>
      <pre className="compile-output__text" tabIndex={0} aria-labelledby={titleId}>
        {text?.trim() || 'The compiler gave no message.'}
      </pre>
    </div>
  );
}

export function InternalErrorAlert({ detail }: { detail: string | null }) {
  return (
    <Alert tone="warning" title="The sandbox could not finish this run">
      {detail ? `${detail}. ` : ''}This is not a problem with your code; please run it again.
    </Alert>
  );
}
