import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The production configuration of the public site's cache (an http-context file with ${PUBLIC_…} names). */
export const PUBLIC_CACHE_CONFIG = fileURLToPath(
  new URL('../../infra/nginx/public-cache.conf', import.meta.url),
);

export interface PublicCacheSettings {
  /** e.g. 127.0.0.1:8080 */
  listen: string;
  cacheDir: string;
  /** The S3 endpoint's host:port. */
  origin: string;
  bucket: string;
}

/** Where Debian puts nginx (the nginx-light package); null when it is not installed. */
export function findNginx(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'])
    if (existsSync(candidate)) return candidate;
  return null;
}

/** infra/nginx/public-cache.conf with its four names replaced, as envsubst would. */
export async function renderPublicCacheConfig(settings: PublicCacheSettings): Promise<string> {
  const template = await readFile(PUBLIC_CACHE_CONFIG, 'utf8');
  const values: Record<string, string> = {
    PUBLIC_CACHE_LISTEN: settings.listen,
    PUBLIC_CACHE_DIR: settings.cacheDir,
    PUBLIC_ORIGIN: settings.origin,
    PUBLIC_BUCKET: settings.bucket,
  };
  // Only the lines that are not comments: the comments show the names themselves.
  return template
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('#')
        ? line
        : line.replace(/\$\{(PUBLIC_[A-Z_]+)\}/g, (whole, name: string) => {
            const value = values[name];
            if (value === undefined) throw new Error(`${PUBLIC_CACHE_CONFIG} names an unknown ${whole}`);
            return value;
          }),
    )
    .join('\n');
}

/**
 * A whole nginx.conf in `dir` around the rendered public-cache.conf: everything nginx writes
 * (pid, temp files, logs) stays in `dir`; one worker; `origin.log` gets one line per request that
 * reached the origin (`log_subrequest on` counts the background refreshes too).
 */
export async function writeNginxConfig(dir: string, settings: PublicCacheSettings): Promise<string> {
  await mkdir(path.join(dir, 'temp'), { recursive: true });
  await mkdir(settings.cacheDir, { recursive: true });
  await writeFile(path.join(dir, 'public-cache.conf'), await renderPublicCacheConfig(settings));
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, 'temp', name)};`;
  // As root, nginx would run its worker as `nobody`, which cannot read this temporary directory.
  const asUser = process.getuid?.() === 0 ? `user ${userInfo().username};` : '';
  const conf = `${asUser}
daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 8192; }
http {
  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}
  types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; application/json json; text/html html; }
  keepalive_requests 100000;
  log_format origin '$msec $upstream_cache_status $upstream_status $upstream_bytes_received $uri $upstream_addr';
  map $upstream_addr $reached_origin { "" 0; default 1; }
  access_log ${path.join(dir, 'origin.log')} origin if=$reached_origin;
  log_subrequest on;
  include ${path.join(dir, 'public-cache.conf')};
}
`;
  const file = path.join(dir, 'nginx.conf');
  await writeFile(file, conf);
  return file;
}

/** `nginx -t` on a configuration: resolves, or throws with what nginx said. */
export async function testNginxConfig(nginx: string, configFile: string): Promise<string> {
  const prefix = path.dirname(configFile);
  const { stderr } = await run(nginx, [
    '-t',
    '-p',
    prefix,
    '-c',
    configFile,
    '-e',
    path.join(prefix, 'error.log'),
  ]);
  return stderr;
}

export interface RunningNginx {
  url: string;
  originLog: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts nginx on a configuration from writeNginxConfig and waits until it accepts connections. */
export async function startNginx(nginx: string, configFile: string, port: number): Promise<RunningNginx> {
  const prefix = path.dirname(configFile);
  const child = spawn(nginx, ['-p', prefix, '-c', configFile, '-e', path.join(prefix, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit');
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(`nginx did not start: ${stderr.trim() || 'no output'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    originLog: path.join(prefix, 'origin.log'),
    pid: child.pid ?? 0,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // SIGQUIT: a graceful stop of the master and its worker.
  child.kill('SIGQUIT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Removes a directory made for nginx (its cache and logs). */
export async function removeNginxDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
