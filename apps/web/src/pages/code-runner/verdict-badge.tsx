import { VERDICT_LABELS, type Verdict } from '@interviewselect/contracts';
import type { BadgeTone } from '../../ui/badge';
import { StatusChip } from '../../ui/status-chip';

const TONES: Record<Verdict, BadgeTone> = {
  accepted: 'success',
  wrong_answer: 'danger',
  runtime_error: 'danger',
  compilation_error: 'danger',
  time_limit_exceeded: 'warning',
  memory_limit_exceeded: 'warning',
  output_limit_exceeded: 'warning',
  internal_error: 'warning',
  skipped: 'neutral',
};

export function verdictTone(verdict: Verdict): BadgeTone {
  return TONES[verdict];
}

/** A verdict as text with a tone and glyph: never colour alone. */
export function VerdictBadge({ verdict, className }: { verdict: Verdict; className?: string }) {
  return (
    <StatusChip tone={TONES[verdict]} className={className}>
      {VERDICT_LABELS[verdict]}
    </StatusChip>
  );
}
