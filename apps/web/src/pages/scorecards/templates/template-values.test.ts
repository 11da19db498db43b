import { ScorecardTemplateInputSchema } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_VERSION } from '../test-fixtures';
import { describePath } from './template-editor-page';
import { keyFromLabel, newCompetency, toInput, valuesOf } from './template-values';

describe('template values', () => {
  it('derives unique keys from labels', () => {
    expect(keyFromLabel('Code quality')).toBe('code_quality');
    expect(keyFromLabel('  2nd-round: Système design!')).toBe('nd_round_systeme_design');
    expect(keyFromLabel('Testing', ['testing', 'testing_2'])).toBe('testing_3');
    expect(keyFromLabel('!!!')).toBe('competency');
  });

  it('round-trips a saved version into a valid input', () => {
    const input = toInput(valuesOf(TEMPLATE_VERSION));
    expect(ScorecardTemplateInputSchema.safeParse(input).success).toBe(true);
    expect(input.competencies[0]?.levels.map((l) => l.score)).toEqual([1, 2, 3, 4]);
  });

  it('starts new competencies on the default 1–4 scale; an empty score fails validation', () => {
    const competency = newCompetency(['new_competency']);
    expect(competency.key).toBe('new_competency_2');
    expect(competency.levels.map((l) => l.label)).toEqual(['Strong no', 'No', 'Yes', 'Strong yes']);
    const values = {
      name: 'T',
      description: '',
      competencies: [
        {
          ...competency,
          levels: [
            { score: '', label: 'a', rubric: '' },
            { score: '2', label: 'b', rubric: '' },
          ],
        },
      ],
    };
    const parsed = ScorecardTemplateInputSchema.safeParse(toInput(values));
    expect(parsed.success).toBe(false);
    expect(describePath('body.competencies.0.levels.1.label')).toBe('Competency 1, level 2:');
  });
});
