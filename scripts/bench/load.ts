/**
 * Drives servers over HTTP with autocannon: a warm-up whose figures are thrown away, then the
 * measured run (again, if the machine's hypervisor took too much of it). Latencies are kept
 * per response (autocannon's own summary has no p95), and errors are socket errors and
 * timeouts plus any answer outside 2xx/3xx, counted over every attempt.
 *
 * Servers measured together (one per forum size) are driven one at a time, in slices that take
 * turns (A B B A A B B A): the machine's speed drifts by a fifth within minutes, even with no
 * CPU stolen, and so would a comparison of runs taken one after the other. In turns, each size
 * gets its share of every stretch of the measured time.
 */
import autocannon from 'autocannon';
import { type CpuShare, cpuMeter } from './cpu';

export type Request = { method: 'GET' | 'POST'; path: string; body?: string };

/** One server to drive, whose CPU (and its embedded PostgreSQL's, null when external) is measured. */
export type LoadTarget = {
  origin: string;
  serverPid: number;
  databasePid: number | null;
  headers: Record<string, string>;
  next: () => Request;
};

export type LoadSettings = { connections: number; warmupS: number; durationS: number };

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
type Measured = Pass & { share: CpuShare };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function pass(target: LoadTarget, connections: number, seconds: number): Promise<Pass> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.origin,
        connections,
        duration: seconds,
        headers: target.headers,
        requests: [
          {
            setupRequest: (request) => {
              const next = target.next();
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

function addedStatuses(all: Record<number, number>[]): Record<number, number> {
  const sum: Record<number, number> = {};
  for (const statuses of all) for (const [code, n] of Object.entries(statuses)) sum[Number(code)] = (sum[Number(code)] ?? 0) + n;
  return sum;
}

/** A target's slices as one run: counts added up, CPU shares weighted by each slice's time. */
function joined(slices: Measured[]): Measured {
  const seconds = slices.reduce((sum, slice) => sum + slice.seconds, 0);
  const weighted = (share: (s: CpuShare) => number) => Math.round(slices.reduce((sum, slice) => sum + share(slice.share) * slice.seconds, 0) / seconds);
  return {
    latencies: slices.flatMap((slice) => slice.latencies),
    statuses: addedStatuses(slices.map((slice) => slice.statuses)),
    socketErrors: slices.reduce((sum, slice) => sum + slice.socketErrors, 0),
    seconds,
    share: {
      serverCpu: weighted((s) => s.serverCpu),
      databaseCpu: slices[0]!.share.databaseCpu === null ? null : weighted((s) => s.databaseCpu!),
      loadCpu: weighted((s) => s.loadCpu),
      stolenCpu: weighted((s) => s.stolenCpu),
    },
  };
}

/** Into how many slices a measured run is cut when several servers take turns. */
export const SLICES = 4;

/** One measured run of every target, in turns (one slice each when alone). */
async function attempt(targets: LoadTarget[], settings: LoadSettings): Promise<Measured[]> {
  const count = targets.length > 1 ? SLICES : 1;
  const slices: Measured[][] = targets.map(() => []);
  for (let i = 0; i < count; i++) {
    const order = targets.map((_, n) => n);
    if (i % 2 === 1) order.reverse();
    for (const n of order) {
      const cpu = cpuMeter(targets[n]!.serverPid, targets[n]!.databasePid);
      const measured = await pass(targets[n]!, settings.connections, settings.durationS / count);
      slices[n]!.push({ ...measured, share: cpu() });
    }
  }
  return slices.map(joined);
}

/** A measured run during which the hypervisor took more than this percent of the machine's CPU is measured again. */
const STOLEN_LIMIT = 5;
const MAX_ATTEMPTS = 3;

/** The most the hypervisor took from any target's part of an attempt. */
const stolenFrom = (measured: Measured[]) => Math.max(...measured.map((m) => m.share.stolenCpu));

/** The measured run, again while the hypervisor took too much of the machine; the attempt it took least from counts, for every target alike. */
async function measure(targets: LoadTarget[], settings: LoadSettings): Promise<{ kept: Measured[]; attempts: Measured[][] }> {
  const attempts: Measured[][] = [];
  do attempts.push(await attempt(targets, settings));
  while (stolenFrom(attempts.at(-1)!) > STOLEN_LIMIT && attempts.length < MAX_ATTEMPTS);
  const kept = attempts.reduce((best, measured) => (stolenFrom(measured) < stolenFrom(best) ? measured : best));
  return { kept, attempts };
}

function result(measured: Measured, attempts: Measured[], warm: Pass | null): LoadResult {
  const sorted = measured.latencies.sort((a, b) => a - b);
  // An attempt set aside for its speed still counts its errors.
  const statuses = addedStatuses(attempts.map((a) => a.statuses));
  const refused = Object.entries(statuses).filter(([code]) => Number(code) >= 400).reduce((sum, [, n]) => sum + n, 0);
  return {
    rps: sorted.length / measured.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: refused + attempts.reduce((sum, a) => sum + a.socketErrors, 0),
    statuses,
    acknowledged: [warm, ...attempts].reduce((sum, run) => sum + (run?.statuses[201] ?? 0), 0),
    writesPerSecond: (measured.statuses[201] ?? 0) / measured.seconds,
    ...measured.share,
    stolenByAttempt: attempts.map((a) => a.share.stolenCpu),
  };
}

/** Warms up and measures every target (in turns when several); a result per target, in their order. */
export async function runLoads(targets: LoadTarget[], settings: LoadSettings): Promise<LoadResult[]> {
  const warm: (Pass | null)[] = [];
  for (const target of targets) warm.push(settings.warmupS > 0 ? await pass(target, settings.connections, settings.warmupS) : null);
  const { kept, attempts } = await measure(targets, settings);
  return targets.map((_, n) => result(kept[n]!, attempts.map((a) => a[n]!), warm[n]!));
}
