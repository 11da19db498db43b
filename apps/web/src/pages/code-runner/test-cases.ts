import type { InlineTest } from '@interviewselect/contracts';

/** One row of the custom-tests table; `id` keeps React keys and results stable while rows come and go. */
export interface TestCase extends InlineTest {
  id: string;
}

/** The API takes at most this many inline tests (CreateExecutionInputSchema). */
export const MAX_TEST_CASES = 20;

let lastId = 0;

export function newTestCase(input = '', expectedOutput = ''): TestCase {
  lastId += 1;
  return { id: `test-${lastId}`, input, expectedOutput };
}

export function toInlineTests(cases: readonly TestCase[]): InlineTest[] {
  return cases.map(({ input, expectedOutput }) => ({ input, expectedOutput }));
}
