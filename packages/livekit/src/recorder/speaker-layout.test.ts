import { describe, expect, it } from 'vitest';
import { featuredFeed, type VideoFeed } from './speaker-layout.ts';

const kari: VideoFeed = { trackSid: 'TR_kari', identity: 'kari', source: 'camera', order: 1 };
const ola: VideoFeed = { trackSid: 'TR_ola', identity: 'ola', source: 'camera', order: 2 };
const slides: VideoFeed = { trackSid: 'TR_slides', identity: 'ola', source: 'screen_share', order: 3 };
const demo: VideoFeed = { trackSid: 'TR_demo', identity: 'kari', source: 'screen_share', order: 4 };

describe('featuredFeed', () => {
  it('shows nothing while no video is published', () => {
    expect(featuredFeed([], ['kari'], undefined)).toBeUndefined();
  });

  it("shows the first presenter's camera before anyone has spoken", () => {
    expect(featuredFeed([ola, kari], [], undefined)).toBe('TR_kari');
  });

  it('switches to the camera of whoever speaks, and stays there through a pause', () => {
    expect(featuredFeed([kari, ola], ['ola'], 'TR_kari')).toBe('TR_ola');
    expect(featuredFeed([kari, ola], [], 'TR_ola')).toBe('TR_ola');
  });

  it('keeps the speaker on screen while they go on speaking with others', () => {
    expect(featuredFeed([kari, ola], ['kari', 'ola'], 'TR_ola')).toBe('TR_ola');
  });

  it('passes over a speaker who has no camera', () => {
    expect(featuredFeed([kari], ['ola'], 'TR_kari')).toBe('TR_kari');
  });

  it('shows a screen share over every camera, the newest of two', () => {
    expect(featuredFeed([kari, ola, slides], ['kari'], 'TR_kari')).toBe('TR_slides');
    expect(featuredFeed([kari, ola, slides, demo], ['ola'], 'TR_slides')).toBe('TR_demo');
  });

  it('goes back to the cameras when the screen share stops', () => {
    expect(featuredFeed([kari, ola], ['ola'], 'TR_slides')).toBe('TR_ola');
    expect(featuredFeed([kari, ola], [], 'TR_slides')).toBe('TR_kari');
  });

  it('shows someone else when the presenter on screen leaves', () => {
    expect(featuredFeed([ola], [], 'TR_kari')).toBe('TR_ola');
  });
});
