/**
 * Which languages can run, and on how many slots: the embedded engine's, or
 * (scaled) the union of what live `npm run runner` processes advertise in
 * Redis. No runner at all means code execution is unavailable.
 */
import { LanguageInfoSchema, type LanguageInfo } from '@interviewselect/contracts';
import type { ExecutionEngine } from './execution-engine.js';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export interface RunnerInfo {
  languages: LanguageInfo[];
  slots: number;
}

export interface RunnerDirectory {
  current(): Promise<RunnerInfo | null>;
}

/** A runner that has not advertised itself for this long is considered gone. */
const ADVERT_TTL_MS = 45_000;
const ADVERT_INTERVAL_MS = 15_000;

const AdvertSchema = z.object({ languages: z.array(LanguageInfoSchema), slots: z.int(), seenAt: z.number() });

function runnersKey(prefix: string): string {
  return `${prefix}exec:runners`;
}

/** Narrows a directory to the languages an operator offers (RUNNER_LANGUAGES); all when undefined. */
export function offeredLanguages(directory: RunnerDirectory, offered: readonly string[] | undefined): RunnerDirectory {
  if (!offered) return directory;
  return {
    async current() {
      const info = await directory.current();
      return info && { ...info, languages: info.languages.filter((l) => offered.includes(l.id)) };
    },
  };
}

export function engineDirectory(engine: ExecutionEngine | undefined): RunnerDirectory {
  return {
    current: async () => (engine ? { languages: await engine.languages(), slots: engine.slots } : null),
  };
}

export function redisRunnerDirectory(redis: Redis, prefix: string, now = () => Date.now()): RunnerDirectory {
  return {
    async current() {
      const adverts = await redis.hgetall(runnersKey(prefix));
      const languages = new Map<string, LanguageInfo>();
      let slots = 0;
      for (const [runnerId, json] of Object.entries(adverts)) {
        const parsed = AdvertSchema.safeParse(parseJson(json));
        if (!parsed.success || now() - parsed.data.seenAt > ADVERT_TTL_MS) {
          await redis.hdel(runnersKey(prefix), runnerId);
          continue;
        }
        slots += parsed.data.slots;
        for (const language of parsed.data.languages) languages.set(language.id, language);
      }
      if (slots === 0) return null;
      return { languages: [...languages.values()].sort((a, b) => a.id.localeCompare(b.id)), slots };
    },
  };
}

/** Advertises a runner process now and every 15 s until stop() (which withdraws it). */
export function advertiseRunner(opts: { redis: Redis; prefix: string; runnerId: string; info: RunnerInfo }) {
  const { redis, prefix, runnerId, info } = opts;
  const advertise = () =>
    redis.hset(runnersKey(prefix), runnerId, JSON.stringify({ ...info, seenAt: Date.now() })).then(() => undefined);
  const timer = setInterval(() => void advertise().catch(() => undefined), ADVERT_INTERVAL_MS).unref();
  return {
    ready: advertise(),
    async stop(): Promise<void> {
      clearInterval(timer);
      await redis.hdel(runnersKey(prefix), runnerId);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
