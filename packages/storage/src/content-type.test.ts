import { describe, expect, it } from 'vitest';
import { contentTypeFor, extensionOf } from './content-type.ts';

describe('contentTypeFor', () => {
  it.each([
    ['replays/r/v/1/master.m3u8', 'application/vnd.apple.mpegurl'],
    ['replays/r/v/1/720p/seg_00001.m4s', 'video/iso.segment'],
    ['replays/r/v/1/720p/init.mp4', 'video/mp4'],
    ['replays/r/v/1/download.mp4', 'video/mp4'],
    ['replays/r/v/1/audio/seg_00001.M4A', 'audio/mp4'],
    ['replays/r/v/1/poster.jpg', 'image/jpeg'],
    ['replays/r/v/1/sprite.vtt', 'text/vtt; charset=utf-8'],
    ['replays/r/index.html', 'text/html; charset=utf-8'],
    ['feed.json', 'application/json; charset=utf-8'],
    ['feed.xml', 'application/xml; charset=utf-8'],
    ['assets/player.js', 'text/javascript; charset=utf-8'],
    ['assets/site.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
  ])('%s → %s', (path, expected) => {
    expect(contentTypeFor(path)).toBe(expected);
  });

  it('falls back to application/octet-stream for unknown or missing extensions', () => {
    expect(contentTypeFor('replays/r/v/1/blob.xyz')).toBe('application/octet-stream');
    expect(contentTypeFor('replays/r/v/1/README')).toBe('application/octet-stream');
  });
});

describe('extensionOf', () => {
  it('looks at the last path segment only', () => {
    expect(extensionOf('dir.with.dots/file')).toBe('');
    expect(extensionOf('dir/.hidden')).toBe('');
    expect(extensionOf('dir/archive.tar.gz')).toBe('gz');
  });
});
