/**
 * Drives the server over HTTP with autocannon: a warm-up whose figures are thrown away,
 * then the measured run. Latencies are kept per response (autocannon's own summary has no
 * p95), and errors are socket errors and timeouts plus any answer outside 2xx/3xx.
 */
import autocannon from 'autocannon';
import { type CpuShare, cpuMeter } from './cpu';

export type Request = { method: 'GET' | 'POST'; path: string; body?: string };

export type LoadOptions = {
  origin: string;
  /** The server process, whose CPU share is measured. */
  serverPid: number;
  connections: number;
  warmupS: number;
  durationS: number;
  headers: Record<string, string>;
  next: () => Request;
};

export type LoadResult = CpuShare & {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Count of each status code in the measured run, for explaining errors. */
  statuses: Record<number, number>;
  /** Writes answered 201 Created in the warm-up and the measured run together (pages answer 200). */
  acknowledged: number;
  /** Writes answered 201 per second of the measured run. */
  writesPerSecond: number;
};

type Pass = { latencies: number[]; statuses: Record<number, number>; socketErrors: number; seconds: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function pass(opts: LoadOptions, seconds: number): Promise<Pass> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.origin,
        connections: opts.connections,
        duration: seconds,
        headers: opts.headers,
        requests: [
          {
            setupRequest: (request) => {
              const next = opts.next();
              const headers = { ...request.headers, ...(next.body === undefined ? {} : { 'content-type': 'application/json' }) };
              return { ...request, method: next.method, path: next.path, body: next.body, headers };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ latencies, statuses, socketErrors: result.errors, seconds: result.duration })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const warm = opts.warmupS > 0 ? await pass(opts, opts.warmupS) : null;
  const cpu = cpuMeter(opts.serverPid);
  const measured = await pass(opts, opts.durationS);
  const share = cpu();
  const sorted = measured.latencies.sort((a, b) => a - b);
  const refused = Object.entries(measured.statuses).filter(([code]) => Number(code) >= 400).reduce((sum, [, n]) => sum + n, 0);
  return {
    rps: sorted.length / measured.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: refused + measured.socketErrors,
    statuses: measured.statuses,
    acknowledged: (warm?.statuses[201] ?? 0) + (measured.statuses[201] ?? 0),
    writesPerSecond: (measured.statuses[201] ?? 0) / measured.seconds,
    ...share,
  };
}
