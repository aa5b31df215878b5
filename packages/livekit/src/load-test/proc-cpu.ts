import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time of one process, all its threads, in clock ticks: utime + stime, fields 14 and 15 of
 * /proc/<pid>/stat. The command name (field 2) may hold spaces and parentheses, so fields are
 * counted from its last ')'.
 */
export function parseProcessCpuTicks(stat: string): number {
  const end = stat.lastIndexOf(')');
  if (end < 0) throw new Error('not a /proc/<pid>/stat line: no command name');
  const fields = stat
    .slice(end + 2)
    .trim()
    .split(/\s+/);
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error('not a /proc/<pid>/stat line: utime and stime are missing');
  }
  return utime + stime;
}

export interface MachineCpuTicks {
  /** Every core's time, in clock ticks. */
  total: number;
  /** Time spent neither idle nor waiting for I/O. */
  busy: number;
}

/** The first line of /proc/stat: user nice system idle iowait irq softirq steal (guest time is in user). */
export function parseMachineCpuTicks(procStat: string): MachineCpuTicks {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('not /proc/stat: no "cpu " line');
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map((v) => (Number.isFinite(Number(v)) ? Number(v) : 0));
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { total, busy: total - idle - iowait };
}

/** Clock ticks per second (USER_HZ), 100 on nearly every Linux. */
export function clockTicksPerSecond(): number {
  const run = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(run.stdout?.trim());
  return run.status === 0 && ticks > 0 ? ticks : 100;
}

export function readProcessCpuTicks(pid: number): number {
  return parseProcessCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

export function readMachineCpuTicks(): MachineCpuTicks {
  return parseMachineCpuTicks(readFileSync('/proc/stat', 'utf8'));
}
