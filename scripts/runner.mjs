// `npm run runner -- [command]`:
//   (none) | worker   the scaled-mode runner process: takes execution jobs from Redis (BullMQ)
//   selftest          every catalogued language: installed, version, hello world, a hostile probe
//   exec --lang <id> <file> [--stdin <file>] [--time-limit ms] [--memory-limit mb]
//                     one program through the same sandbox and limits the server uses, as JSON
// Runs the built code (npm start / npm test build it; or `npm run build`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [command, ...rest] = process.argv.slice(2);
const cli = ['selftest', 'exec'].includes(command ?? '');
const entry = cli ? 'apps/runner/dist/src/cli/main.js' : 'apps/server/dist/src/cli/runner-worker.js';
const args = cli ? [command, ...rest] : command === 'worker' ? rest : process.argv.slice(2);
if (!existsSync(path.join(root, entry))) {
  console.error(`runner: ${entry} is not built — run \`npm run build\` first`);
  process.exit(1);
}
const helper = path.join(root, 'apps/runner/native/build.sh');
const built = spawn('sh', [helper], { stdio: 'inherit' });
built.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const child = spawn(process.execPath, [path.join(root, entry), ...args], { stdio: 'inherit' });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
});
