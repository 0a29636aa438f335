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
import { runLoad } from './bench/load';
import { memorySampler } from './bench/memory';
import { checkTargets, runsTable, sideBySideTable, writeResults, type BenchRun } from './bench/report';
import { openScaleForum, type ScaleForum } from './bench/scale-forum';
import { BENCH_REPLY_PREFIX, type Scenario, selectScenarios, type Viewer } from './bench/scenarios';
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

/** One scenario, as one viewer, against one size; null when this forum has nothing for it to request. */
async function measureOn(size: SizeUnderTest, scenario: Scenario, who: Viewer): Promise<BenchRun | null> {
  const { forum, targets, server, memory } = size;
  const source = scenario.requests(targets, who);
  if (typeof source === 'string') {
    console.log(`Skipped ${source} (${forum.posts.toLocaleString('en')} posts).`);
    return null;
  }
  // Compressed, as every browser asks: autocannon reads each body as UTF-8 text, and an
  // uncompressed page in Arabic costs it several times one in English (measured against a
  // static server), so the load generator, not Cercle, would set the figure.
  const headers: Record<string, string> = { origin: server.origin, 'accept-language': 'en', 'accept-encoding': 'gzip' };
  if (who === 'signed-in') headers.cookie = size.cookie!;
  const benchPosts = async () => {
    const [row] = await forum.db.execute<{ n: number }>(sql`select count(*)::int as n from posts where author_id = ${targets.benchMemberId}`);
    return row!.n;
  };
  const before = scenario.writes ? await benchPosts() : 0;
  memory.reset();
  const result = await runLoad({ origin: server.origin, serverPid: server.pid, databasePid: forum.databasePid, ...settings, headers, next: source.next });
  const peakRssMb = memory.peakMb();
  const run: BenchRun = { scenario: scenario.name, signedIn: who === 'signed-in', posts: forum.posts, rps: result.rps / source.perView, requestsPerView: source.perView, p50: result.p50, p95: result.p95, p99: result.p99, errors: result.errors, peakRssMb, serverCpu: result.serverCpu, databaseCpu: result.databaseCpu, loadCpu: result.loadCpu, stolenCpu: result.stolenCpu, stolenByAttempt: result.stolenByAttempt };
  if (scenario.writes) {
    // A reply the run abandoned as it stopped may still land: give it a moment before counting.
    await sleep(1_000);
    Object.assign(run, { writesPerSecond: result.writesPerSecond, acknowledged: result.acknowledged, created: (await benchPosts()) - before });
    // Now, not during the other size's run: autovacuum would clean up after these writes while that one is measured.
    await vacuumAfterRun(forum.db);
  }
  const refused = Object.entries(result.statuses).filter(([code]) => Number(code) >= 400);
  console.log(
    `${forum.posts.toLocaleString('en').padStart(9)}  ${scenario.name.padEnd(17)} ${who.padEnd(9)} ${run.rps.toFixed(0).padStart(6)} ${source.perView > 1 ? `views/s (${source.perView} requests each)` : 'req/s'}  p50 ${result.p50.toFixed(1)}  p95 ${result.p95.toFixed(1)}  p99 ${result.p99.toFixed(1)} ms  ${result.errors} errors${refused.length ? ` (${refused.map(([code, n]) => `${n}× ${code}`).join(', ')})` : ''}  ${peakRssMb} MB  CPU: server ${result.serverCpu} %${result.databaseCpu === null ? '' : `, database ${result.databaseCpu} %`}, load generator ${result.loadCpu} %${hypervisorNote(result)}`,
  );
  return run;
}

/**
 * Every size's server runs from the start, and each scenario is measured at every size in
 * turn before the next scenario: a comparison of sizes then compares runs a minute apart, not
 * runs a quarter of an hour apart, on a machine whose speed drifts by a fifth in that time.
 * The order alternates (small then large, then large then small) so neither size is always
 * the one measured later. Only the server being measured is under load.
 */
async function benchSizes(): Promise<BenchRun[]> {
  const opened: SizeUnderTest[] = [];
  const runs: BenchRun[] = [];
  try {
    for (const posts of sizes) opened.push(await openSize(posts));
    console.log(`\n${settings.connections} connections, ${settings.warmupS} s warm-up discarded, ${settings.durationS} s measured; each scenario at every size in turn.`);
    console.log(`Posting limits lifted for the run (CERCLE_LIMITS=${LIMITS}) so the bench member can post continuously.`);
    let turn = 0;
    for (const scenario of scenarios) {
      for (const who of scenario.viewers) {
        const order = turn++ % 2 === 0 ? opened : [...opened].reverse();
        for (const size of order) {
          const run = await measureOn(size, scenario, who);
          if (run) runs.push(run);
        }
      }
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
