import type { Competency } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import { draftContentOf, missingForSubmit, summarize } from './scorecard-rules.js';

const levels = [1, 2, 3, 4].map((score) => ({ score, label: `L${score}`, rubric: '' }));
const competencies: Competency[] = [
  { key: 'problem_solving', label: 'Problem solving', description: '', levels },
  { key: 'testing', label: 'Testing', description: '', levels },
];
const questions = [{ id: '00000000-0000-7000-8000-000000000001', position: 1, title: 'Q1', problemVersionId: 'pv-1' }];
const empty = {
  revision: 0,
  questions: [],
  ratings: [],
  strengths: '',
  weaknesses: '',
  recommendation: null,
  notes: '',
};

describe('draftContentOf', () => {
  it('copies the problem version of each question for analytics', () => {
    const { content, issues } = draftContentOf(
      {
        ...empty,
        questions: [{ interviewQuestionId: questions[0]!.id, score: 2, response: 'r', hints: 'h', notes: '' }],
      },
      competencies,
      questions,
    );
    expect(issues).toEqual([]);
    expect(content.questions).toEqual([
      {
        interviewQuestionId: questions[0]!.id,
        problemVersionId: 'pv-1',
        score: 2,
        response: 'r',
        hints: 'h',
        notes: '',
      },
    ]);
  });

  it('names duplicates', () => {
    const rating = { competencyKey: 'testing', score: null, notes: '' };
    expect(draftContentOf({ ...empty, ratings: [rating, rating] }, competencies, questions).issues).toEqual([
      { path: 'body.ratings.1', message: 'Listed twice.' },
    ]);
  });
});

describe('missingForSubmit', () => {
  it('asks for every unrated competency and the recommendation', () => {
    expect(
      missingForSubmit(competencies, { recommendation: null, ratings: [{ competencyKey: 'testing', score: 3 }] }),
    ).toEqual([
      { path: 'ratings.problem_solving', message: 'Rate “Problem solving”.' },
      { path: 'recommendation', message: 'Choose an overall recommendation.' },
    ]);
  });
});

describe('summarize', () => {
  it('puts scores side by side with a rounded mean and tallies recommendations', () => {
    const summary = summarize(competencies, [
      { authorUserId: 'a', authorName: 'A', recommendation: 'hire', ratings: [{ competencyKey: 'testing', score: 3 }] },
      { authorUserId: 'b', authorName: 'B', recommendation: 'hire', ratings: [{ competencyKey: 'testing', score: 4 }] },
      {
        authorUserId: 'c',
        authorName: 'C',
        recommendation: 'no_hire',
        ratings: [{ competencyKey: 'testing', score: 4 }],
      },
    ]);
    expect(summary.recommendations).toEqual({ strong_no_hire: 0, no_hire: 1, hire: 2, strong_hire: 0 });
    expect(summary.competencies[1]).toMatchObject({ key: 'testing', maxScore: 4, average: 3.67 });
    expect(summary.competencies[0]?.average).toBeNull();
  });
});
