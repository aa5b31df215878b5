import { describe, expect, it } from 'vitest';
import { sampleArchiveInput, sampleReplayInput } from './testing/fixtures.ts';
import { parseArchiveInput, parseReplayInput } from './types.ts';

describe('parseReplayInput', () => {
  it('accepts a complete input', () => {
    const input = sampleReplayInput();
    expect(parseReplayInput(input)).toBe(input);
  });

  it('lists every bad field in one error', () => {
    const input = sampleReplayInput({ baseUrl: 'https://opptak.example.no/' });
    input.version = { ...input.version, master: '../../secret.m3u8', poster: 'javascript:alert(1)' };
    input.recording = { ...input.recording, id: 'a/b' };
    expect(() => parseReplayInput(input)).toThrowError(
      /invalid replay input:\n {2}baseUrl: must not end with "\/"\n {2}recording\.id: .*\n {2}version\.master: .*\n {2}version\.poster: /,
    );
  });

  it('refuses base URLs that are not plain http(s)', () => {
    for (const baseUrl of [
      'ftp://example.no',
      'opptak.example.no',
      'https://example.no?x=1',
      'javascript:alert(1)',
    ]) {
      expect(() => parseReplayInput(sampleReplayInput({ baseUrl })), baseUrl).toThrowError(/baseUrl/);
    }
  });

  it('refuses paths that climb out of the version prefix or are absolute', () => {
    for (const master of ['/master.m3u8', 'a/../../x.m3u8', './master.m3u8', 'https://evil.example/x.m3u8']) {
      const input = sampleReplayInput();
      input.version = { ...input.version, master };
      expect(() => parseReplayInput(input), master).toThrowError(/version\.master/);
    }
  });
});

describe('parseArchiveInput', () => {
  it('names the item that is wrong', () => {
    const bad = sampleReplayInput();
    bad.recording = { ...bad.recording, publishedAt: 'yesterday' };
    expect(() => parseArchiveInput(sampleArchiveInput([sampleReplayInput(), bad]))).toThrowError(
      /items\.1\.recording\.publishedAt/,
    );
  });
});
