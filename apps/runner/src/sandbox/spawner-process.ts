/**
 * The spawner: a small long-lived child process that starts sandbox helpers on
 * behalf of the engine. Forking is proportional to the parent's memory: from
 * a server holding an embedded database (~0.6–1 GiB RSS) every spawn took ~50 ms
 * and stalled its event loop; from this ~50 MiB process it takes a few ms.
 * It also holds the warm sandboxes' helpers (ADR 0021): their stdin pipes stay
 * here until the engine hands a run over or discards them.
 * Protocol (process IPC, advanced serialisation): see spawner.ts.
 */
import { launchHelper, type HelperExit, type HelperSink } from './sandbox.js';
import type { SpawnerReply, SpawnerRequest } from './spawner.js';
import { launchWarmHelper, type WarmHelper } from './warm-sandbox.js';

function reply(message: SpawnerReply): void {
  process.send?.(message);
}

const warm = new Map<number, WarmHelper>();

function relay(id: number): HelperSink {
  return {
    onStdout: (chunk) => reply({ type: 'stdout', id, data: chunk }),
    onStderr: (chunk) => reply({ type: 'stderr', id, data: chunk }),
  };
}

function settle(id: number, exit: Promise<HelperExit>): void {
  exit.then(
    (done) => reply({ type: 'exit', id, exitCode: done.exitCode, result: done.result }),
    (error: unknown) => reply({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }),
  );
}

process.on('message', (message: SpawnerRequest) => {
  const { id } = message;
  if (message.type === 'run') {
    settle(id, launchHelper(message.args, message.stdin, relay(id), message.killAfterMs));
  } else if (message.type === 'warm') {
    try {
      const helper = launchWarmHelper(message.args, relay(id), () => reply({ type: 'ready', id }));
      warm.set(id, helper);
      settle(
        id,
        helper.exit.finally(() => warm.delete(id)),
      );
    } catch (error) {
      reply({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
    }
  } else if (message.type === 'start') {
    const helper = warm.get(id);
    // Gone already: the engine learns it from the helper's exit message and runs cold.
    helper?.start(Buffer.from(message.payload), message.killAfterMs);
  } else {
    warm.get(id)?.discard();
  }
});

// The engine went away: nothing left to do (running helpers die with their sandboxes' parent;
// warm helpers see EOF on stdin when this process exits and remove their sandboxes).
process.on('disconnect', () => process.exit(0));
