/**
 * `npm run bench -- --posts 10000 --posts 1000000`: the HTTP benchmark. For each size, opens
 * (generating it the first time) the forum in .cercle-bench/<posts> and starts the production
 * server against it (`npm run build` first); then drives each server in turn with autocannon:
 * pages, search and replies, anonymous and signed in as the generated bench member. Prints
 * req/s, latency percentiles, errors, CPU shares and the server's peak memory per scenario,
 * checks the scale issue's targets, and writes bench-results/<timestamp>.json and
 * bench-results/latest.json.
 * `--scenarios pages|search|post|<name>,…` runs a subset (npm run bench:pages, bench:post,
 * bench:search-http).
 */
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { SCALE_BENCH_EMAIL, SCALE_PASSWORD } from '../db/seed/scale/generate-scale';
import { UNLIMITED_POSTING } from '../db/test/unlimited-posting';
import { type LoadTarget, runLoads, SLICES } from './bench/load';
import { memorySampler } from './bench/memory';
import { checkTargets, runsTable, sideBySideTable, writeResults, type BenchRun } from './bench/report';
import { openScaleForum, type ScaleForum } from './bench/scale-forum';
import { BENCH_REPLY_PREFIX, type RequestSource, type Scenario, selectScenarios, type Viewer } from './bench/scenarios';
import { type BenchServer, startServer } from './bench/server';
import { signIn } from './bench/sign-in';
import { type BenchTargets, findTargets } from './bench/targets';
import { beforeLeftoverReplies, forgetBenchReplies, lastPostId, vacuumAfterRun } from './bench/forget-replies';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', multiple: true, default: ['1000000'] },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    // A folder for the server's V8 CPU profile (open it in Chrome DevTools), written when the server stops.
    'cpu-profile': { type: 'string' },
    'node-flags': { type: 'string' },
    scenarios: { type: 'string', multiple: true, default: [] },
  },
});
const list = (vs: string[]) => vs.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
const sizes = [...new Set(list(values.posts).map(Number))];
const settings = { durationS: Number(values.duration), warmupS: Number(values.warmup), connections: Number(values.connections) };
const scenarios = selectScenarios(list(values.scenarios));
if (sizes.some((n) => !Number.isInteger(n) || n < 1_000) || !(settings.durationS > 0) || !(settings.warmupS >= 0) || !(settings.connections >= 1)) {
  console.error('Usage: npm run bench -- [--posts 10000 --posts 1000000] [--duration 20] [--warmup 5] [--connections 10] [--scenarios pages,search,post,<name>] [--cpu-profile <folder>] [--node-flags="--max-old-space-size=160 …"]');
  process.exit(2);
}
// One DATABASE_URL or CERCLE_DATA_DIR holds one forum: several sizes need the default .cercle-bench/<posts>.
const chosen = { DATABASE_URL: process.env.DATABASE_URL, CERCLE_DATA_DIR: process.env.CERCLE_DATA_DIR, CERCLE_PG_PORT: process.env.CERCLE_PG_PORT };
if (sizes.length > 1 && (chosen.DATABASE_URL || chosen.CERCLE_DATA_DIR)) {
  console.error('Several --posts values need a forum each: leave DATABASE_URL and CERCLE_DATA_DIR unset (each size goes to .cercle-bench/<posts>).');
  process.exit(2);
}

// The bench member replies many times a second; normal members' posting limits would refuse that.
const LIMITS = JSON.stringify(UNLIMITED_POSTING);

/** What the hypervisor took from the machine during the run, and how often that made it measure again. */
function hypervisorNote({ stolenCpu, stolenByAttempt }: { stolenCpu: number; stolenByAttempt: number[] }): string {
  if (stolenByAttempt.length === 1) return stolenCpu > 0 ? `, stolen by the hypervisor ${stolenCpu} %` : '';
  return `, measured ${stolenByAttempt.length} times (the hypervisor took ${stolenByAttempt.join(', ')} % of the CPU; the run it took least from is kept)`;
}

