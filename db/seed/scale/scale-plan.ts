/**
 * The shape of a generated forum, decided in JavaScript (cheap) before PostgreSQL writes it
 * (in bulk): how many posts each thread gets, when it starts, how far apart its posts are.
 */
export type ThreadPlan = { size: number; start: number; gap: number; group: number };

export type ScalePlan = { members: number; groups: number; threads: ThreadPlan[]; from: number; to: number };

const YEAR_S = 365.25 * 24 * 3600;

/** A small seeded generator, so the same --posts gives the same forum every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Long-tailed threads: one in a hundred thousand posts goes to a 10,000+ post thread (at
 * least one such thread from 40,000 posts), the rest to threads of typically 2 to 20 posts
 * with a few of hundreds. Posts span five years up to `now`.
 */
export function planForum(posts: number, now = Date.now() / 1000): ScalePlan {
  const random = seededRandom(posts);
  const groups = 200;
  const members = Math.min(20_000, Math.max(500, Math.round(posts / 50)));
  const from = now - 5 * YEAR_S;
  const sizes: number[] = [];
  const megaCount = Math.floor(posts / 100_000) || (posts >= 40_000 ? 1 : 0);
  for (let i = 0; i < megaCount; i++) sizes.push(10_000 + Math.floor(random() * 2_000));
  let remaining = posts - sizes.reduce((a, b) => a + b, 0);
  while (remaining > 0) {
    const size = Math.min(remaining, 1 + Math.min(600, Math.floor(-Math.log(1 - random()) * 8 * (random() < 0.02 ? 12 : 1))));
    sizes.push(size);
    remaining -= size;
  }
  // Threads start in order over the years; big ones anywhere.
  const order = sizes.map((size) => ({ size, key: random() })).sort((a, b) => a.key - b.key);
  const threads = order.map(({ size }, i) => {
    const start = from + (i / order.length) * (now - from) * 0.98;
    const natural = 600 + random() * 2 * 24 * 3600;
    const gap = Math.min(natural, (now - start) / Math.max(1, size));
    // A skew towards the first groups: a few busy groups, many quiet ones.
    return { size, start, gap, group: Math.floor(groups * random() ** 2) };
  });
  return { members, groups, threads, from, to: now };
}
