/**
 * Whose CPU a run used: the server process's and the load generator's (autocannon runs in
 * this process), as percent of one core over the measured run. When the load generator is the
 * busier one, req/s measures autocannon, not Cercle (cached pages reach that point). Linux only;
 * elsewhere the server's share is 0.
 */
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every common build. */
const TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm) ": state is the 1st, utime the 12th and stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export type CpuShare = { serverCpu: number; loadCpu: number };

/** Starts measuring; the returned function gives each side's share since then. */
export function cpuMeter(serverPid: number): () => CpuShare {
  const server = processCpuSeconds(serverPid);
  const load = process.cpuUsage();
  const started = performance.now();
  return () => {
    const seconds = (performance.now() - started) / 1000;
    const own = process.cpuUsage(load);
    return {
      serverCpu: Math.round((100 * (processCpuSeconds(serverPid) - server)) / seconds),
      loadCpu: Math.round((100 * (own.user + own.system)) / 1e6 / seconds),
    };
  };
}
