import { useId } from 'react';
import { OutputPanel } from './output-panel';
import { RunErrorAlert } from './run-error-alert';
import type { ExecutionRun } from './use-execution';

export interface RunPanelProps {
  stdin: string;
  onStdinChange: (stdin: string) => void;
  run: ExecutionRun;
}

/** The Run tab: the program's standard input beside its live output. */
export function RunPanel({ stdin, onStdinChange, run }: RunPanelProps) {
  const stdinId = useId();
  return (
    <div className="run-panel">
      <div className="ui-field run-panel__stdin">
        <label className="ui-field__label" htmlFor={stdinId}>
          Standard input
        </label>
        <p className="ui-field__hint" id={`${stdinId}-hint`}>
          What the program reads from stdin.
        </p>
        <textarea
          id={stdinId}
          className="ui-field__input run-panel__stdin-input"
          value={stdin}
          onChange={(event) => onStdinChange(event.target.value)}
          spellCheck={false}
          rows={6}
          aria-describedby={`${stdinId}-hint`}
        />
      </div>
      <div className="run-panel__output">
        {run.failure ? (
          <RunErrorAlert key={run.failure.at} error={run.failure.error} failedAt={run.failure.at} />
        ) : null}
        <OutputPanel view={run.view} isRunning={run.isRunning} />
      </div>
    </div>
  );
}
