import { RECOMMENDATIONS, type Recommendation, type ReportDecision } from '@interviewselect/contracts';

/**
 * The panel's consolidated decision from the submitted recommendations: the
 * one nearest their mean on the 1–4 scale (strong no hire = 1 … strong hire =
 * 4); exactly between two, the more cautious (lower) one. Null with none.
 */
export function consolidateDecision(counts: Partial<Record<Recommendation, number>>): ReportDecision | null {
  const full = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, counts[r] ?? 0])) as Record<Recommendation, number>;
  const total = RECOMMENDATIONS.reduce((sum, r) => sum + full[r], 0);
  if (total === 0) return null;
  const mean = RECOMMENDATIONS.reduce((sum, r, i) => sum + full[r] * (i + 1), 0) / total;
  // Lowest index whose distance to the mean is minimal: ties go to the cautious side.
  let best = 0;
  RECOMMENDATIONS.forEach((_, i) => {
    if (Math.abs(i + 1 - mean) < Math.abs(best + 1 - mean) - 1e-9) best = i;
  });
  return {
    recommendation: RECOMMENDATIONS[best] as Recommendation,
    mean: Math.round(mean * 100) / 100,
    counts: full,
    unanimous: RECOMMENDATIONS.some((r) => full[r] === total),
  };
}
