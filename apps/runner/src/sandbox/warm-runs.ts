/**
 * Run steps through the warm pool (ADR 0021): a program whose files can be
 * handed over (plain names in /box, within the stub's budget) runs in the
 * slot's ready warm sandbox of its profile if there is one, else cold; either
 * way, once the run is over, the slot gets a fresh warm sandbox of that profile
 * in the background (made during the run, its spawn stalled the spawner's relay
 * of the run's output by ~10 ms on this VM).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import {
  runInSandbox,
  type Bind,
  type HelperLauncher,
  type SandboxHost,
  type SandboxRun,
  type SandboxSpec,
} from './sandbox.js';
import type { WarmPool } from './warm-pool.js';
import {
  HAND_OVER_LIMITS,
  isHandOverName,
  runInWarmSandbox,
  warmHelperArgs,
  type HandOver,
  type HandOverFile,
} from './warm-sandbox.js';

/**
 * Program files copied into a warm sandbox at most, in all. Copying costs ~6 ms per MiB here
 * (IPC, helper relay, stub, tmpfs) against ~5 ms saved: Go (~2 MiB) and Rust (~11 MiB)
 * binaries run faster cold, where they are bound read-only without a copy.
 */
export const WARM_COPY_BYTES = 512 * 1024;

/** What a run needs to use the pool: its profile (everything the warm sandbox was made with) and hand-over. */
export interface WarmRun {
  profileKey: string;
  /** The binds the warm sandbox is made with (the language's; the program's own files are handed over). */
  binds: Bind[];
  handOver: HandOver;
}

/** Reads one host file the host itself wrote (staging or the artefact cache): never a sandbox-writable path. */
async function readHostFile(hostPath: string, name: string, budget: number): Promise<HandOverFile | null> {
  const file = await open(hostPath, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const info = await file.stat();
    if (!info.isFile() || info.size > budget) return null;
    return { name, mode: info.mode & 0o111 ? 0o755 : 0o644, data: await file.readFile() };
  } finally {
    await file.close();
  }
}

/**
 * The warm form of a run, or null when it runs cold: a program file bound elsewhere than
 * /box/<plain name>, too many files or more than WARM_COPY_BYTES, or an argv/env over the stub's caps.
 */
export async function prepareWarmRun(
  languageId: string,
  languageBinds: Bind[],
  programBinds: Bind[],
  spec: Pick<SandboxSpec, 'argv' | 'env' | 'limits'>,
): Promise<WarmRun | null> {
  if (programBinds.length > HAND_OVER_LIMITS.files || spec.argv.length > HAND_OVER_LIMITS.args) return null;
  if (Object.keys(spec.env).length > HAND_OVER_LIMITS.env) return null;
  let budget = Math.min(WARM_COPY_BYTES, HAND_OVER_LIMITS.fileBytes, spec.limits.tmpfsBytes, spec.limits.fileSizeBytes);
  const files: HandOverFile[] = [];
  for (const bind of programBinds) {
    const name = bind.sandbox.startsWith('/box/') ? bind.sandbox.slice(5) : '';
    if (!isHandOverName(name)) return null;
    const file = await readHostFile(bind.host, name, budget);
    if (!file) return null;
    budget -= file.data.length;
    files.push(file);
  }
  return {
    profileKey: JSON.stringify([languageId, languageBinds, spec.limits]),
    binds: languageBinds,
    handOver: { files, argv: spec.argv, env: spec.env },
  };
}

/** Runs on the slot: warm when its pool has a ready sandbox of the profile, else cold; then refills the slot. */
export async function runWarmOrCold(
  pool: WarmPool,
  launcher: HelperLauncher,
  slot: { index: number; host: SandboxHost },
  warm: WarmRun,
  spec: SandboxSpec,
): Promise<SandboxRun> {
  const sandbox = pool.take(slot.index, warm.profileKey);
  try {
    const run = sandbox ? await runInWarmSandbox(sandbox, warm.handOver, spec) : null;
    return run ?? (await runInSandbox(slot.host, spec, launcher));
  } finally {
    pool.fill(slot.index, warm.profileKey, () =>
      warmHelperArgs(slot.host, `warm-${randomBytes(8).toString('hex')}`, spec.limits, warm.binds),
    );
  }
}
