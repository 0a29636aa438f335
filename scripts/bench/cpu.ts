/**
 * Whose CPU a run used: the server process's, the embedded PostgreSQL server's (all its
 * processes) and the load generator's (autocannon runs in this process), as percent of one core
 * over the measured run, and how much the machine lost to its hypervisor. When the load
 * generator is the busier one, req/s measures autocannon, not Cercle (cached pages reach that
 * point). Linux only; elsewhere the server's and the database's shares are 0.
 */
import { readFileSync } from 'node:fs';
import { cpuSeconds, treeCpuSeconds } from './processes';

/** The machine's CPU time over all cores since boot, and the part of it the hypervisor gave to others. */
function machineTicks(): { total: number; stolen: number } {
  try {
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is already in user.
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
    const ticks = fields.slice(0, 8).map(Number);
    return { total: ticks.reduce((sum, n) => sum + n, 0), stolen: ticks[7] ?? 0 };
  } catch {
    return { total: 0, stolen: 0 };
  }
}

/**
 * `stolenCpu`: percent of the machine's CPU time (all cores) its hypervisor spent elsewhere. On
 * a shared virtual machine it comes in bursts of several seconds that take a third of the CPU
 * or more; figures measured through one say more about the neighbours than about Cercle.
 */
export type CpuShare = { serverCpu: number; databaseCpu: number | null; loadCpu: number; stolenCpu: number };

/**
 * Starts measuring; the returned function gives each side's share since then. `databasePid`:
 * the embedded PostgreSQL server's; null for one reached through DATABASE_URL, whose CPU the
 * benchmark cannot see (its share is then null).
 */
export function cpuMeter(serverPid: number, databasePid: number | null): () => CpuShare {
  const server = cpuSeconds(serverPid);
  const database = databasePid === null ? 0 : treeCpuSeconds(databasePid);
  const load = process.cpuUsage();
  const machine = machineTicks();
  const started = performance.now();
  return () => {
    const seconds = (performance.now() - started) / 1000;
    const own = process.cpuUsage(load);
    const now = machineTicks();
    const total = now.total - machine.total;
    return {
      serverCpu: Math.round((100 * (cpuSeconds(serverPid) - server)) / seconds),
      databaseCpu: databasePid === null ? null : Math.round((100 * (treeCpuSeconds(databasePid) - database)) / seconds),
      loadCpu: Math.round((100 * (own.user + own.system)) / 1e6 / seconds),
      stolenCpu: total > 0 ? Math.round((100 * (now.stolen - machine.stolen)) / total) : 0,
    };
  };
}
