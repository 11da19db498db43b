import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serverPackageRoot } from './package-root.js';

let cached: string | undefined;

/** The server package's version, shown in /api/v1/system and the OpenAPI document. */
export function serverVersion(): string {
  cached ??= (JSON.parse(readFileSync(path.join(serverPackageRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
  return cached;
}
