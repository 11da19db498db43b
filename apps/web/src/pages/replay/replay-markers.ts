import type { ConsoleEntry, ReplayLog, TimelineEvent } from '@interviewselect/contracts';

/** One marker on the scrubber and in the event list. */
export interface ReplayMarker {
  /** Milliseconds since the replay's start. */
  offset: number;
  kind: TimelineEvent['kind'] | 'notes';
  title: string;
  detail: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

/** The markers of a replay, oldest first; run output comes from the final console (`runs`). */
export function replayMarkers(log: ReplayLog, start: number, runs: ConsoleEntry[]): ReplayMarker[] {
  const byExecution = new Map(runs.map((r) => [r.executionId, r]));
  const markers: ReplayMarker[] = log.events.map((e) => {
    const who = e.label ?? 'Someone';
    const d = e.detail;
    const offset = Math.max(0, Date.parse(e.at) - start);
    switch (e.kind) {
      case 'join':
        return { offset, kind: e.kind, title: `${who} joined`, detail: null };
      case 'leave':
        return { offset, kind: e.kind, title: `${who} left`, detail: null };
      case 'language':
        return { offset, kind: e.kind, title: `Language: ${str(d.language) ?? '?'}`, detail: who };
      case 'chat':
        return { offset, kind: e.kind, title: `${who}: chat`, detail: str(d.text) };
      case 'signal':
        return {
          offset,
          kind: e.kind,
          title: `Signal: ${str(d.signal) ?? '?'}`,
          detail: d.chars !== undefined ? `${str(d.chars)} characters` : null,
        };
      case 'status':
        return { offset, kind: e.kind, title: `Interview ${str(d.status) ?? ''}`.trim(), detail: null };
      case 'run': {
        const entry = typeof d.executionId === 'string' ? byExecution.get(d.executionId) : undefined;
        const tests = typeof d.testsTotal === 'number' ? ` · ${str(d.testsPassed) ?? 0}/${d.testsTotal} tests` : '';
        const output = entry ? (entry.stderr || entry.stdout).trim().slice(0, 160) : '';
        return {
          offset,
          kind: e.kind,
          title: `${who} ran the code: ${str(d.verdict) ?? str(d.status) ?? 'unknown'}${tests}`,
          detail: output || null,
        };
      }
      default:
        return { offset, kind: e.kind, title: e.kind, detail: null };
    }
  });
  for (const at of log.notes) {
    markers.push({ offset: Math.max(0, Date.parse(at) - start), kind: 'notes', title: 'Notes edited', detail: null });
  }
  return markers.sort((a, b) => a.offset - b.offset);
}

/** m:ss (or h:mm:ss). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
