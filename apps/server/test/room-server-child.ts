/**
 * A server process for the room durability test (run with `node --import tsx`):
 * buildApp over a file-backed PGlite directory (or DATABASE_URL), with the
 * test RoomAccess. `seed` migrates, seeds one room, prints it as JSON and
 * exits; `serve` listens on a free loopback port and prints `{"port":…}`.
 * The test kills it with SIGKILL to check that nothing acknowledged is lost.
 */
import { buildApp } from '../src/app.js';
import { createDatabase } from '../src/platform/db.js';
import { applyMigrations } from '../src/platform/migrations.js';
import { testConfig, testMailService } from './create-test-app.js';
import { seedRoom, testRoomAccess } from './room-fixtures.js';

const [mode, dataDir] = process.argv.slice(2);
if (!dataDir || (mode !== 'seed' && mode !== 'serve'))
  throw new Error('usage: room-server-child.ts seed|serve <dataDir>');

const databaseUrl = process.env.DATABASE_URL;
const database = await createDatabase(
  databaseUrl ? { kind: 'postgres', url: databaseUrl, poolMax: 4 } : { kind: 'pglite', dataDir },
);
if (mode === 'seed') {
  await applyMigrations(database);
  process.stdout.write(`${JSON.stringify(await seedRoom(database.db))}\n`);
  await database.close();
} else {
  const app = await buildApp({
    config: testConfig(),
    database,
    logger: false,
    mail: testMailService(database),
    roomAccess: testRoomAccess(database.db),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
}
