import { describe, expect, it } from 'vitest';
import {
  computeSegmentRates,
  parseAttributeList,
  parseMasterPlaylist,
  parseMediaPlaylist,
  writeMasterPlaylist,
} from './hls-playlists.ts';

const MEDIA = `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-TARGETDURATION:4
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-MAP:URI="init.mp4"
#EXTINF:4.000000,
seg_00000.m4s
#EXTINF:1.500000,
seg_00001.m4s
#EXT-X-ENDLIST
`;

describe('parseMediaPlaylist', () => {
  it('reads the init segment, segments with durations and the end marker', () => {
    expect(parseMediaPlaylist(MEDIA)).toEqual({
      version: 7,
      targetDuration: 4,
      mapUri: 'init.mp4',
      segments: [
        { uri: 'seg_00000.m4s', duration: 4 },
        { uri: 'seg_00001.m4s', duration: 1.5 },
      ],
      ended: true,
    });
  });

  it('rejects text that is not a playlist and segments without a duration', () => {
    expect(() => parseMediaPlaylist('hello')).toThrow(/#EXTM3U/);
    expect(() => parseMediaPlaylist('#EXTM3U\n#EXT-X-TARGETDURATION:4\nseg.m4s\n')).toThrow(/no #EXTINF/);
  });
});

describe('computeSegmentRates', () => {
  it('takes the peak segment rate and the mean over all segments', () => {
    const rates = computeSegmentRates([
      { duration: 4, bytes: 500_000 },
      { duration: 4, bytes: 1_000_000 },
      { duration: 2, bytes: 250_000 },
    ]);
    expect(rates.bandwidth).toBe(2_000_000);
    expect(rates.averageBandwidth).toBe(1_400_000);
  });

  it('leaves a very short last segment out of the peak', () => {
    const rates = computeSegmentRates([
      { duration: 4, bytes: 500_000 },
      { duration: 0.1, bytes: 100_000 },
    ]);
    expect(rates.bandwidth).toBe(1_000_000);
  });

  it('keeps the only segment of a short recording', () => {
    expect(computeSegmentRates([{ duration: 0.5, bytes: 10_000 }]).bandwidth).toBe(160_000);
  });
});

describe('writeMasterPlaylist', () => {
  const audio = {
    playlist: 'audio/playlist.m3u8',
    bandwidth: 130_000,
    averageBandwidth: 128_000,
    codec: 'mp4a.40.2',
    channels: 2,
    name: 'Lyd',
  };
  const variants = [
    {
      playlist: '1080p/playlist.m3u8',
      bandwidth: 2_000_000,
      averageBandwidth: 1_800_000,
      codecs: ['avc1.640028'],
      width: 1920,
      height: 1080,
      frameRate: 30,
    },
    {
      playlist: '360p/playlist.m3u8',
      bandwidth: 400_000,
      averageBandwidth: 380_000,
      codecs: ['avc1.42c01e'],
      width: 640,
      height: 360,
      frameRate: 29.97,
    },
  ];

  it('lists every variant with all attributes and the audio as a group', () => {
    const master = parseMasterPlaylist(writeMasterPlaylist(variants, audio));
    expect(master.media).toEqual([
      expect.objectContaining({
        TYPE: 'AUDIO',
        'GROUP-ID': 'audio',
        URI: 'audio/playlist.m3u8',
        DEFAULT: 'YES',
        CHANNELS: '2',
      }),
    ]);
    expect(master.variants.map((v) => v.uri)).toEqual([
      '1080p/playlist.m3u8',
      '360p/playlist.m3u8',
      'audio/playlist.m3u8',
    ]);
    expect(master.variants[0]!.attributes).toEqual({
      BANDWIDTH: '2130000',
      'AVERAGE-BANDWIDTH': '1928000',
      CODECS: 'avc1.640028,mp4a.40.2',
      RESOLUTION: '1920x1080',
      'FRAME-RATE': '30.000',
      AUDIO: 'audio',
    });
    expect(master.variants[1]!.attributes['FRAME-RATE']).toBe('29.970');
  });

  it('ends with an audio-only variant: the audio codec alone, the lowest bandwidth (Apple HLS authoring)', () => {
    const master = parseMasterPlaylist(writeMasterPlaylist(variants, audio));
    const last = master.variants.at(-1)!;
    expect(last).toEqual({
      uri: 'audio/playlist.m3u8',
      attributes: { BANDWIDTH: '130000', 'AVERAGE-BANDWIDTH': '128000', CODECS: 'mp4a.40.2', AUDIO: 'audio' },
    });
    const bandwidths = master.variants.map((v) => Number(v.attributes.BANDWIDTH));
    expect(Math.min(...bandwidths)).toBe(Number(last.attributes.BANDWIDTH));
    expect(writeMasterPlaylist(variants, null)).not.toContain('mp4a');
  });

  it('makes the audio playlist the only variant when there is no video', () => {
    const master = parseMasterPlaylist(writeMasterPlaylist([], audio));
    expect(master.media).toEqual([]);
    expect(master.variants).toEqual([
      {
        uri: 'audio/playlist.m3u8',
        attributes: { BANDWIDTH: '130000', 'AVERAGE-BANDWIDTH': '128000', CODECS: 'mp4a.40.2' },
      },
    ]);
  });

  it('leaves the audio group out for video without sound', () => {
    const text = writeMasterPlaylist(variants.slice(0, 1), null);
    expect(text).not.toContain('EXT-X-MEDIA');
    expect(parseMasterPlaylist(text).variants[0]!.attributes).not.toHaveProperty('AUDIO');
  });

  it('starts with the header and independent segments', () => {
    expect(writeMasterPlaylist(variants, audio).split('\n').slice(0, 3)).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:7',
      '#EXT-X-INDEPENDENT-SEGMENTS',
    ]);
  });
});

describe('parseAttributeList', () => {
  it('keeps commas inside quoted values', () => {
    expect(parseAttributeList('BANDWIDTH=1,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=2x2')).toEqual({
      BANDWIDTH: '1',
      CODECS: 'avc1.64001f,mp4a.40.2',
      RESOLUTION: '2x2',
    });
  });
});
