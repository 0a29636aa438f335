/**
 * Drives the server over HTTP with autocannon: a warm-up whose figures are thrown away,
 * then the measured run (again, if the machine's hypervisor took too much of it). Latencies
 * are kept per response (autocannon's own summary has no p95), and errors are socket errors and
 * timeouts plus any answer outside 2xx/3xx, counted over every attempt.
 */
import autocannon from 'autocannon';
import { type CpuShare, cpuMeter } from './cpu';

export type Request = { method: 'GET' | 'POST'; path: string; body?: string };

export type LoadOptions = {
  origin: string;
  /** The server process and the embedded PostgreSQL server (null when external), whose CPU shares are measured. */
  serverPid: number;
  databasePid: number | null;
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
  /** Count of each status code over every measured attempt, for explaining errors. */
  statuses: Record<number, number>;
  /** Writes answered 201 Created in the warm-up and every measured attempt together (pages answer 200). */
  acknowledged: number;
  /** The hypervisor's share of the machine's CPU in each attempt at the measured run (see measure). */
  stolenByAttempt: number[];
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

/** A measured run during which the hypervisor took more than this percent of the machine's CPU is measured again. */
const STOLEN_LIMIT = 5;
const MAX_ATTEMPTS = 3;

/** The measured run, again while the hypervisor took too much of the machine; the attempt it took least from counts. */
async function measure(opts: LoadOptions): Promise<{ kept: Pass & { share: CpuShare }; attempts: (Pass & { share: CpuShare })[] }> {
  const attempts: (Pass & { share: CpuShare })[] = [];
  do {
    const cpu = cpuMeter(opts.serverPid, opts.databasePid);
    const measured = await pass(opts, opts.durationS);
    attempts.push({ ...measured, share: cpu() });
  } while (attempts.at(-1)!.share.stolenCpu > STOLEN_LIMIT && attempts.length < MAX_ATTEMPTS);
  const kept = attempts.reduce((best, attempt) => (attempt.share.stolenCpu < best.share.stolenCpu ? attempt : best));
  return { kept, attempts };
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const warm = opts.warmupS > 0 ? await pass(opts, opts.warmupS) : null;
  const { kept: measured, attempts } = await measure(opts);
  const sorted = measured.latencies.sort((a, b) => a - b);
  // An attempt set aside for its speed still counts its errors.
  const statuses: Record<number, number> = {};
  for (const attempt of attempts) for (const [code, n] of Object.entries(attempt.statuses)) statuses[Number(code)] = (statuses[Number(code)] ?? 0) + n;
  const refused = Object.entries(statuses).filter(([code]) => Number(code) >= 400).reduce((sum, [, n]) => sum + n, 0);
  return {
    rps: sorted.length / measured.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: refused + attempts.reduce((sum, attempt) => sum + attempt.socketErrors, 0),
    statuses,
    acknowledged: [warm, ...attempts].reduce((sum, run) => sum + (run?.statuses[201] ?? 0), 0),
    writesPerSecond: (measured.statuses[201] ?? 0) / measured.seconds,
    ...measured.share,
    stolenByAttempt: attempts.map((attempt) => attempt.share.stolenCpu),
  };
}
