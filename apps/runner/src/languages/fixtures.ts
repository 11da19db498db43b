/**
 * Test fixtures for every catalogued language: "add two numbers" (reads
 * "a b", prints a+b) and its five test cases, the last two hidden. Used by
 * the sandbox language tests and by `npm run bench -- execution`.
 */
import type { LanguageId } from '@interviewselect/contracts';
import type { ExecutionJob } from '../types.js';

/** "Add two numbers" in every language: reads "a b" from stdin, prints a+b. */
export const SUM_PROGRAMS: Record<LanguageId, string> = {
  python: 'a, b = map(int, input().split())\nprint(a + b)\n',
  javascript:
    'const [a, b] = require("fs").readFileSync(0, "utf8").trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n',
  typescript:
    'import { readFileSync } from "node:fs";\nconst [a, b]: number[] = readFileSync(0, "utf8").trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n',
  java: 'import java.util.*;\npublic class Main { public static void main(String[] x) { Scanner s = new Scanner(System.in); long a = s.nextLong(), b = s.nextLong(); System.out.println(a + b); } }\n',
  c: '#include <stdio.h>\nint main(void){long long a,b;if(scanf("%lld %lld",&a,&b)!=2)return 1;printf("%lld\\n",a+b);return 0;}\n',
  cpp: '#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<"\\n";}\n',
  go: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar a, b int64\n\tfmt.Scan(&a, &b)\n\tfmt.Println(a + b)\n}\n',
  rust: 'use std::io::Read;\nfn main() {\n    let mut s = String::new();\n    std::io::stdin().read_to_string(&mut s).unwrap();\n    let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect();\n    println!("{}", v[0] + v[1]);\n}\n',
  ruby: 'a, b = gets.split.map(&:to_i)\nputs a + b\n',
  php: '<?php\n[$a, $b] = array_map("intval", preg_split("/\\s+/", trim(fgets(STDIN))));\necho $a + $b, "\\n";\n',
  csharp:
    'using System;\npublic class Program { public static void Main() { var p = Console.ReadLine().Split(); Console.WriteLine(long.Parse(p[0]) + long.Parse(p[1])); } }\n',
  bash: 'read a b\necho $((a + b))\n',
  sql: 'SELECT a + b AS sum FROM t;\n',
};

export function sumTests(language: LanguageId): ExecutionJob['tests'] {
  return [
    [1, 2],
    [40, 2],
    [-5, 5],
    [123456789, 987654321],
    [7, 8],
  ].map(([a = 0, b = 0], i) => ({
    ordinal: i + 1,
    input:
      language === 'sql' ? `CREATE TABLE t(a bigint, b bigint); INSERT INTO t VALUES (${a}, ${b});` : `${a} ${b}\n`,
    expectedOutput: language === 'sql' ? `sum\n${a + b}\n` : `${a + b}\n`,
    hidden: i >= 3,
  }));
}
