/**
 * `npm run audit:verify`: recomputes the audit log's hash chain and reports
 * whether any event was edited or deleted. Exit 0 when intact, 1 when broken,
 * 2 when the check could not run (bad config, database unreachable).
 */
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.js';
import { createAuditRepo } from '../modules/audit/audit.repo.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createDatabase, type Database } from '../platform/db.js';

/** Verifies the chain in `database`, prints one line through `print`, and returns the exit code. */
export async function runAuditVerify(
  database: Database,
  print: (line: string) => void = (line) => console.log(line),
): Promise<0 | 1> {
  const audit = createAuditService({ repo: createAuditRepo(database.db), now: () => new Date() });
  const result = await audit.verifyChain();
  if (result.ok) {
    print(`audit log OK: ${result.count} events`);
    return 0;
  }
  print(`audit log BROKEN at seq ${result.brokenAtSeq}`);
  return 1;
}

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const database = await createDatabase(config.database);
  try {
    return await runAuditVerify(database);
  } finally {
    await database.close();
  }
}

// Run only when executed, not when a test imports runAuditVerify.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
