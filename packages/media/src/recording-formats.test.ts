import { describe, expect, it } from 'vitest';
import { UnusableMediaError } from './errors.ts';
import {
  describeRefusedFormat,
  mediaInputOptions,
  probeInputOptions,
  recordingDemuxer,
  refusedDemuxerIn,
} from './recording-formats.ts';

function reasonOf(container: string): string {
  try {
    recordingDemuxer(container);
  } catch (err) {
    if (err instanceof UnusableMediaError) return err.reason;
    throw err;
  }
  throw new Error(`${container} was accepted`);
}

describe('recordingDemuxer', () => {
  it('reads each container a recording may be in with its own demuxer', () => {
    expect(recordingDemuxer('mov,mp4,m4a,3gp,3g2,mj2')).toBe('mov');
    expect(recordingDemuxer('matroska,webm')).toBe('matroska');
    for (const name of ['mpegts', 'ogg', 'wav', 'mp3', 'aac', 'flac'])
      expect(recordingDemuxer(name)).toBe(name);
  });

  it('refuses playlists, manifests, lists, images and text, saying what the file is', () => {
    expect(reasonOf('hls')).toBe(
      'The file is an HLS playlist, not a recording: upload the video or audio file itself',
    );
    expect(reasonOf('dash')).toMatch(/^The file is a DASH manifest, not a recording/);
    expect(reasonOf('concat')).toMatch(/^The file is a list of other files \(ffconcat\)/);
    for (const image of ['image2', 'png_pipe', 'jpeg_pipe', 'gif', 'webp'])
      expect(reasonOf(image)).toBe('The file is a still image, not a recording');
    expect(reasonOf('tty')).toBe('The file is not a video or audio recording');
  });

  it('refuses anything else by name, and a name that is no format at all', () => {
    expect(reasonOf('sdp')).toBe(
      "The file's format (sdp) is not accepted: a recording must be MP4, MOV, M4A, MKV, WebM, MPEG-TS, Ogg, WAV, MP3, AAC or FLAC",
    );
    expect(reasonOf('constructor')).toMatch(/^The file's format \(constructor\) is not accepted/);
    expect(reasonOf('mov')).toMatch(/^The file's format \(mov\) is not accepted/);
    expect(reasonOf('')).toMatch(/^The file's format \(unknown\) is not accepted/);
  });
});

describe('describeRefusedFormat', () => {
  it('shows no more of a strange name than a format name can hold', () => {
    const reason = describeRefusedFormat('<b>x</b>\n'.repeat(20));
    expect(/\(([^)]*)\)/.exec(reason)?.[1]).toBe('bxb'.repeat(20).slice(0, 40));
  });
});

describe('refusedDemuxerIn', () => {
  it('names the demuxer ffprobe found off the list', () => {
    const stderr =
      "[hls @ 0x55d39d15b680] Format not on whitelist 'mov,matroska,mpegts,ogg,wav,mp3,aac,flac'\ntalk.mp4: Invalid argument\n";
    expect(refusedDemuxerIn(stderr)).toBe('hls');
    expect(refusedDemuxerIn('[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found')).toBeNull();
  });
});

describe('input options', () => {
  it('probe with a recording’s demuxers only, then read with the one found, through files only', () => {
    expect(probeInputOptions()).toEqual([
      '-format_whitelist',
      'mov,matroska,mpegts,ogg,wav,mp3,aac,flac',
      '-protocol_whitelist',
      'file',
    ]);
    expect(mediaInputOptions('matroska')).toEqual([
      '-f',
      'matroska',
      '-format_whitelist',
      'matroska',
      '-protocol_whitelist',
      'file',
    ]);
  });
});
