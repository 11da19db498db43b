import { CodeBlock } from '../../ui/code-highlight';

const EXAMPLE = `{
  "format": "interviewselect.problem/v1",
  "slug": "sum-of-two",
  "title": "Sum of two",
  "difficulty": "easy",
  "category": "coding",
  "tags": ["math"],
  "statement": "Read two integers and print their sum.",
  "constraints": "- -10^9 ≤ a, b ≤ 10^9",
  "examples": [{ "input": "1 2\\n", "output": "3\\n", "explanation": "" }],
  "timeLimitMs": 2000,
  "memoryLimitMb": 256,
  "estimatedMinutes": 10,
  "comparator": { "kind": "trailing_whitespace" },
  "tests": [
    { "name": "small", "input": "1 2\\n", "expectedOutput": "3\\n", "hidden": false, "weight": 1 },
    { "name": "negative", "input": "-5 3\\n", "expectedOutput": "-2\\n", "hidden": true, "weight": 1 }
  ],
  "starterCode": { "python": "a, b = map(int, input().split())\\n" },
  "referenceSolutions": { "python": "a, b = map(int, input().split())\\nprint(a + b)\\n" },
  "interviewerGuide": { "guidance": "", "rubric": [], "expectedAnswer": "" }
}`;

/** The package format, described where people import: every field, what it takes, an example. */
export function PackageFormat() {
  return (
    <details className="questions-stack">
      <summary>Package format (interviewselect.problem/v1)</summary>
      <p>
        One JSON object per problem: the same format Export produces and the public library ships in. Fields with a
        default may be left out; an export re-imports exactly.
      </p>
      <ul className="questions-issues">
        <li>
          <code>format</code> — always <code>&quot;interviewselect.problem/v1&quot;</code>.
        </li>
        <li>
          <code>slug</code> (lowercase words joined by hyphens, 3–80 characters), <code>title</code>,{' '}
          <code>statement</code> (Markdown) — required.
        </li>
        <li>
          <code>difficulty</code>: easy, medium or hard. <code>category</code>: coding, sql, system_design, behavioural
          or frontend.
        </li>
        <li>
          <code>tags</code>: up to 20 lowercase tags. <code>constraints</code>: Markdown. <code>examples</code>: up to
          10 of {'{ input, output, explanation }'}.
        </li>
        <li>
          <code>timeLimitMs</code> 100–10000 (default 2000), <code>memoryLimitMb</code> 16–1024 (256),{' '}
          <code>estimatedMinutes</code> 1–240 (30).
        </li>
        <li>
          <code>comparator</code>: {'{ "kind": … }'} with exact, trailing_whitespace (default), whitespace, float
          (absolute, relative), unordered_lines or checker (language, source).
        </li>
        <li>
          <code>tests</code>: up to 500 of {'{ name, input, expectedOutput, hidden, weight, comparator? }'}; input and
          output up to 4 MiB each.
        </li>
        <li>
          <code>starterCode</code> and <code>referenceSolutions</code>: objects from language id (python, javascript,
          typescript, java, c, cpp, go, rust, ruby, php, csharp, bash, sql) to source code.
        </li>
        <li>
          <code>interviewerGuide</code>: {'{ guidance, rubric: [{ level, description }], expectedAnswer }'} — shown to
          interviewers only.
        </li>
      </ul>
      <CodeBlock code={EXAMPLE} lang="javascript" label="Example package" />
    </details>
  );
}
