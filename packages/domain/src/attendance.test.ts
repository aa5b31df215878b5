import { describe, expect, it } from 'vitest';
import { summariseAttendance } from './attendance.ts';

const at = (hhmm: string) => `2026-03-12T${hhmm}:00.000Z`;

describe('summariseAttendance', () => {
  it('says who never joined', () => {
    expect(summariseAttendance([], at('11:00'))).toEqual({
      attended: false,
      firstJoinedAt: null,
      totalMinutes: 0,
    });
  });

  it('adds a rejoin as a second stay, and names the first joining', () => {
    const sessions = [
      { joinedAt: at('10:20'), leftAt: at('10:45') },
      { joinedAt: at('10:00'), leftAt: at('10:10') },
    ];
    expect(summariseAttendance(sessions, at('11:00'))).toEqual({
      attended: true,
      firstJoinedAt: at('10:00'),
      totalMinutes: 35,
    });
  });

  it('ends a stay with no leaving at the room end', () => {
    const sessions = [{ joinedAt: at('10:30'), leftAt: null }];
    expect(summariseAttendance(sessions, at('11:00')).totalMinutes).toBe(30);
  });

  it('counts overlapping stays once', () => {
    const sessions = [
      { joinedAt: at('10:00'), leftAt: at('10:30') },
      { joinedAt: at('10:20'), leftAt: at('10:40') },
      { joinedAt: at('10:25'), leftAt: at('10:35') },
    ];
    expect(summariseAttendance(sessions, at('11:00')).totalMinutes).toBe(40);
  });

  it('never counts a stay backwards', () => {
    const sessions = [
      { joinedAt: at('10:50'), leftAt: at('10:40') },
      { joinedAt: at('11:10'), leftAt: null },
    ];
    expect(summariseAttendance(sessions, at('11:00'))).toEqual({
      attended: true,
      firstJoinedAt: at('10:50'),
      totalMinutes: 0,
    });
  });

  it('rounds to whole minutes', () => {
    const sessions = [{ joinedAt: at('10:00'), leftAt: '2026-03-12T10:01:31.000Z' }];
    expect(summariseAttendance(sessions, at('11:00')).totalMinutes).toBe(2);
  });
});
