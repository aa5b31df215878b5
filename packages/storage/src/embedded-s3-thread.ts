import { parentPort, workerData } from 'node:worker_threads';
import type { EmbeddedS3Options } from './embedded-s3.ts';
import { serveEmbeddedS3 } from './embedded-s3-server.ts';

/** The embedded S3-protocol server's thread: started and stopped by startEmbeddedS3. */
const port = parentPort;
if (!port) throw new Error('embedded-s3-thread.ts runs as a worker thread');
try {
  const server = await serveEmbeddedS3(workerData as EmbeddedS3Options);
  port.on('message', (message: unknown) => {
    if (message !== 'stop') return;
    void server.close().then(
      () => port.postMessage({ stopped: true }),
      (error: unknown) => port.postMessage({ stopped: true, error: String(error) }),
    );
  });
  port.postMessage({ ready: { endpoint: server.endpoint, port: server.port } });
} catch (error) {
  const { message, code } = error as { message?: string; code?: string };
  port.postMessage({ failed: { message: message ?? String(error), code } });
}
