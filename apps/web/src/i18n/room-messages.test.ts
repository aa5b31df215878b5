import { describe, expect, it } from 'vitest';
import { roomMessages } from './room-messages.ts';

describe('the live room’s words for the audience', () => {
  it('never name LiveKit or a server, in any language', () => {
    for (const [locale, m] of Object.entries(roomMessages)) {
      const { technical, ...connection } = m.connection;
      const audienceSees = [
        m.stage.standInAudience,
        m.controls.unavailableAudience,
        ...Object.values(connection),
        ...Object.values(m.join).filter((v) => typeof v === 'string'),
        m.streamReconnecting,
        // What an attendee reads when joining finds no live video behind the room.
        m.refusals.livekit_unavailable,
      ];
      for (const text of audienceSees) expect(text, `${locale}: ${text}`).not.toMatch(/livekit|server/i);
      // The technical detail is for staff, and says what it is.
      expect(technical('SERVER_SHUTDOWN')).toContain('SERVER_SHUTDOWN');
    }
  });
});
