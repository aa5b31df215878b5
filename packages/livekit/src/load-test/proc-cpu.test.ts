import { describe, expect, it } from 'vitest';
import { parseMachineCpuTicks, parseProcessCpuTicks } from './proc-cpu.ts';

describe('parseProcessCpuTicks', () => {
  it('adds utime and stime, counted from the end of the command name', () => {
    const stat =
      '4242 (livekit-server) S 1 4242 4242 0 -1 4194560 9519 0 12 0 731 268 0 0 20 0 14 0 5123 1502000000 9000 18446744073709551615';
    expect(parseProcessCpuTicks(stat)).toBe(731 + 268);
  });

  it('reads past a command name with spaces and parentheses', () => {
    const stat = '77 (node (audience) 2) R 1 77 77 0 -1 4194304 100 0 0 0 50 7 3 1 20 0 9 0 88 1 1';
    expect(parseProcessCpuTicks(stat)).toBe(57);
  });

  it('refuses text that is no stat line', () => {
    expect(() => parseProcessCpuTicks('no such process')).toThrow(/no command name/);
    expect(() => parseProcessCpuTicks('1 (x) S 1 2')).toThrow(/utime and stime/);
  });
});

describe('parseMachineCpuTicks', () => {
  it('counts idle and iowait as not busy, steal and irq as busy', () => {
    const procStat = ['cpu  100 5 40 800 20 3 2 30 0 0', 'cpu0 50 2 20 400 10 1 1 15 0 0', 'intr 123'].join(
      '\n',
    );
    expect(parseMachineCpuTicks(procStat)).toEqual({
      total: 100 + 5 + 40 + 800 + 20 + 3 + 2 + 30,
      busy: 100 + 5 + 40 + 3 + 2 + 30,
    });
  });

  it('refuses text without the summary line', () => {
    expect(() => parseMachineCpuTicks('cpu0 1 2 3 4')).toThrow(/no "cpu " line/);
  });
});
