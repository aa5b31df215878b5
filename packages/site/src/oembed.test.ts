import { describe, expect, it } from 'vitest';
import { renderOembed } from './oembed.ts';
import { sampleReplayInput } from './testing/fixtures.ts';

const base = 'https://opptak.example.no';
const id = '0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b';

describe('renderOembed', () => {
  it('is an oEmbed 1.0 video with an iframe of the embed page', () => {
    const response = renderOembed(sampleReplayInput());
    expect(response).toEqual({
      version: '1.0',
      type: 'video',
      title: 'Budsjettmøte 2026',
      provider_name: 'Folkemøte',
      provider_url: `${base}/index.html`,
      author_name: 'Vestland fylkeskommune',
      width: 640,
      height: 360,
      html: `<iframe src="${base}/replays/${id}/embed.html" width="640" height="360" title="Videoavspiller: Budsjettmøte 2026" allow="fullscreen; picture-in-picture" allowfullscreen loading="lazy" style="border:0;max-width:100%"></iframe>`,
      thumbnail_url: `${base}/replays/${id}/v/20250312T081500Z-full/poster.jpg`,
      thumbnail_width: 1280,
      thumbnail_height: 720,
    });
  });

  it('fits maxwidth and maxheight while keeping the aspect ratio', () => {
    expect(renderOembed(sampleReplayInput(), { maxwidth: 480 })).toMatchObject({ width: 480, height: 270 });
    expect(renderOembed(sampleReplayInput(), { maxwidth: 1000, maxheight: 180 })).toMatchObject({
      width: 320,
      height: 180,
    });
    expect(renderOembed(sampleReplayInput(), { maxwidth: 0 })).toMatchObject({ width: 640, height: 360 });
  });

  it('leaves out the thumbnail when it is larger than allowed or its size is unknown', () => {
    const small = renderOembed(sampleReplayInput(), { maxwidth: 480 });
    expect(small.thumbnail_url).toBeUndefined();
    expect(small.thumbnail_width).toBeUndefined();
    const input = sampleReplayInput();
    input.version = { ...input.version, posterSize: null };
    expect(renderOembed(input).thumbnail_url).toBeUndefined();
  });

  it('gives audio-only recordings a short player', () => {
    const input = sampleReplayInput();
    input.version = { ...input.version, hasVideo: false, poster: null };
    input.captions = [];
    expect(renderOembed(input)).toMatchObject({ width: 640, height: 140 });
  });
});
