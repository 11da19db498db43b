import type { Recommendation } from '@interviewselect/contracts';
import type { BadgeTone } from '../../ui/badge';

/** Colour follows the verdict; the text always says it too. */
export function recommendationTone(r: Recommendation): BadgeTone {
  return r === 'strong_hire' || r === 'hire' ? 'success' : r === 'no_hire' ? 'warning' : 'danger';
}
