import { describe, expect, it } from 'vitest';
import {
  livePlaylist,
  measuredBandwidth,
  multivariantPlaylist,
  type StreamSegment,
  segmentsOfPlaylist,
  vodPlaylist,
} from './hls-playlists.ts';

const START = Date.UTC(2026, 5, 12, 10, 0, 0);
const segment = (i: number, seconds = 2, bytes = 500_000): StreamSegment => ({
  uri: `seg-${String(i).padStart(5, '0')}.ts`,
  seconds,
  startedAtMs: START + i * 2000,
  bytes,
});

describe('segmentsOfPlaylist', () => {
  it("reads ffmpeg's playlist: each segment's name and duration, in order", () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-TARGETDURATION:2',
      '#EXTINF:2.000000,',
      'seg-00000.ts',
      '#EXTINF:1.960000,',
      'seg-00001.ts',
      '',
    ].join('\n');
    expect(segmentsOfPlaylist(text)).toEqual([
      { uri: 'seg-00000.ts', seconds: 2 },
      { uri: 'seg-00001.ts', seconds: 1.96 },
    ]);
  });

  it('leaves out a last line still being written', () => {
    expect(segmentsOfPlaylist('#EXTM3U\n#EXTINF:2.0,\nseg-00000.ts\n#EXTINF:2.0,\nseg-000')).toEqual([
      { uri: 'seg-00000.ts', seconds: 2 },
    ]);
    expect(segmentsOfPlaylist('')).toEqual([]);
  });
});

describe('livePlaylist', () => {
  it('lists every segment with its wall clock while the window holds them, open until the end', () => {
    const segments = [segment(0), segment(1, 1.5)];
    const open = livePlaylist(segments, { segmentSeconds: 2, windowSegments: 900, ended: false });
    expect(open).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-TARGETDURATION:2',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-MEDIA-SEQUENCE:0',
        '#EXT-X-PROGRAM-DATE-TIME:2026-06-12T10:00:00.000Z',
        '#EXTINF:2.000000,',
        'seg-00000.ts',
        '#EXT-X-PROGRAM-DATE-TIME:2026-06-12T10:00:02.000Z',
        '#EXTINF:1.500000,',
        'seg-00001.ts',
        '',
      ].join('\n'),
    );
    const closed = livePlaylist(segments, { segmentSeconds: 2, windowSegments: 900, ended: true });
    expect(closed).toBe(`${open}#EXT-X-ENDLIST\n`);
  });

  it('slides its window over the newest segments, numbering them from the first of the stream', () => {
    const segments = Array.from({ length: 905 }, (_, i) => segment(i));
    const text = livePlaylist(segments, { segmentSeconds: 2, windowSegments: 900, ended: false });
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:5\n');
    expect(text.match(/#EXTINF/g)).toHaveLength(900);
    expect(text).toContain(
      '#EXT-X-PROGRAM-DATE-TIME:2026-06-12T10:00:10.000Z\n#EXTINF:2.000000,\nseg-00005.ts',
    );
    expect(text).not.toContain('seg-00004.ts');
  });

  it('raises the target duration to the longest segment, rounded', () => {
    const text = livePlaylist([segment(0, 2.6)], { segmentSeconds: 2, windowSegments: 900, ended: false });
    expect(text).toContain('#EXT-X-TARGETDURATION:3\n');
  });
});

describe('vodPlaylist', () => {
  it('lists every segment, with its wall clock, as VOD and ended', () => {
    const segments = Array.from({ length: 1000 }, (_, i) => segment(i));
    const text = vodPlaylist(segments, 2);
    expect(text.split('\n').slice(0, 6)).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-TARGETDURATION:2',
      '#EXT-X-INDEPENDENT-SEGMENTS',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      '#EXT-X-MEDIA-SEQUENCE:0',
    ]);
    expect(text.match(/#EXTINF/g)).toHaveLength(1000);
    expect(text.match(/#EXT-X-PROGRAM-DATE-TIME/g)).toHaveLength(1000);
    expect(text.endsWith('seg-00999.ts\n#EXT-X-ENDLIST\n')).toBe(true);
  });
});

describe('multivariantPlaylist', () => {
  it('names each variant with bandwidth, resolution and codecs, sound alone last', () => {
    const text = multivariantPlaylist([
      { uri: 'audio/live.m3u8', bandwidth: 76_800, codecs: 'mp4a.40.2' },
      {
        uri: '720p/live.m3u8',
        bandwidth: 2_891_000,
        resolution: { width: 1280, height: 720 },
        codecs: 'avc1.42c01f,mp4a.40.2',
      },
      {
        uri: '360p/live.m3u8',
        bandwidth: 875_600,
        averageBandwidth: 700_000,
        resolution: { width: 640, height: 360 },
        codecs: 'avc1.42c01e,mp4a.40.2',
      },
    ]);
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-STREAM-INF:BANDWIDTH=2891000,RESOLUTION=1280x720,CODECS="avc1.42c01f,mp4a.40.2"',
        '720p/live.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=875600,AVERAGE-BANDWIDTH=700000,RESOLUTION=640x360,CODECS="avc1.42c01e,mp4a.40.2"',
        '360p/live.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=76800,CODECS="mp4a.40.2"',
        'audio/live.m3u8',
        '',
      ].join('\n'),
    );
  });
});

describe('measuredBandwidth', () => {
  it('takes the peak over full segments and the average over all', () => {
    const segments = [segment(0, 2, 500_000), segment(1, 2, 750_000), segment(2, 0.1, 100_000)];
    // The 0.1-second tail would claim 8 Mbit/s: it is left out of the peak.
    expect(measuredBandwidth(segments, 2)).toEqual({
      bandwidth: 3_000_000,
      averageBandwidth: Math.ceil((1_350_000 * 8) / 4.1),
    });
    expect(measuredBandwidth([], 2)).toBeUndefined();
  });
});
