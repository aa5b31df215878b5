import { describe, expect, it } from 'vitest';
import {
  buildAudioInvocation,
  buildFilterGraph,
  buildLadderInvocation,
  buildQuickInvocation,
  type TranscodePlan,
} from './build-transcode-invocation.ts';
import { LADDER_ENCODER } from './encoder-settings.ts';
import { toArgs } from './ffmpeg-invocation.ts';
import { planSprite } from './plan-sprite.ts';
import { selectLadder } from './select-ladder.ts';

function plan(
  overrides: {
    copy?: boolean;
    fps?: number | null;
    gainDb?: number | null;
    zimg?: boolean;
    fillTail?: number;
    fillAudio?: number;
  } = {},
): TranscodePlan {
  const copy = overrides.copy ?? true;
  const ladder = selectLadder({ displayWidth: 1920, displayHeight: 1080, avgFrameRate: 30 });
  return {
    input: { path: '/data/source.mp4', demuxer: 'mov' },
    hlsTime: 4,
    video: {
      streamIndex: 0,
      renditions: ladder.map((r, i) => ({ ...r, copy: copy && i === 0 })),
      keyframes: copy ? 'source' : 'interval',
      fps: overrides.fps ?? null,
      frameRate: overrides.fps ?? 30,
      zimg: overrides.zimg ?? false,
      sprite: planSprite(120, 1920, 1080),
      fill: overrides.fillTail === undefined ? null : { startSeconds: 2, tailSeconds: overrides.fillTail },
    },
    audio: {
      streamIndex: 1,
      gainDb: overrides.gainDb === undefined ? 4.5 : overrides.gainDb,
      sampleRate: 48000,
      fill: overrides.fillAudio === undefined ? null : { startSeconds: 1.5, toSeconds: overrides.fillAudio },
    },
    timestampOffset: copy ? 0.067 : 0,
    encoder: LADDER_ENCODER,
    threads: null,
  };
}

/** Values following each occurrence of a flag in an output's options. */
function optionValues(options: string[], flag: string): string[] {
  return options.flatMap((o, i) => (o === flag ? [options[i + 1]!] : []));
}

describe('buildFilterGraph', () => {
  it('decodes once and scales each rung from the one above, leaving the copied top rung out', () => {
    const { graph } = buildFilterGraph({ ...plan(), audio: null });
    expect(graph.match(/\[0:0\]/g)).toHaveLength(1);
    expect(graph).toContain('[0:0]split=2[src0][src1]');
    expect(graph).toContain('[src0]scale=1280:720:flags=area,setsar=1,format=yuv420p,split=2[v720p][n720p]');
    expect(graph).toContain('[n720p]scale=854:480:flags=area,setsar=1,split=2[v480p][n480p]');
    expect(graph).toContain('[n480p]scale=640:360:flags=area,setsar=1[v360p]');
    expect(graph).not.toContain('1920:1080');
    expect(graph).toMatch(/\[src1\]fps=1\/2,scale=160:90.*tile=10x6.*\[sprite\]/);
  });

  it('scales the top rung too when it is encoded, after evening out the frame rate', () => {
    const { graph } = buildFilterGraph({ ...plan({ copy: false, fps: 25 }), audio: null });
    expect(graph.startsWith('[0:0]fps=25,split=2[src0][src1]')).toBe(true);
    expect(graph).toContain('[src0]scale=1920:1080:flags=area');
  });

  it('holds a picture that starts late or stops early to the whole length of the sound', () => {
    const { graph } = buildFilterGraph({ ...plan({ copy: false, fillTail: 6.5 }), audio: null });
    expect(graph).toContain(
      '[0:0]setpts=PTS-STARTPTS+2.000/TB,fps=30:start_time=0,tpad=stop_mode=clone:stop_duration=6.500,split=2',
    );
  });

  it('fills sound that starts late or stops early with silence to the end of the picture', () => {
    const { graph } = buildFilterGraph({ ...plan({ fillAudio: 120 }), video: null });
    expect(graph).toContain('asetpts=PTS-STARTPTS+1.500/TB,aformat=');
    expect(graph).toContain('aresample=async=1:first_pts=0,apad=whole_dur=120.000');
    expect(buildFilterGraph({ ...plan(), video: null }).graph).not.toContain('apad');
  });

  it('resizes with zimg where the source allows it, the sprite still with swscale', () => {
    const { graph } = buildFilterGraph({ ...plan({ zimg: true }), audio: null });
    expect(graph).toContain(
      '[src0]zscale=w=1280:h=720:filter=bilinear,setsar=1,format=yuv420p,split=2[v720p][n720p]',
    );
    expect(graph).toContain('[n480p]zscale=w=640:h=360:filter=bilinear,setsar=1[v360p]');
    expect(graph).not.toContain('flags=area');
    expect(graph).toMatch(/\[src1\]fps=1\/2,scale=160:90:flags=bicubic/);
    const swscaleOnly = { ...plan({ zimg: true }), encoder: { ...LADDER_ENCODER, zimgFilter: null } };
    expect(buildFilterGraph({ ...swscaleOnly, audio: null }).graph).not.toContain('zscale');
  });

  it('downmixes the audio to stereo and applies the loudness gain', () => {
    const { graph } = buildFilterGraph({ ...plan(), video: null });
    expect(graph).toBe(
      '[0:1]aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,volume=4.5dB[aout]',
    );
    expect(buildFilterGraph({ ...plan({ gainDb: 0 }), video: null }).graph).not.toContain('volume');
  });
});

