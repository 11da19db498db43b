/**
 * `npm run db:migrate`: applies pending migrations and exits, for deployments
 * that migrate in a release step instead of at server start (which also works:
 * both take the same advisory lock).
 */
import { loadConfig } from '../config.js';
import { createDatabase } from '../platform/db.js';
import { applyMigrations } from '../platform/migrations.js';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const database = await createDatabase(config.database);
  try {
    const { applied } = await applyMigrations(database);
    console.log(applied === 0 ? 'database is up to date' : `applied ${applied} migration(s)`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
