/**
 * Compile once: artefacts cached on disk by sha256(language, version, flags,
 * source), size-bounded and evicted least-recently-used. Entries are written
 * only by the host from parsed tarballs into fresh host-owned directories and
 * are bound read-only into run sandboxes; an entry in use is never evicted.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TarFile } from './tar.js';

interface Entry {
  dir: string;
  files: string[];
  bytes: number;
  lastUsed: number;
  users: number;
}

export interface CachedArtefact {
  dir: string;
  files: string[];
  release(): void;
}

export interface ArtefactCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export class ArtefactCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private clock = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly root: string,
    private readonly maxBytes: number,
  ) {}

  /** A cached artefact, pinned until release(); null on a miss. */
  acquire(key: string): CachedArtefact | null {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return null;
    }
    this.hits++;
    return this.pin(entry);
  }

  /** Stores artefact files under the key and returns them pinned. */
  async put(key: string, files: TarFile[]): Promise<CachedArtefact> {
    const existing = this.entries.get(key);
    if (existing) return this.pin(existing);
    const staging = path.join(this.root, `.tmp-${randomBytes(8).toString('hex')}`);
    await mkdir(staging, { mode: 0o755, recursive: true });
    let bytes = 0;
    for (const file of files) {
      // Fresh directory, plain names (checked by the tar reader), exclusive create: nothing to follow.
      await writeFile(path.join(staging, file.name), file.data, {
        mode: file.mode & 0o111 ? 0o755 : 0o644,
        flag: 'wx',
      });
      bytes += file.data.length;
    }
    const dir = path.join(this.root, key);
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
    const entry: Entry = { dir, files: files.map((f) => f.name), bytes, lastUsed: 0, users: 0 };
    this.entries.set(key, entry);
    this.bytes += bytes;
    const pinned = this.pin(entry);
    await this.evict();
    return pinned;
  }

  stats(): ArtefactCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }

  private pin(entry: Entry): CachedArtefact {
    entry.users++;
    entry.lastUsed = ++this.clock;
    let released = false;
    return {
      dir: entry.dir,
      files: entry.files,
      release: () => {
        if (released) return;
        released = true;
        entry.users--;
      },
    };
  }

  private async evict(): Promise<void> {
    if (this.bytes <= this.maxBytes) return;
    const idle = [...this.entries.entries()]
      .filter(([, e]) => e.users === 0)
      .sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [key, entry] of idle) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
      await rm(entry.dir, { recursive: true, force: true });
    }
  }
}
