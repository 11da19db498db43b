/**
 * Bulk test entry. Pasted text: cases separated by a line "===", input and
 * expected output of a case separated by a line "---". Files: pairs named
 * <name>.in with <name>.out (or .ans / .expected), ordered by name the way
 * people number them (2 before 10).
 */
export interface BulkCase {
  name: string;
  input: string;
  expectedOutput: string;
}

export type BulkResult = { cases: BulkCase[]; problems: string[] };

const CASE_SEPARATOR = /^\s*===\s*$/;
const IO_SEPARATOR = /^\s*---\s*$/;

const withFinalNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

export function parsePastedCases(text: string): BulkResult {
  const cases: BulkCase[] = [];
  const problems: string[] = [];
  const blocks: string[][] = [[]];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (CASE_SEPARATOR.test(line)) blocks.push([]);
    else blocks.at(-1)?.push(line);
  }
  blocks.forEach((lines, index) => {
    if (lines.every((l) => l.trim() === '')) return;
    const split = lines.findIndex((l) => IO_SEPARATOR.test(l));
    if (split === -1) {
      problems.push(`Case ${index + 1} has no "---" line between its input and its expected output.`);
      return;
    }
    const trimEdges = (part: string[]) => {
      const copy = [...part];
      while (copy.length > 0 && copy[0]?.trim() === '') copy.shift();
      while (copy.length > 0 && copy.at(-1)?.trim() === '') copy.pop();
      return withFinalNewline(copy.join('\n'));
    };
    cases.push({
      name: '',
      input: trimEdges(lines.slice(0, split)),
      expectedOutput: trimEdges(lines.slice(split + 1)),
    });
  });
  return { cases, problems };
}

const OUTPUT_EXTENSIONS = ['out', 'ans', 'expected'];
const collator = new Intl.Collator(undefined, { numeric: true });

function splitName(fileName: string): { base: string; ext: string } {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? { base: fileName, ext: '' } : { base: fileName.slice(0, dot), ext: fileName.slice(dot + 1) };
}

/** Pairs files that were read already (name and text); unmatched files are reported, not guessed. */
export function pairCaseFiles(files: readonly { name: string; text: string }[]): BulkResult {
  const inputs = new Map<string, string>();
  const outputs = new Map<string, string>();
  const problems: string[] = [];
  for (const file of files) {
    const { base, ext } = splitName(file.name);
    const kind = ext.toLowerCase();
    if (kind === 'in') inputs.set(base, file.text);
    else if (OUTPUT_EXTENSIONS.includes(kind)) outputs.set(base, file.text);
    else problems.push(`${file.name}: name inputs <name>.in and expected outputs <name>.out.`);
  }
  const cases: BulkCase[] = [];
  for (const base of [...inputs.keys()].sort(collator.compare)) {
    const expected = outputs.get(base);
    if (expected === undefined) {
      problems.push(`${base}.in has no matching ${base}.out.`);
      continue;
    }
    cases.push({ name: base, input: inputs.get(base) ?? '', expectedOutput: expected });
    outputs.delete(base);
  }
  for (const base of outputs.keys()) problems.push(`${base}.out has no matching ${base}.in.`);
  return { cases, problems };
}
