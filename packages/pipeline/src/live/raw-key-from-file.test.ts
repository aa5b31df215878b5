import { describe, expect, it } from 'vitest';
import { rawKeyFromFile } from './raw-key-from-file.ts';

describe('rawKeyFromFile', () => {
  it('reads the key from a path-style location', () => {
    expect(
      rawKeyFromFile(
        { location: 'http://127.0.0.1:9000/folkemote-raw/livekit/ev-1/2030-01-01T100000.mp4' },
        'folkemote-raw',
      ),
    ).toBe('livekit/ev-1/2030-01-01T100000.mp4');
  });

  it('reads the key from a virtual-host location and decodes it', () => {
    expect(
      rawKeyFromFile(
        { location: 'https://folkemote-raw.s3.eu-north-1.amazonaws.com/livekit/ev%201/m%C3%B8te.mp4' },
        'folkemote-raw',
      ),
    ).toBe('livekit/ev 1/møte.mp4');
  });

  it('falls back to the filename when the location names another bucket or none', () => {
    expect(
      rawKeyFromFile(
        { location: 'https://other.example.no/elsewhere/a.mp4', filename: 'livekit/ev-1/a.mp4' },
        'folkemote-raw',
      ),
    ).toBe('livekit/ev-1/a.mp4');
    expect(rawKeyFromFile({ filename: '/livekit/ev-1/a.mp4' }, 'folkemote-raw')).toBe('livekit/ev-1/a.mp4');
  });

  it('gives null when there is nothing to go on', () => {
    expect(rawKeyFromFile({ location: 'https://other.example.no/x/a.mp4' }, 'folkemote-raw')).toBeNull();
    expect(rawKeyFromFile({ location: 'not a url', filename: '' }, 'folkemote-raw')).toBeNull();
    expect(rawKeyFromFile({ location: 'http://127.0.0.1:9000/folkemote-raw/' }, 'folkemote-raw')).toBeNull();
  });
});
