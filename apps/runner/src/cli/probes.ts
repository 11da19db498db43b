/**
 * One hostile probe per language for `runner selftest`: try to read the host's
 * /etc/shadow; print "blocked" when that fails, "ESCAPED" when it succeeds.
 * (The full attack suite lives in apps/runner/src/security.sandbox.test.ts.)
 */
import type { LanguageId } from '@interviewselect/contracts';

export const HOSTILE_PROBES: Record<LanguageId, string> = {
  python: `try:\n    open("/etc/shadow").read()\n    print("ESCAPED")\nexcept OSError:\n    print("blocked")\n`,
  javascript: `try { require("fs").readFileSync("/etc/shadow"); console.log("ESCAPED"); } catch { console.log("blocked"); }\n`,
  typescript: `import { readFileSync } from "node:fs";\ntry { readFileSync("/etc/shadow"); console.log("ESCAPED"); } catch { console.log("blocked"); }\n`,
  java: `import java.nio.file.*;\npublic class Main {\n  public static void main(String[] a) {\n    try { Files.readAllBytes(Paths.get("/etc/shadow")); System.out.println("ESCAPED"); }\n    catch (Exception e) { System.out.println("blocked"); }\n  }\n}\n`,
  c: `#include <stdio.h>\nint main(void) {\n  FILE *f = fopen("/etc/shadow", "r");\n  puts(f ? "ESCAPED" : "blocked");\n  return 0;\n}\n`,
  cpp: `#include <fstream>\n#include <iostream>\nint main() {\n  std::ifstream f("/etc/shadow");\n  std::cout << (f.good() ? "ESCAPED" : "blocked") << "\\n";\n}\n`,
  go: `package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tif _, err := os.ReadFile("/etc/shadow"); err != nil {\n\t\tfmt.Println("blocked")\n\t} else {\n\t\tfmt.Println("ESCAPED")\n\t}\n}\n`,
  rust: `fn main() {\n    match std::fs::read("/etc/shadow") {\n        Ok(_) => println!("ESCAPED"),\n        Err(_) => println!("blocked"),\n    }\n}\n`,
  ruby: `begin\n  File.read("/etc/shadow")\n  puts "ESCAPED"\nrescue StandardError\n  puts "blocked"\nend\n`,
  php: `<?php\necho (@file_get_contents("/etc/shadow") === false) ? "blocked\\n" : "ESCAPED\\n";\n`,
  csharp: `using System;\nusing System.IO;\npublic class Program {\n  public static void Main() {\n    try { File.ReadAllBytes("/etc/shadow"); Console.WriteLine("ESCAPED"); }\n    catch (Exception) { Console.WriteLine("blocked"); }\n  }\n}\n`,
  bash: `if cat /etc/shadow >/dev/null 2>&1; then echo ESCAPED; else echo blocked; fi\n`,
  sql: `CREATE FUNCTION probe() RETURNS text LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM pg_read_file('/etc/shadow');\n  RETURN 'ESCAPED';\nEXCEPTION WHEN OTHERS THEN\n  RETURN 'blocked';\nEND $$;\nSELECT probe() AS result;\n`,
};

/** What a blocked probe prints (SQL prints a header line before its rows). */
export function probeExpectedOutput(language: LanguageId): string {
  return language === 'sql' ? 'result\nblocked\n' : 'blocked\n';
}
