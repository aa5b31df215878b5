import type { RecordingCaptionRow } from '@folkemote/db';
import { describe, expect, it } from 'vitest';
import { approvedCaptions, transcriptTrack } from './site-transcript.ts';

const row = (
  language: RecordingCaptionRow['language'],
  extra: Partial<RecordingCaptionRow> = {},
): RecordingCaptionRow => ({
  recordingId: 'r1',
  language,
  kind: 'captions',
  status: 'approved',
  publicKey: `replays/r1/captions/${language}.abc.vtt`,
  cueCount: 2,
  uploadedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('the captions a transcript and the search index may use', () => {
  it('are the approved caption tracks only: no drafts, no description track', () => {
    const rows = [
      row('nb', { status: 'draft' }),
      row('nn', { status: 'approved' }),
      row('en', { status: 'approved', kind: 'descriptions' }),
      row('se'),
    ];
    expect(approvedCaptions(rows).map((r) => r.language)).toEqual(['nn', 'se']);
  });

  it("are those of the page's language, else the first approved track", () => {
    expect(transcriptTrack([row('en'), row('nb')], 'nb')?.language).toBe('nb');
    expect(transcriptTrack([row('en'), row('nb', { status: 'draft' })], 'nb')?.language).toBe('en');
    expect(transcriptTrack([row('nb', { status: 'draft' })], 'nb')).toBeNull();
    expect(transcriptTrack([], 'nn')).toBeNull();
  });
});