/** A forum of one size with its production server running, ready to be measured. */
type SizeUnderTest = {
  forum: ScaleForum;
  targets: BenchTargets;
  /** The newest post before the run: the bench member's posts after it are the run's replies. */
  forumEnds: number;
  server: BenchServer;
  memory: ReturnType<typeof memorySampler>;
  /** The bench member's session cookie, when a scenario is run signed in. */
  cookie: string | null;
};

async function openSize(posts: number): Promise<SizeUnderTest> {
  for (const [key, value] of Object.entries(chosen)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const forum = await openScaleForum(posts);
  try {
    let targets = await findTargets(forum.db);
    const leftover = await beforeLeftoverReplies(forum.db, targets.benchMemberId, BENCH_REPLY_PREFIX);
    if (leftover !== null) {
      const forgotten = await forgetBenchReplies(forum.db, targets.benchMemberId, leftover);
      console.log(`Took ${forgotten.toLocaleString('en')} replies an earlier run left behind out of the ${posts.toLocaleString('en')}-post forum.`);
      await vacuumAfterRun(forum.db);
      // The reply threads and the short thread are chosen by their length.
      targets = await findTargets(forum.db);
    }
    const forumEnds = await lastPostId(forum.db);
    const server = await startServer({ databaseUrl: forum.database.url, dataDir: forum.dataDir, env: { CERCLE_LIMITS: LIMITS }, cpuProfileDir: values['cpu-profile'], nodeFlags: values['node-flags']?.split(' ').filter(Boolean) });
    const memory = memorySampler(server.pid);
    console.log(`\n${posts.toLocaleString('en')} posts: production server on ${server.origin} (log: ${server.log}).`);
    for (const note of targets.notes) console.log(`Note: ${note}.`);
    const cookie = scenarios.some((s) => s.viewers.includes('signed-in')) ? await signIn(server.origin, SCALE_BENCH_EMAIL, SCALE_PASSWORD) : null;
    return { forum, targets, forumEnds, server, memory, cookie };
  } catch (error) {
    await forum.close();
    throw error;
  }
}

/** Stops the server and puts the forum back as it was before the run. */
async function closeSize({ forum, targets, forumEnds, server, memory }: SizeUnderTest): Promise<void> {
  try {
    memory.stop();
    await server.stop();
    const forgotten = await forgetBenchReplies(forum.db, targets.benchMemberId, forumEnds);
    if (forgotten > 0) console.log(`Took the run's ${forgotten.toLocaleString('en')} replies back out of the ${forum.posts.toLocaleString('en')}-post forum.`);
    await vacuumAfterRun(forum.db);
  } finally {
    await forum.close();
  }
}

/** The bench member's posts in this forum: a write scenario counts them before and after. */
async function benchPosts({ forum, targets }: SizeUnderTest): Promise<number> {
  const [row] = await forum.db.execute<{ n: number }>(sql`select count(*)::int as n from posts where author_id = ${targets.benchMemberId}`);
  return row!.n;
}

function loadTarget(size: SizeUnderTest, who: Viewer, source: RequestSource): LoadTarget {
  // Compressed, as every browser asks: autocannon reads each body as UTF-8 text, and an
  // uncompressed page in Arabic costs it several times one in English (measured against a
  // static server), so the load generator, not Cercle, would set the figure.
  const headers: Record<string, string> = { origin: size.server.origin, 'accept-language': 'en', 'accept-encoding': 'gzip' };
  if (who === 'signed-in') headers.cookie = size.cookie!;
  return { origin: size.server.origin, serverPid: size.server.pid, databasePid: size.forum.databasePid, headers, next: source.next };
}

/**
 * One scenario, as one viewer, at every size (scripts/bench/load.ts drives the sizes in turns,
 * so they share the machine's good and bad stretches alike); a run per size that has something
 * for it to request.
 */
async function measureScenario(opened: SizeUnderTest[], scenario: Scenario, who: Viewer): Promise<BenchRun[]> {
  const ready = opened.flatMap((size) => {
    const source = scenario.requests(size.targets, who);
    if (typeof source !== 'string') return [{ size, source }];
    console.log(`Skipped ${source} (${size.forum.posts.toLocaleString('en')} posts).`);
    return [];
  });
  if (ready.length === 0) return [];
  const before = scenario.writes ? await Promise.all(ready.map(({ size }) => benchPosts(size))) : [];
  for (const { size } of ready) size.memory.reset();
  const results = await runLoads(ready.map(({ size, source }) => loadTarget(size, who, source)), settings);
  // A reply a run abandoned as it stopped may still land: give it a moment before counting.
  if (scenario.writes) await sleep(1_000);
  const runs: BenchRun[] = [];
  for (const [n, { size, source }] of ready.entries()) {
    const result = results[n]!;
    const run: BenchRun = { scenario: scenario.name, signedIn: who === 'signed-in', posts: size.forum.posts, rps: result.rps / source.perView, requestsPerView: source.perView, p50: result.p50, p95: result.p95, p99: result.p99, errors: result.errors, peakRssMb: size.memory.peakMb(), serverCpu: result.serverCpu, databaseCpu: result.databaseCpu, loadCpu: result.loadCpu, stolenCpu: result.stolenCpu, stolenByAttempt: result.stolenByAttempt };
    if (scenario.writes) {
      Object.assign(run, { writesPerSecond: result.writesPerSecond, acknowledged: result.acknowledged, created: (await benchPosts(size)) - before[n]! });
      // Now, not during the next scenario: autovacuum would clean up after these writes while it is measured.
      await vacuumAfterRun(size.forum.db);
    }
    const refused = Object.entries(result.statuses).filter(([code]) => Number(code) >= 400);
    console.log(
      `${size.forum.posts.toLocaleString('en').padStart(9)}  ${scenario.name.padEnd(17)} ${who.padEnd(9)} ${run.rps.toFixed(0).padStart(6)} ${source.perView > 1 ? `views/s (${source.perView} requests each)` : 'req/s'}  p50 ${result.p50.toFixed(1)}  p95 ${result.p95.toFixed(1)}  p99 ${result.p99.toFixed(1)} ms  ${result.errors} errors${refused.length ? ` (${refused.map(([code, count]) => `${count}× ${code}`).join(', ')})` : ''}  ${run.peakRssMb} MB  CPU: server ${result.serverCpu} %${result.databaseCpu === null ? '' : `, database ${result.databaseCpu} %`}, load generator ${result.loadCpu} %${hypervisorNote(result)}`,
    );
    runs.push(run);
  }
  return runs;
}

/**
 * Every size's server runs from the start, and each scenario is measured at every size
 * together, in turns, before the next: a comparison of sizes then compares the same stretch of
 * time, not runs a quarter of an hour apart on a machine whose speed drifts. Only the server
 * being driven is under load; the other idles (0.3 % of a core).
 */
async function benchSizes(): Promise<BenchRun[]> {
  const opened: SizeUnderTest[] = [];
  const runs: BenchRun[] = [];
  try {
    for (const posts of sizes) opened.push(await openSize(posts));
    const turns = opened.length > 1 ? `, every size in turn, ${settings.durationS / SLICES} s at a time` : '';
    console.log(`\n${settings.connections} connections, ${settings.warmupS} s warm-up discarded, ${settings.durationS} s measured${turns}.`);
    console.log(`Posting limits lifted for the run (CERCLE_LIMITS=${LIMITS}) so the bench member can post continuously.`);
    for (const scenario of scenarios) {
      for (const who of scenario.viewers) runs.push(...(await measureScenario(opened, scenario, who)));
    }
  } finally {
    for (const size of opened) await closeSize(size);
  }
  return runs;
}

sizes.sort((a, b) => a - b);
const runs = await benchSizes();
for (const posts of sizes) {
  console.log(`\n${posts.toLocaleString('en')} posts\n${runsTable(runs.filter((r) => r.posts === posts))}`);
}
if (sizes.length > 1) console.log(`\nSide by side (slowdown: req/s at the smallest size over req/s at the largest)\n${sideBySideTable(runs)}`);
const lines = checkTargets(runs);
console.log(`\n${lines.join('\n')}`);
const file = await writeResults(runs, { ...settings, sizes, scenarios: scenarios.map((s) => s.name) });
console.log(`\nResults: ${file} (and bench-results/latest.json)`);
if (lines.some((line) => line.includes('MISSED'))) process.exitCode = 1;
