import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PART_SIZE, downloadObject, publicKeys } from '../src/index.ts';
import { recordCommands } from './support/command-log.ts';
import { type FaultProxy, startFaultProxy } from './support/fault-proxy.ts';
import { publishWrittenVersion } from './support/publish-written-version.ts';
import { startTestS3, type TestS3 } from './support/test-s3.ts';
import { makeVersionDir, type VersionDir } from './support/version-dir.ts';

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('publishing through a connection that fails', () => {
  let s3: TestS3;
  let proxy: FaultProxy;
  let version: VersionDir;
  let downloads: string;
  const bucket = 'test-public';
  const prefix = publicKeys.versionPrefix('rec2', 'ver1');

  beforeAll(async () => {
    s3 = await startTestS3();
    proxy = await startFaultProxy({
      target: { host: '127.0.0.1', port: s3.s3.port },
      seed: 20_240_611,
      unavailableRate: 0.2,
      dropRate: 0.1,
      maxFaultsPerRequest: 2,
      maxFaults: 200,
      idleTimeoutMs: 60_000,
    });
    version = await makeVersionDir({ largeBytes: 2 * DEFAULT_PART_SIZE + 1024 * 1024, segments: 12 });
    downloads = await mkdtemp(path.join(tmpdir(), 'folkemote-downloads-'));
  });
  afterAll(async () => {
    await proxy?.close();
    await s3?.stop();
    if (version) await rm(version.dir, { recursive: true, force: true });
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('still publishes every object intact, the master last', async () => {
    const client = s3.clientFor(proxy.endpoint);
    const log = recordCommands(client);

    const published = await publishWrittenVersion(client, {
      bucket,
      prefix,
      dir: version.dir,
      lastFiles: ['master.m3u8'],
    });
    log.detach();

    // The run met both kinds of fault, so the retries were exercised.
    expect(proxy.stats.unavailable).toBeGreaterThan(0);
    expect(proxy.stats.dropped).toBeGreaterThan(0);
    expect(published.map((object) => object.path).sort()).toEqual(version.files);
    expect(log.writes().at(-1)?.key).toBe(`${prefix}master.m3u8`);

    // Read back straight from the server, past the proxy: what is stored is what was meant.
    for (const relative of version.files) {
      const file = path.join(downloads, 'direct', relative);
      await downloadObject(s3.client, bucket, `${prefix}${relative}`, file);
      expect({ relative, sha256: await sha256(file) }).toEqual({
        relative,
        sha256: version.sha256.get(relative),
      });
    }
  });

  it('downloads every object intact through the same faults', async () => {
    const client = s3.clientFor(proxy.endpoint);
    const faultsBefore = proxy.stats.unavailable + proxy.stats.dropped;

    for (const relative of version.files) {
      const file = path.join(downloads, 'proxied', relative);
      await downloadObject(client, bucket, `${prefix}${relative}`, file);
      expect({ relative, sha256: await sha256(file) }).toEqual({
        relative,
        sha256: version.sha256.get(relative),
      });
    }
    expect(proxy.stats.unavailable + proxy.stats.dropped).toBeGreaterThan(faultsBefore);
  });
});
