import clsx from 'clsx';

/** How a unified diff line reads: removed lines are the expected output, added lines the program's. */
function lineKind(line: string): 'expected' | 'actual' | 'meta' | 'same' {
  if (line.startsWith('---') || line.startsWith('+++') || line.startsWith('@@')) return 'meta';
  if (line.startsWith('-')) return 'expected';
  if (line.startsWith('+')) return 'actual';
  return 'same';
}

/** A unified diff with a legend; the +/- signs stay, so the colours are never the only cue. */
export function DiffView({ diff, labelledBy }: { diff: string; labelledBy: string }) {
  const lines = diff.replace(/\n$/, '').split('\n');
  return (
    <>
      <p className="diff-view__legend">
        <span className="diff-view__line--expected">− expected</span>
        <span className="diff-view__line--actual">+ actual</span>
      </p>
      <pre className="diff-view" tabIndex={0} aria-labelledby={labelledBy}>
        {lines.map((line, index) => (
          <span key={index} className={clsx('diff-view__line', `diff-view__line--${lineKind(line)}`)}>
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
    </>
  );
}
