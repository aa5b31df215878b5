import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './security-headers.ts';

describe('content security policy', () => {
  it('lets the app reach the LiveKit server by WebSocket and HTTP, with TLS when LiveKit has it', () => {
    expect(contentSecurityPolicy('wss://live.example.no')['connect-src']).toEqual([
      "'self'",
      'wss://live.example.no',
      'https://live.example.no',
    ]);
    expect(contentSecurityPolicy('ws://127.0.0.1:7880')['connect-src']).toEqual([
      "'self'",
      'ws://127.0.0.1:7880',
      'http://127.0.0.1:7880',
    ]);
  });

  it('allows nothing from other sites for scripts, styles or frames', () => {
    const csp = contentSecurityPolicy('wss://live.example.no');
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
  });

  it("lets the organiser's previews play from the public bucket's origin, and run no script from it", () => {
    const csp = contentSecurityPolicy('wss://live.example.no', 'https://opptak.example.no/folkemote-public');
    for (const directive of ['connect-src', 'media-src', 'img-src'])
      expect(csp[directive]).toContain('https://opptak.example.no');
    expect(csp['script-src']).toEqual(["'self'"]);
  });
});
