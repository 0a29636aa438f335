/**
 * Tables, the targets of the scale issue (set for a million posts), and the JSON written
 * to bench-results/<timestamp>.json and bench-results/latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type BenchRun = {
  scenario: string;
  signedIn: boolean;
  posts: number;
  /** Page views (or replies) per second: requests per second over `requestsPerView`. */
  rps: number;
  /** The page and what a member's browser asks for with it (its own part of a shared page); 1 otherwise. */
  requestsPerView: number;
  /** Latencies of every request of the run, the page's and the rest. */
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  peakRssMb: number;
  /** Percent of one core over the measured run: the server process, the embedded PostgreSQL server (null when external), and autocannon (this process). */
  serverCpu: number;
  databaseCpu: number | null;
  loadCpu: number;
  /** Percent of the machine's CPU its hypervisor took during the run kept, and during each attempt (scripts/bench/load.ts). */
  stolenCpu: number;
  stolenByAttempt: number[];
  /** Write scenarios: posts answered 201 per second, and posts acknowledged vs found in the database. */
  writesPerSecond?: number;
  acknowledged?: number;
  created?: number;
};

const TARGET_POSTS = 1_000_000;
const MAX_SLOWDOWN = 1.2;

type Target = { what: string; applies: (r: BenchRun) => boolean; value: (r: BenchRun) => number; unit: string; ok: (v: number) => boolean };

const TARGETS: Target[] = [
  { what: 'anonymous thread page ≥ 440 req/s', applies: (r) => r.scenario === 'thread-page' && !r.signedIn, value: (r) => r.rps, unit: 'req/s', ok: (v) => v >= 440 },
  { what: 'anonymous thread page p99 ≤ 50 ms', applies: (r) => r.scenario === 'thread-page' && !r.signedIn, value: (r) => r.p99, unit: 'ms', ok: (v) => v <= 50 },
  { what: 'signed-in thread page ≥ 150 req/s', applies: (r) => r.scenario === 'thread-page' && r.signedIn, value: (r) => r.rps, unit: 'req/s', ok: (v) => v >= 150 },
  { what: 'common-word search p95 ≤ 30 ms', applies: (r) => r.scenario === 'search-common', value: (r) => r.p95, unit: 'ms', ok: (v) => v <= 30 },
  { what: '≥ 300 replies/s', applies: (r) => r.scenario === 'reply', value: (r) => r.writesPerSecond ?? 0, unit: 'replies/s', ok: (v) => v >= 300 },
  { what: 'no reply lost', applies: (r) => r.acknowledged !== undefined, value: (r) => Math.max(0, r.acknowledged! - r.created!), unit: 'lost', ok: (v) => v === 0 },
  { what: 'server memory ≤ 300 MB', applies: () => true, value: (r) => r.peakRssMb, unit: 'MB', ok: (v) => v <= 300 },
  { what: 'zero errors', applies: () => true, value: (r) => r.errors, unit: 'errors', ok: (v) => v === 0 },
];

const viewer = (r: BenchRun) => (r.signedIn ? 'signed in' : 'anonymous');
const fixed = (v: number, digits = 1) => v.toFixed(digits);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function runsTable(runs: BenchRun[]): string {
  return table(
    ['scenario', 'viewer', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'peak RSS MB', 'CPU % server/database/load/stolen', 'posts/s'],
    runs.map((r) => [
      r.scenario, viewer(r), fixed(r.rps), fixed(r.p50), fixed(r.p95), fixed(r.p99), String(r.errors), String(r.peakRssMb), `${r.serverCpu}/${r.databaseCpu ?? '–'}/${r.loadCpu}/${r.stolenCpu}`,
      r.writesPerSecond === undefined ? '' : `${fixed(r.writesPerSecond)} (${r.created} written, ${r.acknowledged} acknowledged)`,
    ]),
  );
}

