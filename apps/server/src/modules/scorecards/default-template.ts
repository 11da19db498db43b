import { DEFAULT_SCALE, type Competency } from '@interviewselect/contracts';

/** builtin_key of the template every organisation gets on first use. */
export const BUILT_IN_KEY = 'default';

function competency(key: string, label: string, description: string, rubrics: [string, string, string, string]) {
  return {
    key,
    label,
    description,
    levels: DEFAULT_SCALE.map((level, i) => ({ ...level, rubric: rubrics[i] ?? '' })),
  } satisfies Competency;
}

/**
 * The shipped default: four competencies on the 1–4 scale. Seeded as version 1
 * of an organisation's first template the first time anyone there needs one;
 * from then on it is the organisation's to edit (new versions) like any other.
 */
export const BUILT_IN_TEMPLATE = {
  name: 'Technical interview',
  description: 'The default scorecard: problem solving, code quality, communication and testing on a 1–4 scale.',
  competencies: [
    competency('problem_solving', 'Problem solving', 'Understands the problem, finds and refines an approach.', [
      'Could not find a workable approach, even with substantial hints.',
      'Reached a partial or brute-force approach; needed significant guidance.',
      'Found a sound approach with little help and reasoned about its trade-offs.',
      'Found an optimal approach independently, weighed alternatives and complexity unprompted.',
    ]),
    competency('code_quality', 'Code quality', 'Writes correct, readable and maintainable code.', [
      'Code does not work or is very hard to follow.',
      'Code mostly works but is disorganised, with unclear names or duplication.',
      'Correct, readable code with sensible structure and naming.',
      'Clean, idiomatic code that handles edge cases; easy to extend.',
    ]),
    competency('communication', 'Communication', 'Explains thinking, asks clarifying questions, takes feedback.', [
      'Rarely explained their thinking; hard to follow or to collaborate with.',
      'Explained when asked; some gaps in clarity or in listening.',
      'Talked through the approach clearly and asked useful clarifying questions.',
      'Drove the conversation: precise, structured, and adapted well to feedback.',
    ]),
    competency('testing', 'Testing', 'Verifies the solution: cases, edge cases, debugging.', [
      'Did not test or check the solution.',
      'Tried the given example only; missed obvious edge cases.',
      'Tested normal and edge cases and fixed what they found.',
      'Designed a thorough set of cases up front and debugged systematically.',
    ]),
  ],
};
