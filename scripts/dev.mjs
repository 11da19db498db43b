// `npm run dev`: hot reload of server and web together.
// - contracts: tsc --watch (server and web import its compiled output)
// - server:    tsx watch on the TypeScript sources, restarting on change (port 3000)
// - web:       Vite dev server with HMR (port 5173), proxying /api and /ws to the server
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const procs = [
  {
    name: 'contracts',
    cmd: bin('tsc'),
    args: ['-b', 'packages/contracts', '--watch', '--preserveWatchOutput'],
    cwd: root,
  },
  { name: 'server', cmd: bin('tsx'), args: ['watch', '--clear-screen=false', 'apps/server/src/main.ts'], cwd: root },
  { name: 'web', cmd: bin('vite'), args: ['--host', '127.0.0.1'], cwd: path.join(root, 'apps/web') },
];

const children = procs.map(({ name, cmd, args, cwd }) => {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout.on('data', (d) => process.stdout.write(prefix(d)));
  child.stderr.on('data', (d) => process.stderr.write(prefix(d)));
  child.on('exit', (code) => {
    console.log(`[${name}] exited with ${code}; stopping the others`);
    shutdown(code ?? 1);
  });
  return child;
});

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
console.log('dev: web with hot reload at http://127.0.0.1:5173 (API on :3000)');
