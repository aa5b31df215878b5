import { describe, expect, it } from 'vitest';
import { expandEgressFilepath } from './egress-filepath.ts';
import { s3Location } from './s3-location.ts';

const context = { roomName: 'event-42', roomId: 'RM_abc', now: new Date('2026-03-04T05:06:07.089Z') };

describe('expandEgressFilepath', () => {
  it('fills in the room name, room id, time and utc templates', () => {
    expect(expandEgressFilepath('rec/{room_name}/{room_id}-{time}-{utc}.mp4', context)).toBe(
      'rec/event-42/RM_abc-2026-03-04T050607-20260304050607089.mp4',
    );
  });

  it('names an empty path after the room and the time', () => {
    expect(expandEgressFilepath('', context)).toBe('event-42-2026-03-04T050607.mp4');
  });

  it('puts the generated name inside a path that ends in a slash', () => {
    expect(expandEgressFilepath('recordings/{room_name}/', context)).toBe(
      'recordings/event-42/event-42-2026-03-04T050607.mp4',
    );
  });

  it('replaces a wrong known extension and appends .mp4 otherwise', () => {
    expect(expandEgressFilepath('a/b.ogg', context)).toBe('a/b.mp4');
    expect(expandEgressFilepath('a/b.final', context)).toBe('a/b.final.mp4');
    expect(expandEgressFilepath('a/b', context)).toBe('a/b.mp4');
  });

  it('removes parent-directory steps', () => {
    expect(expandEgressFilepath('../../x/./y//z.mp4', context)).toBe('x/y/z.mp4');
  });
});

describe('s3Location', () => {
  it('uses the virtual-host AWS address without forcePathStyle', () => {
    expect(s3Location({ endpoint: '', bucket: 'raw', forcePathStyle: false }, 'a b/c.mp4')).toBe(
      'https://raw.s3.amazonaws.com/a%20b/c.mp4',
    );
  });

  it('puts the bucket in the path with forcePathStyle, keeping the endpoint scheme', () => {
    expect(
      s3Location({ endpoint: 'http://127.0.0.1:9000/', bucket: 'raw', forcePathStyle: true }, 'x/ø+(1).mp4'),
    ).toBe('http://127.0.0.1:9000/raw/x/%C3%B8+%281%29.mp4');
    expect(s3Location({ endpoint: 'minio.example.no', bucket: 'raw', forcePathStyle: true }, 'k.mp4')).toBe(
      'https://minio.example.no/raw/k.mp4',
    );
  });
});