describe('buildLadderInvocation', () => {
  it('stream-copies the top rendition and encodes the rest with keyframes on the source’s', () => {
    const invocation = buildLadderInvocation(plan());
    // One decoder thread unless threads are set: the encoders' threads keep the cores busy.
    expect(invocation.inputs).toEqual([
      { path: '/data/source.mp4', demuxer: 'mov', options: ['-threads', '1'] },
    ]);
    expect(buildLadderInvocation({ ...plan(), threads: 3 }).inputs[0]!.options).toEqual(['-threads', '3']);
    const [top, ...encoded] = invocation.outputs;
    expect(top!.path).toBe('1080p/playlist.m3u8');
    expect(top!.options.slice(0, 4)).toEqual(['-map', '0:0', '-c:v', 'copy']);
    expect(top!.options).not.toContain('libx264');
    for (const output of encoded.slice(0, 3)) {
      expect(optionValues(output.options, '-c:v')).toEqual(['libx264']);
      expect(optionValues(output.options, '-force_key_frames')).toEqual(['source']);
      expect(optionValues(output.options, '-sc_threshold')).toEqual(['0']);
      expect(optionValues(output.options, '-g')).toEqual(['300']);
    }
    expect(optionValues(encoded[0]!.options, '-maxrate')).toEqual(['4000000']);
    expect(optionValues(encoded[0]!.options, '-bufsize')).toEqual(['8000000']);
  });

  it('writes fMP4 HLS of the planned segment length into one directory per rendition', () => {
    const output = buildLadderInvocation(plan()).outputs[1]!;
    expect(output.path).toBe('720p/playlist.m3u8');
    expect(optionValues(output.options, '-f')).toEqual(['hls']);
    expect(optionValues(output.options, '-hls_time')).toEqual(['4']);
    expect(optionValues(output.options, '-hls_segment_type')).toEqual(['fmp4']);
    expect(optionValues(output.options, '-hls_playlist_type')).toEqual(['vod']);
    expect(optionValues(output.options, '-hls_segment_filename')).toEqual(['720p/seg_%05d.m4s']);
    expect(optionValues(output.options, '-map_metadata')).toEqual(['-1']);
  });

  it('shifts encoded renditions onto the copied rendition’s timeline, and leaves the copy alone', () => {
    const [top, ...encoded] = buildLadderInvocation(plan()).outputs;
    expect(optionValues(top!.options, '-output_ts_offset')).toEqual([]);
    for (const output of encoded.slice(0, 3))
      expect(optionValues(output.options, '-output_ts_offset')).toEqual(['0.067']);
    expect(optionValues(buildAudioInvocation(plan()).outputs[0]!.options, '-output_ts_offset')).toEqual([
      '0.067',
    ]);
    expect(
      optionValues(buildLadderInvocation(plan({ copy: false })).outputs[0]!.options, '-output_ts_offset'),
    ).toEqual([]);
  });

  it('puts keyframes every 2 s when nothing is copied', () => {
    const output = buildLadderInvocation(plan({ copy: false })).outputs[0]!;
    expect(optionValues(output.options, '-force_key_frames')).toEqual(['expr:gte(t,n_forced*2)']);
  });

  it('writes the sprite as a single JPEG', () => {
    const sprite = buildLadderInvocation(plan()).outputs.at(-1)!;
    expect(sprite.path).toBe('sprite.jpg');
    expect(sprite.options).toEqual(
      expect.arrayContaining(['-map', '[sprite]', '-frames:v', '1', '-update', '1']),
    );
  });

  it('reports progress on stderr and logs only errors', () => {
    const args = toArgs(buildLadderInvocation(plan()));
    expect(args.slice(0, 17)).toEqual([
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-nostats',
      '-progress',
      'pipe:2',
      '-f',
      'mov',
      '-format_whitelist',
      'mov',
      '-protocol_whitelist',
      'file',
      '-threads',
      '1',
      '-i',
      'file:/data/source.mp4',
    ]);
    expect(args).toContain('-filter_complex');
  });
});