/** Each target against the runs at the largest size measured; a line per miss, saying so plainly. */
export function checkTargets(runs: BenchRun[]): string[] {
  const largest = Math.max(...runs.map((r) => r.posts));
  const checked = runs.filter((r) => r.posts === largest);
  const lines = [
    largest === TARGET_POSTS
      ? `Targets (set for ${TARGET_POSTS.toLocaleString('en')} posts):`
      : `Targets (set for ${TARGET_POSTS.toLocaleString('en')} posts; checked against ${largest.toLocaleString('en')} posts, so only indicative):`,
  ];
  for (const target of TARGETS) {
    const subject = checked.filter(target.applies);
    if (subject.length === 0) {
      lines.push(`  not run   ${target.what}`);
      continue;
    }
    const misses = subject.filter((r) => !target.ok(target.value(r)));
    for (const r of misses) lines.push(`  MISSED    ${target.what}: ${r.scenario}, ${viewer(r)}: ${fixed(target.value(r))} ${target.unit}`);
    if (misses.length === 0) lines.push(`  met       ${target.what}`);
  }
  const sizes = [...new Set(runs.map((r) => r.posts))].sort((a, b) => a - b);
  if (sizes.length > 1) {
    const slower = sideBySide(runs).filter((row) => row.ratio > MAX_SLOWDOWN);
    for (const row of slower) {
      lines.push(`  MISSED    no scenario more than ${MAX_SLOWDOWN}× slower at ${largest.toLocaleString('en')} than at ${sizes[0]!.toLocaleString('en')} posts: ${row.label} is ${fixed(row.ratio, 2)}×${loadBound(row.bySize)}${stolen(row.bySize)}`);
    }
    if (slower.length === 0) lines.push(`  met       no scenario more than ${MAX_SLOWDOWN}× slower at ${largest.toLocaleString('en')} than at ${sizes[0]!.toLocaleString('en')} posts`);
  }
  return lines;
}

/** Says so when autocannon, not the server, was the busier process at every size: req/s then measures the load generator. */
function loadBound(bySize: (BenchRun | undefined)[]): string {
  const measured = bySize.filter((r): r is BenchRun => r !== undefined);
  if (!measured.every((r) => r.loadCpu > r.serverCpu)) return '';
  return ` (bound by the load generator, not the server: CPU server/autocannon ${measured.map((r) => `${r.serverCpu}/${r.loadCpu} %`).join(' and ')})`;
}

/** Says so when the hypervisor took CPU from a run even after it was measured again. */
function stolen(runs: (BenchRun | undefined)[]): string {
  const hit = runs.filter((r): r is BenchRun => r !== undefined && r.stolenCpu > 0);
  return hit.length === 0 ? '' : ` (the hypervisor took ${hit.map((r) => `${r.stolenCpu} % of the CPU at ${r.posts.toLocaleString('en')} posts`).join(' and ')})`;
}

/** Per scenario and viewer: throughput at each size, and how many times slower the largest is than the smallest. */
function sideBySide(runs: BenchRun[]) {
  const sizes = [...new Set(runs.map((r) => r.posts))].sort((a, b) => a - b);
  const keys = [...new Set(runs.map((r) => `${r.scenario}|${r.signedIn}`))];
  return keys.flatMap((key) => {
    const bySize = sizes.map((posts) => runs.find((r) => `${r.scenario}|${r.signedIn}` === key && r.posts === posts));
    const [first, last] = [bySize[0], bySize.at(-1)];
    if (!first || !last || last.rps === 0) return [];
    return [{ label: `${first.scenario}, ${viewer(first)}`, bySize, ratio: first.rps / last.rps }];
  });
}

export function sideBySideTable(runs: BenchRun[]): string {
  const sizes = [...new Set(runs.map((r) => r.posts))].sort((a, b) => a - b);
  const rows = sideBySide(runs).map((row) => [
    ...row.label.split(', '),
    ...row.bySize.map((r) => (r ? `${fixed(r.rps)} / ${fixed(r.p95)}` : '')),
    `${fixed(row.ratio, 2)}×`,
  ]);
  return table(['scenario', 'viewer', ...sizes.map((n) => `${n.toLocaleString('en')}: req/s / p95 ms`), 'slowdown'], rows);
}

export async function writeResults(runs: BenchRun[], settings: Record<string, unknown>): Promise<string> {
  const dir = path.resolve('bench-results');
  await mkdir(dir, { recursive: true });
  const round = (v: number) => Math.round(v * 10) / 10;
  const report = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
      node: process.version,
      os: `${os.type()} ${os.release()}`,
    },
    date: new Date().toISOString(),
    settings,
    runs: runs.map((r) => ({ ...r, rps: round(r.rps), p50: round(r.p50), p95: round(r.p95), p99: round(r.p99), ...(r.writesPerSecond === undefined ? {} : { writesPerSecond: round(r.writesPerSecond) }) })),
  };
  const file = path.join(dir, `${report.date.replace(/[:.]/g, '-')}.json`);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(file, text);
  await writeFile(path.join(dir, 'latest.json'), text);
  return file;
}
