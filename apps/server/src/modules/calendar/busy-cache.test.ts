import { describe, expect, it } from 'vitest';
import { createBusyCache, type BusyRead } from './busy-cache.js';

const at = (iso: string) => new Date(iso);

function harness(answers: (() => BusyRead)[]) {
  let clock = at('2026-03-10T09:00:00Z');
  const reads: { userId: string; from: string; to: string }[] = [];
  const gates: (() => void)[] = [];
  let gated = false;
  const cache = createBusyCache({
    now: () => clock,
    read: async (userId, from, to) => {
      reads.push({ userId, from: from.toISOString(), to: to.toISOString() });
      if (gated) await new Promise<void>((resolve) => gates.push(resolve));
      const next = answers.shift();
      if (!next) throw new Error('no answer left');
      return next();
    },
  });
  return {
    cache,
    reads,
    advance: (ms: number) => (clock = new Date(clock.getTime() + ms)),
    gate: (on: boolean) => (gated = on),
    release: () => gates.splice(0).forEach((g) => g()),
  };
}

const dentist = { start: at('2026-03-24T13:00:00Z'), end: at('2026-03-24T14:00:00Z') };
const gym = { start: at('2026-03-12T07:00:00Z'), end: at('2026-03-12T08:00:00Z') };

describe('busy cache', () => {
  it('reads a month ahead once, serves narrower ranges from it, and reads again after the TTL', async () => {
    const h = harness([() => ({ ranges: [dentist, gym] }), () => ({ ranges: [] })]);
    expect(await h.cache.get('ivy', at('2026-03-24T00:00:00Z'), at('2026-03-25T00:00:00Z'))).toEqual({
      ranges: [dentist],
    });
    expect(h.reads).toEqual([{ userId: 'ivy', from: '2026-03-10T00:00:00.000Z', to: '2026-04-10T09:00:00.000Z' }]);
    expect(await h.cache.get('ivy', at('2026-03-12T00:00:00Z'), at('2026-03-13T00:00:00Z'))).toEqual({
      ranges: [gym],
    });
    expect(h.reads).toHaveLength(1);
    h.advance(2 * 60_000);
    expect(await h.cache.get('ivy', at('2026-03-24T00:00:00Z'), at('2026-03-25T00:00:00Z'))).toEqual({ ranges: [] });
    expect(h.reads).toHaveLength(2);
  });

  it('reads again for a range beyond the last read, and keeps people apart', async () => {
    const h = harness([() => ({ ranges: [] }), () => ({ ranges: [dentist] }), () => null]);
    await h.cache.get('ivy', at('2026-03-11T00:00:00Z'), at('2026-03-12T00:00:00Z'));
    await h.cache.get('ivy', at('2026-05-01T00:00:00Z'), at('2026-05-02T00:00:00Z'));
    expect(h.reads[1]).toEqual({ userId: 'ivy', from: '2026-03-10T00:00:00.000Z', to: '2026-05-02T00:00:00.000Z' });
    expect(await h.cache.get('max', at('2026-03-11T00:00:00Z'), at('2026-03-12T00:00:00Z'))).toBeNull();
    expect(h.reads).toHaveLength(3);
  });

  it('remembers a failure for a minute only, so a dead server does not cost its timeout on every query', async () => {
    const h = harness([() => ({ error: 'timed out' }), () => ({ ranges: [dentist] })]);
    const range = [at('2026-03-24T00:00:00Z'), at('2026-03-25T00:00:00Z')] as const;
    expect(await h.cache.get('ivy', ...range)).toEqual({ error: 'timed out' });
    h.advance(59_000);
    expect(await h.cache.get('ivy', ...range)).toEqual({ error: 'timed out' });
    expect(h.reads).toHaveLength(1);
    h.advance(1_000);
    expect(await h.cache.get('ivy', ...range)).toEqual({ ranges: [dentist] });
  });

  it('shares one read between people asking at once, and forget drops an answer still on its way', async () => {
    const h = harness([() => ({ ranges: [dentist] }), () => ({ ranges: [] }), () => ({ ranges: [gym] })]);
    const range = [at('2026-03-10T00:00:00Z'), at('2026-03-30T00:00:00Z')] as const;
    h.gate(true);
    const first = h.cache.get('ivy', ...range);
    const second = h.cache.get('ivy', ...range);
    await Promise.resolve();
    h.release();
    expect(await first).toEqual({ ranges: [dentist] });
    expect(await second).toEqual({ ranges: [dentist] });
    expect(h.reads).toHaveLength(1);

    // Ivy reconnects (another calendar) while a read of the old one is running: its answer is not kept.
    h.advance(3 * 60_000);
    const stale = h.cache.get('ivy', ...range);
    await Promise.resolve();
    h.cache.forget('ivy');
    h.release();
    expect(await stale).toEqual({ ranges: [] });
    h.gate(false);
    expect(await h.cache.get('ivy', ...range)).toEqual({ ranges: [gym] });
    expect(h.reads).toHaveLength(3);
  });
});
