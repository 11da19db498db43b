import autocannon from 'autocannon';
import { quantileSorted } from './stats.js';

export interface LoadOptions {
  /** Must be a loopback URL: the benchmarks never send load anywhere else. */
  url: string;
  durationS: number;
  connections: number;
  /** Defaults to GET with no body. */
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** One fixed-duration autocannon run against one URL. Latencies are in milliseconds. */
export interface LoadResult {
  /** Seconds autocannon actually ran (it stops on its next 1 s tick after `durationS`). */
  durationS: number;
  /** 2xx responses per second over the whole run. */
  rps: number;
  responses2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Percentiles of the 2xx response times, measured with sub-millisecond resolution. */
  latency: { p50: number; p95: number; p99: number; mean: number; max: number };
}

/** Hard cap on responses per second of run, so a run is bounded in count as well as time. */
const MAX_RPS = 200_000;
/** Extra seconds past the planned duration before a run is aborted as hung. */
const HANG_GRACE_S = 30;

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!(host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host))) {
    throw new Error(`refusing to send load to ${url}: only loopback addresses may be benchmarked`);
  }
}

/**
 * Runs autocannon with a fixed duration and connection count against `url`.
 * autocannon's own latency histogram has 1 ms resolution, which is too coarse
 * for sub-millisecond loopback responses, so 2xx response times are also
 * recorded here from its `response` events and the percentiles computed from them.
 */
export async function runLoad({
  url,
  durationS,
  connections,
  method,
  headers,
  body,
}: LoadOptions): Promise<LoadResult> {
  assertLoopback(url);
  const samples: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration: durationS,
    maxOverallRequests: Math.ceil(durationS * MAX_RPS),
    timeout: 10,
    pipelining: 1,
    ...(method ? { method } : {}),
    ...(headers ? { headers } : {}),
    ...(body !== undefined ? { body } : {}),
  });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) samples.push(responseTimeMs);
  });

  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => {
        instance.stop();
        reject(new Error(`load on ${url} did not finish within ${durationS + HANG_GRACE_S} s`));
      },
      (durationS + HANG_GRACE_S) * 1000,
    );
  });
  let result: autocannon.Result;
  try {
    result = await Promise.race([Promise.resolve(instance), hung]);
  } finally {
    clearTimeout(timer);
  }

  const sorted = Float64Array.from(samples).sort();
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    durationS: result.duration,
    rps: result.duration > 0 ? result['2xx'] / result.duration : 0,
    responses2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latency: {
      p50: quantileSorted(sorted, 0.5),
      p95: quantileSorted(sorted, 0.95),
      p99: quantileSorted(sorted, 0.99),
      mean: sorted.length ? total / sorted.length : Number.NaN,
      max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    },
  };
}
