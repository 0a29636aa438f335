/**
 * The app server's resident memory, read from /proc every 200 ms: the server process and
 * every process below it (the embedded PostgreSQL is started by the benchmark, not by the
 * server, so it is not counted). Linux only; elsewhere the peak stays 0.
 */
import { processTree, rssKb } from './processes';

const INTERVAL_MS = 200;

/** The RSS of `root` and all its descendants, in kB. */
function treeRssKb(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + rssKb(pid), 0);
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
