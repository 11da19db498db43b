import { execFile } from 'node:child_process';
import os from 'node:os';
import type { LanguageDefinition } from './catalogue.js';

/** The toolchain's version, read on the host from the catalogue's version command (trusted binaries); null if absent. */
export function hostVersion(def: LanguageDefinition): Promise<string | null> {
  const [cmd, ...args] = def.versionCommand;
  if (!cmd) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { timeout: 15_000, env: { PATH: '/usr/bin:/bin', HOME: os.tmpdir() } },
      (err, stdout, stderr) => {
        if (err) return resolve(null);
        resolve(def.versionPattern.exec(`${stdout}\n${stderr}`)?.[1] ?? null);
      },
    );
  });
}
