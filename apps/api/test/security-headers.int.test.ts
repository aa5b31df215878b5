import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestSystem, type TestSystem } from '@folkemote/system/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: TestSystem;
let webDir: string;
let url: string;
beforeAll(async () => {
  webDir = await mkdtemp(path.join(os.tmpdir(), 'folkemote-web-'));
  await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Folkemøte</title>');
  // Behind one proxy (as with Caddy in infra/), which says whether the browser came over TLS.
  system = await startTestSystem({ TRUST_PROXY_HOPS: '1' }, { webDistDir: webDir });
  url = system.url;
});
afterAll(async () => {
  await system?.stop();
  await rm(webDir, { recursive: true, force: true });
});

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v]),
  );

describe('security headers of the web app and the API', () => {
  it('send a CSP that allows the app itself, the LiveKit server and the S3 endpoint for uploads, and no framing', async () => {
    const page = await fetch(`${url}/organiser/sign-in`);
    expect(page.status).toBe(200);
    const csp = directives(page.headers.get('content-security-policy') ?? '');
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    const livekit = new URL(system.deps.config.livekit.publicUrl);
    // …and the S3 endpoint the organisers' browsers PUT upload parts to.
    const s3 = new URL(system.deps.config.s3.browserEndpoint ?? system.deps.config.s3.endpoint).origin;
    expect(csp.get('connect-src')).toEqual(["'self'", `ws://${livekit.host}`, `http://${livekit.host}`, s3]);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('send the same on API answers', async () => {
    const health = await fetch(`${url}/api/auth/options`);
    expect(health.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('send HSTS only when the request came over TLS', async () => {
    expect((await fetch(`${url}/api/auth/options`)).headers.get('strict-transport-security')).toBeNull();
    const overTls = await fetch(`${url}/api/auth/options`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(overTls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
