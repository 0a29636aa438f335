/**
 * The app server's resident memory, read from /proc every 200 ms: the server process and
 * every process below it (the embedded PostgreSQL is started by the benchmark, not by the
 * server, so it is not counted). Linux only; elsewhere the peak stays 0.
 */
import { readdirSync, readFileSync } from 'node:fs';

const INTERVAL_MS = 200;

function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The RSS of `root` and all its descendants, in kB. */
export function treeRssKb(root: number): number {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rssKb(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples a process tree until stopped; `peakMb()` is the highest total since the last `reset()`. */
export function memorySampler(root: number) {
  let peakKb = 0;
  const sample = () => {
    peakKb = Math.max(peakKb, treeRssKb(root));
  };
  sample();
  const timer = setInterval(sample, INTERVAL_MS);
  timer.unref();
  return {
    reset: () => {
      peakKb = 0;
      sample();
    },
    peakMb: () => Math.round(peakKb / 1024),
    stop: () => clearInterval(timer),
  };
}
