import { readFile } from 'node:fs/promises';

/** Linux's USER_HZ, which /proc/<pid>/stat counts CPU time in (100 on every common build). */
const CLOCK_TICKS = 100;

/** A process and its direct children (nginx's master and its workers), from /proc; [] elsewhere. */
export async function processTree(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => null);
  if (children === null) return [];
  return [pid, ...children.split(/\s+/).filter(Boolean).map(Number)];
}

/** Resident memory of the processes together, in MiB; null where /proc is not readable. */
export async function residentMiB(pids: number[]): Promise<number | null> {
  let kib = 0;
  for (const pid of pids) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
    const match = status && /VmRSS:\s+(\d+) kB/.exec(status);
    if (!match) return null;
    kib += Number(match[1]);
  }
  return pids.length > 0 ? kib / 1024 : null;
}

/** User and system CPU time the processes used so far, in seconds; null where /proc is not readable. */
export async function cpuSeconds(pids: number[]): Promise<number | null> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (!stat) return null;
    // Fields after the command name (which may hold spaces) start at the third; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return pids.length > 0 ? ticks / CLOCK_TICKS : null;
}