describe('buildAudioInvocation', () => {
  it('encodes stereo AAC into its own rendition', () => {
    const [output] = buildAudioInvocation(plan()).outputs;
    expect(output!.path).toBe('audio/playlist.m3u8');
    expect(optionValues(output!.options, '-c:a')).toEqual(['aac']);
    expect(optionValues(output!.options, '-map')).toEqual(['[aout]']);
  });
});

describe('buildQuickInvocation', () => {
  it('copies video and audio without a filter graph', () => {
    const invocation = buildQuickInvocation(
      { path: '/in.mp4', demuxer: 'mov' },
      6,
      { streamIndex: 0, name: '1080p', decodeDelaySeconds: 0 },
      { streamIndex: 1 },
    );
    expect(invocation.filterComplex).toBeNull();
    expect(
      invocation.outputs.map((o) => [
        o.path,
        optionValues(o.options, '-map')[0],
        optionValues(o.options, '-c:v')[0] ?? optionValues(o.options, '-c:a')[0],
      ]),
    ).toEqual([
      ['1080p/playlist.m3u8', '0:0', 'copy'],
      ['audio/playlist.m3u8', '0:1', 'copy'],
    ]);
    expect(optionValues(invocation.outputs[0]!.options, '-hls_time')).toEqual(['6']);
    // AAC from MPEG-TS carries ADTS headers that fragmented MP4 does not take.
    expect(optionValues(invocation.outputs[1]!.options, '-bsf:a')).toEqual(['aac_adtstoasc']);
  });

  it('delays the copied audio by the copied video’s B-frame delay', () => {
    const invocation = buildQuickInvocation(
      { path: '/in.mp4', demuxer: 'mov' },
      6,
      { streamIndex: 0, name: '720p', decodeDelaySeconds: 0.067 },
      { streamIndex: 1 },
    );
    expect(optionValues(invocation.outputs[1]!.options, '-output_ts_offset')).toEqual(['0.067']);
  });
});

describe('every run of the transcode', () => {
  it('reads the source as the container it was probed as, through the file protocol only', () => {
    const invocations = [
      buildLadderInvocation(plan()),
      buildAudioInvocation(plan()),
      buildQuickInvocation(plan().input, 6, { streamIndex: 0, name: '1080p', decodeDelaySeconds: 0 }, null),
    ];
    for (const invocation of invocations) {
      const args = toArgs(invocation);
      const input = args.indexOf('-i');
      expect(args[input + 1]).toBe('file:/data/source.mp4');
      expect(args.slice(0, input)).toEqual(
        expect.arrayContaining(['-f', 'mov', '-format_whitelist', 'mov', '-protocol_whitelist', 'file']),
      );
      expect(args.filter((a) => a === '-i')).toHaveLength(1);
    }
  });
});
