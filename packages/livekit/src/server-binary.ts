import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where scripts/bootstrap.sh puts the livekit-server it builds (gitignored). */
export const LIVEKIT_SERVER_TOOL_PATH = fileURLToPath(
  new URL('../../../.tools/bin/livekit-server', import.meta.url),
);

export type LiveKitServerBinary =
  | { path: string; version: string; reason?: undefined }
  | { path: undefined; version?: undefined; reason: string };

/**
 * The livekit-server to run: the one bootstrap built in .tools/bin, else one on the PATH.
 * Without either, `reason` says in one line why and how to get it.
 */
export function liveKitServerBinary(): LiveKitServerBinary {
  const candidates = existsSync(LIVEKIT_SERVER_TOOL_PATH)
    ? [LIVEKIT_SERVER_TOOL_PATH, 'livekit-server']
    : ['livekit-server'];
  for (const candidate of candidates) {
    const version = liveKitServerVersion(candidate);
    if (version) return { path: candidate, version };
  }
  return {
    path: undefined,
    reason:
      'no livekit-server in .tools/bin or on the PATH: scripts/bootstrap.sh builds it when Go is installed (docs/livekit.md)',
  };
}

/** The version `livekit-server --version` prints ("1.13.5"), or undefined when it does not run. */
export function liveKitServerVersion(binary: string): string | undefined {
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (run.status !== 0) return undefined;
  return /version\s+v?(\d+\.\d+\.\d+\S*)/.exec(run.stdout)?.[1];
}
