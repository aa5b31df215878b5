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

  it('lets organisers’ browsers PUT upload parts to the S3 endpoint they reach, and nothing else of it', () => {
    const csp = contentSecurityPolicy('wss://live.example.no', 'https://s3.example.no/some/path');
    expect(csp['connect-src']).toContain('https://s3.example.no');
    expect(csp['connect-src']).not.toContain('https://s3.example.no/some/path');
    expect(csp['script-src']).toEqual(["'self'"]);
  });

  it('allows nothing from other sites for scripts, styles or frames', () => {
    const csp = contentSecurityPolicy('wss://live.example.no');
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
  });
});
