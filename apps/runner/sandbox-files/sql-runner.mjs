// Runs inside the sandbox (Node 24 + PGlite bound read-only): a fresh in-memory
// PostgreSQL per run. stdin = the problem's schema and seed data; main.sql = the
// candidate's query. Each result set prints as a header line and rows, columns
// separated by "|", NULL as "NULL"; result sets are separated by a blank line.
import { readFileSync, writeFileSync } from 'node:fs';
import { PGlite } from '/opt/pglite/dist/index.js';

// One-time setup (run like a compile step): initdb once, save the data directory;
// every run then loads that snapshot instead of running initdb (5 s → about 1 s).
if (process.argv[2] === '--init') {
  const db = await PGlite.create();
  const dump = await db.dumpDataDir('none');
  writeFileSync(process.argv[3], Buffer.from(await dump.arrayBuffer()));
  await db.close();
  process.exit(0);
}

function cell(value) {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const setup = readFileSync(0, 'utf8');
const query = readFileSync(process.argv[2], 'utf8');
const db = await PGlite.create({ loadDataDir: new Blob([readFileSync('/box/pgdata.tar')]) });
try {
  if (setup.trim()) await db.exec(setup);
} catch (error) {
  process.stderr.write(`setup failed: ${error.message}\n`);
  process.exit(2);
}
try {
  const results = await db.exec(query);
  const blocks = results
    .filter((r) => r.fields.length > 0)
    .map((r) =>
      [
        r.fields.map((f) => f.name).join('|'),
        ...r.rows.map((row) => r.fields.map((f) => cell(row[f.name])).join('|')),
      ].join('\n'),
    );
  const text = blocks.length ? blocks.join('\n\n') + '\n' : '';
  // PGlite keeps the event loop busy after the query: flush and leave.
  process.stdout.write(text, () => process.exit(0));
} catch (error) {
  process.stderr.write(`ERROR: ${error.message}\n`, () => process.exit(1));
}
