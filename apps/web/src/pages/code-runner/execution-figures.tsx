import type { Execution } from '@interviewselect/contracts';
import { describeExit, formatDuration, formatMemory } from './format-figures';

type Figures = Pick<Execution, 'exitCode' | 'signal' | 'cpuMs' | 'wallMs' | 'memoryKb'>;

/** Exit status, CPU time, wall time and peak memory as a description list. */
export function ExecutionFigures({ result }: { result: Figures }) {
  const exit = describeExit(result);
  return (
    <dl className="execution-figures">
      {exit ? (
        <div>
          <dt>Exit</dt>
          <dd>{exit}</dd>
        </div>
      ) : null}
      <div>
        <dt>CPU</dt>
        <dd>{formatDuration(result.cpuMs)}</dd>
      </div>
      <div>
        <dt>Wall</dt>
        <dd>{formatDuration(result.wallMs)}</dd>
      </div>
      <div>
        <dt>Memory</dt>
        <dd>{formatMemory(result.memoryKb)}</dd>
      </div>
    </dl>
  );
}
