import { describe, expect, it } from 'vitest';
import { chosenLevel, draftOf, missingForSubmit, toSaveInput, withQuestion, withRating } from './scorecard-draft';
import { QUESTION_ID, scorecardOf, TEMPLATE_VERSION } from './test-fixtures';

describe('scorecard draft', () => {
  it('round-trips a scorecard into a save body with the given revision', () => {
    const draft = withQuestion(draftOf(scorecardOf()), QUESTION_ID, { score: 3, hints: 'Use a map' });
    expect(toSaveInput(draft, 7)).toMatchObject({
      revision: 7,
      questions: [{ interviewQuestionId: QUESTION_ID, score: 3, hints: 'Use a map', response: '' }],
    });
  });

  it('lists what blocks submitting until every competency is rated and a recommendation chosen', () => {
    let draft = draftOf(scorecardOf());
    expect(missingForSubmit(draft, TEMPLATE_VERSION.competencies)).toEqual([
      'Rate “Problem solving”',
      'Rate “Testing”',
      'Choose an overall recommendation',
    ]);
    draft = withRating(withRating(draft, 'problem_solving', { score: 2 }), 'testing', { score: 4 });
    expect(missingForSubmit({ ...draft, recommendation: 'hire' }, TEMPLATE_VERSION.competencies)).toEqual([]);
  });

  it('finds the chosen level for its rubric', () => {
    const [solving] = TEMPLATE_VERSION.competencies;
    if (!solving) throw new Error('fixture');
    expect(chosenLevel(solving, 3)?.rubric).toBe('Solving rubric 3');
    expect(chosenLevel(solving, null)).toBeUndefined();
  });
});
