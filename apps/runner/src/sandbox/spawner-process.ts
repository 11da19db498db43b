/**
 * The spawner: a small long-lived child process that starts sandbox helpers on
 * behalf of the engine. Forking is proportional to the parent's memory: from
 * a server holding an embedded database (~0.6–1 GiB RSS) every spawn took ~50 ms
 * and stalled its event loop; from this ~50 MiB process it takes a few ms.
 * Protocol (process IPC, advanced serialisation): see spawner.ts.
 */
import { launchHelper } from './sandbox.js';
import type { SpawnerReply, SpawnerRequest } from './spawner.js';

function reply(message: SpawnerReply): void {
  process.send?.(message);
}

process.on('message', (message: SpawnerRequest) => {
  if (message.type !== 'run') return;
  const { id } = message;
  launchHelper(
    message.args,
    message.stdin,
    {
      onStdout: (chunk) => reply({ type: 'stdout', id, data: chunk }),
      onStderr: (chunk) => reply({ type: 'stderr', id, data: chunk }),
    },
    message.killAfterMs,
  ).then(
    (exit) => reply({ type: 'exit', id, exitCode: exit.exitCode, result: exit.result }),
    (error: unknown) => reply({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }),
  );
});

// The engine went away: nothing left to do (running helpers die with their sandboxes' parent).
process.on('disconnect', () => process.exit(0));
