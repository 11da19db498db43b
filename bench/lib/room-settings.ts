/**
 * The `room` benchmark's settings, read from ROOM_BENCH_* (see bench/README.md
 * `room`); a bad value is a UsageError (exit 2).
 */
import type { CandidateKind } from './room-setup.js';

/** Where `auto` looks for PostgreSQL when BENCH_DATABASE_URL is unset (a fresh database is created on it). */
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type ServerKind = 'baseline' | 'server';

export class UsageError extends Error {}

function intSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function numberSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${name} must be a number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function listSetting<T extends string>(name: string, fallback: T[], allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const items = raw.split(',').map((s) => s.trim()) as T[];
  for (const item of items) {
    if (!allowed.includes(item))
      throw new UsageError(`${name}: ${JSON.stringify(item)} is not one of ${allowed.join(', ')}`);
  }
  return items;
}

export function readSettings() {
  const rawSizes = process.env.ROOM_BENCH_SIZES?.trim() || '100,1000,5000';
  const sizes = rawSizes.split(',').map((s) => Number(s.trim()));
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < 20 || size > 20_000) {
      throw new UsageError(
        `ROOM_BENCH_SIZES must list whole numbers from 20 to 20000, got ${JSON.stringify(rawSizes)}`,
      );
    }
  }
  const generators = process.env.ROOM_BENCH_GENERATORS?.trim();
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    servers: listSetting<ServerKind>('ROOM_BENCH_SERVERS', ['baseline', 'server'], ['baseline', 'server']),
    warmupS: intSetting('ROOM_BENCH_WARMUP_S', 5, 0, 120),
    measureS: intSetting('ROOM_BENCH_MEASURE_S', 20, 3, 600),
    charsPerSecond: numberSetting('ROOM_BENCH_CPS', 5, 0.1, 50),
    awarenessEvery: intSetting('ROOM_BENCH_AWARENESS_EVERY', 3, 0, 1000),
    backspaceRatio: numberSetting('ROOM_BENCH_BACKSPACE', 0.1, 0, 0.5),
    duty: numberSetting('ROOM_BENCH_TYPING_DUTY', 1, 0.01, 1),
    probeRooms: intSetting('ROOM_BENCH_PROBE_ROOMS', 8, 1, 100),
    generators: generators ? intSetting('ROOM_BENCH_GENERATORS', 1, 1, 8) : null,
    batch: intSetting('ROOM_BENCH_BATCH', 100, 2, 2000),
    privateDoc: (process.env.ROOM_BENCH_PRIVATE_DOC ?? 'true') !== 'false',
    setupConcurrency: intSetting('ROOM_BENCH_SETUP_CONCURRENCY', 16, 1, 64),
    candidate: listSetting<CandidateKind>('ROOM_BENCH_CANDIDATE', ['user'], ['user', 'guest'])[0] as CandidateKind,
    database: listSetting<'auto' | 'postgres' | 'pglite'>(
      'ROOM_BENCH_DATABASE',
      ['auto'],
      ['auto', 'postgres', 'pglite'],
    )[0],
    databaseUrl: process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_POSTGRES_URL,
  };
}
export type Settings = ReturnType<typeof readSettings>;
