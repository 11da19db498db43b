import { DEFAULT_SCALE, type ScorecardTemplateInput, type ScorecardTemplateVersion } from '@interviewselect/contracts';

/** The editor's model: like the input, with strings for scores so fields can be empty while typing. */
export interface TemplateValues {
  name: string;
  description: string;
  competencies: {
    key: string;
    label: string;
    description: string;
    levels: { score: string; label: string; rubric: string }[];
  }[];
}

/** A stable key from a label ("Code quality" → "code_quality"), used for new competencies only. */
export function keyFromLabel(label: string, taken: readonly string[] = []): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 36) || 'competency';
  let key = base;
  for (let i = 2; taken.includes(key); i += 1) key = `${base}_${i}`;
  return key;
}

export function newCompetency(taken: readonly string[]): TemplateValues['competencies'][number] {
  return {
    key: keyFromLabel('New competency', taken),
    label: 'New competency',
    description: '',
    levels: DEFAULT_SCALE.map((l) => ({ score: String(l.score), label: l.label, rubric: '' })),
  };
}

export function valuesOf(version: ScorecardTemplateVersion | null): TemplateValues {
  if (!version) return { name: '', description: '', competencies: [newCompetency([])] };
  return {
    name: version.name,
    description: version.description,
    competencies: version.competencies.map((c) => ({
      ...c,
      levels: c.levels.map((l) => ({ ...l, score: String(l.score) })),
    })),
  };
}

export function toInput(values: TemplateValues): ScorecardTemplateInput {
  return {
    name: values.name,
    description: values.description,
    competencies: values.competencies.map((c) => ({
      ...c,
      levels: c.levels.map((l) => ({ ...l, score: l.score.trim() === '' ? Number.NaN : Number(l.score) })),
    })),
  };
}
