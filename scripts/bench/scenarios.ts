/**
 * The scenarios `npm run bench` runs, each a stream of requests a visitor (or the bench
 * member) would make. `--scenarios` takes names or the kinds: pages, search, post.
 */
import { COMMON_WORD, RARE_WORD } from '@/db/seed/scale/vocabulary';
import type { Request } from './load';
import type { BenchTargets } from './targets';

export type ScenarioKind = 'pages' | 'search' | 'post';
export type Viewer = 'anonymous' | 'signed-in';

/**
 * What one visit asks of the server: `next` gives its requests in turn, and `perView` is how
 * many make one page view (the page, and what a member's browser then asks for), so a run
 * reports page views per second, not requests.
 */
export type RequestSource = { next: () => Request; perView: number };

export type Scenario = {
  name: string;
  kind: ScenarioKind;
  /** Run anonymous, signed in, or both. */
  viewers: Viewer[];
  /** Whether it creates posts (counted in the database before and after). */
  writes: boolean;
  /** The requests of a visit to this forum, or the reason it has nothing to request. */
  requests: (targets: BenchTargets, viewer: Viewer) => RequestSource | string;
};

const one = (next: () => Request): RequestSource => ({ next, perView: 1 });
const BOTH: Scenario['viewers'] = ['anonymous', 'signed-in'];

function pages(t: BenchTargets): Record<string, string | null> {
  return {
    home: '/',
    'group-list': `/g/${t.group.slug}`,
    'group-list-deep': t.deepList ? `/g/${t.group.slug}?after=${t.deepList.cursor}` : null,
    'thread-page': `/t/${t.shortThread.id}`,
    'long-thread-page': `/t/${t.longThread.id}?page=${t.longThread.page}`,
    profile: `/m/${t.profileId}`,
    'search-rare': `/search?q=${encodeURIComponent(RARE_WORD)}`,
    'search-common': `/search?q=${encodeURIComponent(COMMON_WORD)}`,
  };
}

/**
 * A member's browser asks for its own part of a page shared among members
 * (lib/page-cache/page-cache.ts): on a thread page what they may do with each post (which
 * records what they read, and brings the header's name and unread count), elsewhere the
 * header's alone.
 */
function memberPart(path: string): Request[] {
  const thread = /^\/t\/(\d+)(?:\?page=(\d+))?$/.exec(path);
  if (thread) return [{ method: 'POST', path: `/api/threads/${thread[1]}/reading`, body: JSON.stringify({ page: Number(thread[2] ?? 1) }) }];
  return path.startsWith('/search?') ? [{ method: 'GET', path: '/api/me' }] : [];
}

/** The page, then (signed in) whatever the member's browser asks for with it. */
function visit(path: string, viewer: Viewer): RequestSource {
  const requests: Request[] = [{ method: 'GET', path }, ...(viewer === 'signed-in' ? memberPart(path) : [])];
  let n = 0;
  return { next: () => requests[n++ % requests.length]!, perView: requests.length };
}

function page(name: string): Scenario['requests'] {
  return (t, viewer) => {
    const path = pages(t)[name];
    return path ? visit(path, viewer) : `${name}: this forum's busiest group has a single page of threads`;
  };
}

/** How every reply the benchmark writes begins, so one left behind by a run that did not finish can be found. */
export const BENCH_REPLY_PREFIX = 'Benchmark reply';

/** Replies spread over the bench member's threads, as many members replying in many threads would be. */
function replies(t: BenchTargets): () => Request {
  let n = 0;
  return () => {
    n++;
    const threadId = t.replyThreadIds[n % t.replyThreadIds.length]!;
    return { method: 'POST', path: `/api/threads/${threadId}/posts`, body: JSON.stringify({ body: `${BENCH_REPLY_PREFIX} ${n}: thanks, **noted** for the next meeting.` }) };
  };
}

export const SCENARIOS: Scenario[] = [
  { name: 'home', kind: 'pages', viewers: BOTH, writes: false, requests: page('home') },
  { name: 'group-list', kind: 'pages', viewers: BOTH, writes: false, requests: page('group-list') },
  { name: 'group-list-deep', kind: 'pages', viewers: BOTH, writes: false, requests: page('group-list-deep') },
  { name: 'thread-page', kind: 'pages', viewers: BOTH, writes: false, requests: page('thread-page') },
  { name: 'long-thread-page', kind: 'pages', viewers: BOTH, writes: false, requests: page('long-thread-page') },
  { name: 'profile', kind: 'pages', viewers: BOTH, writes: false, requests: page('profile') },
  { name: 'search-rare', kind: 'search', viewers: BOTH, writes: false, requests: page('search-rare') },
  { name: 'search-common', kind: 'search', viewers: BOTH, writes: false, requests: page('search-common') },
  {
    name: 'mixed',
    kind: 'post',
    viewers: ['signed-in'],
    writes: true,
    // Nine reads in ten, spread over every page above; one reply in ten.
    requests: (t, viewer) => {
      const reads = Object.values(pages(t)).filter((path): path is string => path !== null);
      const reply = replies(t);
      let n = 0;
      // The member's own part of each page comes with it, as a browser would ask for it.
      let pending: Request[] = [];
      return one(() => {
        const queued = pending.shift();
        if (queued) return queued;
        n++;
        if (n % 10 === 0) return reply();
        const path = reads[n % reads.length]!;
        pending = viewer === 'signed-in' ? memberPart(path) : [];
        return { method: 'GET', path };
      });
    },
  },
  // After the mixed load: its thousands of alike replies, the newest posts until the run ends, would be what that load's searches walk first.
  { name: 'reply', kind: 'post', viewers: ['signed-in'], writes: true, requests: (t) => one(replies(t)) },
];

/** The scenarios a `--scenarios` list names (scenario names or kinds); all when empty. */
export function selectScenarios(filter: string[]): Scenario[] {
  if (filter.length === 0) return SCENARIOS;
  const unknown = filter.filter((f) => !SCENARIOS.some((s) => s.name === f || s.kind === f));
  if (unknown.length > 0) {
    throw new Error(`Unknown scenario ${unknown.join(', ')}: use ${[...new Set(SCENARIOS.map((s) => s.kind))].join(', ')} or ${SCENARIOS.map((s) => s.name).join(', ')}.`);
  }
  return SCENARIOS.filter((s) => filter.includes(s.name) || filter.includes(s.kind));
}
