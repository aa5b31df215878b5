import { describe, expect, it } from 'vitest';
import {
  closedStreamManifest,
  parseClosedMediaPlaylist,
  parseMultivariantPlaylist,
} from './closed-stream-manifest.ts';

const multivariant = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-STREAM-INF:BANDWIDTH=2800000,AVERAGE-BANDWIDTH=2500000,RESOLUTION=1280x720,FRAME-RATE=30.000,CODECS="avc1.64001f,mp4a.40.2"
720p/index.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"
360p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=70000,CODECS="mp4a.40.2"
audio/index.m3u8
`;

const media = (endlist: boolean) => `#EXTM3U
#EXT-X-TARGETDURATION:2
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-PROGRAM-DATE-TIME:2026-12-07T10:00:00.000Z
#EXTINF:2.000,
seg000.ts
#EXTINF:1.520,
seg001.ts
${endlist ? '#EXT-X-ENDLIST\n' : ''}`;

describe('a closed broadcast stream as a quick version', () => {
  it('reads the ladder of the multivariant playlist', () => {
    const variants = parseMultivariantPlaylist(multivariant);
    expect(variants).toEqual([
      {
        playlist: '720p/index.m3u8',
        bandwidth: 2_800_000,
        averageBandwidth: 2_500_000,
        codecs: 'avc1.64001f,mp4a.40.2',
        width: 1280,
        height: 720,
        frameRate: 30,
      },
      {
        playlist: '360p/index.m3u8',
        bandwidth: 900_000,
        averageBandwidth: null,
        codecs: 'avc1.4d401e,mp4a.40.2',
        width: 640,
        height: 360,
      },
      { playlist: 'audio/index.m3u8', bandwidth: 70_000, averageBandwidth: null, codecs: 'mp4a.40.2' },
    ]);
  });

  it('refuses a playlist that names anything outside the stream', () => {
    for (const uri of ['../v/x/master.m3u8', '/replays/x/live.m3u8', 'https://evil.example/x.m3u8'])
      expect(() => parseMultivariantPlaylist(`#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n${uri}\n`)).toThrow(
        /inside the stream/,
      );
    expect(() =>
      parseClosedMediaPlaylist('#EXTM3U\n#EXTINF:2,\n../../x.ts\n#EXT-X-ENDLIST\n', 'a/index.m3u8'),
    ).toThrow(/outside the stream/);
    expect(() => parseMultivariantPlaylist('#EXTM3U\n')).toThrow(/no variant/);
  });

  it('takes a media playlist as closed only with its ENDLIST, and sums its segments', () => {
    expect(parseClosedMediaPlaylist(media(false), '720p/index.m3u8')).toBeNull();
    expect(parseClosedMediaPlaylist(media(true), '720p/index.m3u8')).toEqual({
      durationSeconds: 3.52,
      segments: ['720p/seg000.ts', '720p/seg001.ts'],
    });
  });

  it('makes a quick manifest with no download, poster or sprite, listing every file of the stream', () => {
    const variants = parseMultivariantPlaylist(multivariant);
    const playlists = new Map(
      variants.map((v) => [v.playlist, parseClosedMediaPlaylist(media(true), v.playlist)!] as const),
    );
    const manifest = closedStreamManifest('index.m3u8', variants, playlists);
    expect(manifest).toMatchObject({
      kind: 'quick',
      master: 'index.m3u8',
      durationSeconds: 3.52,
      hasVideo: true,
      hasAudio: true,
      download: null,
      poster: null,
      sprite: null,
    });
    expect(manifest.renditions.map((r) => [r.name, r.kind, r.height])).toEqual([
      ['720p', 'video', 720],
      ['360p', 'video', 360],
      ['audio', 'audio', undefined],
    ]);
    expect(manifest.files).toHaveLength(1 + 3 + 6);
    expect(manifest.files).toContain('audio/seg001.ts');
  });
});
