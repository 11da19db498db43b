/**
 * The `room` benchmark's server database: a fresh PostgreSQL database, or
 * embedded PGlite (null).
 */
import pg from 'pg';
import { progress } from './report.js';
import type { Settings } from './room-settings.js';

async function createDatabase(adminUrl: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `isel_bench_room_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/**
 * PostgreSQL (a fresh database on BENCH_DATABASE_URL's server, dropped at the
 * end) unless ROOM_BENCH_DATABASE=pglite; `auto` falls back to embedded PGlite
 * when that server does not answer. null = PGlite.
 */
export async function chooseDatabase(settings: Settings): Promise<Awaited<ReturnType<typeof createDatabase>> | null> {
  if (settings.database === 'pglite') return null;
  try {
    return await createDatabase(settings.databaseUrl);
  } catch (error) {
    const where = new URL(settings.databaseUrl).host;
    if (settings.database === 'postgres') {
      throw new Error(`could not create a database on ${where}: ${String(error)}`, { cause: error });
    }
    progress(
      `PostgreSQL at ${where} is not usable (${String(error)}): using embedded PGlite, which is far slower here.`,
    );
    return null;
  }
}
