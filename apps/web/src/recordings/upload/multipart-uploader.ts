import type { RecordingView } from '@folkemote/contract';
import { ApiError } from '../../shared/api-error.ts';
import { PartPutError } from './put-part.ts';
import type { SignedParts } from './upload-api.ts';

/** What the uploader needs of the API and the store; the browser's is in use-multipart-upload.ts. */
export interface UploadTransport {
  storedParts(id: string): Promise<Array<{ partNumber: number; size: number }>>;
  sign(id: string, partNumbers: number[]): Promise<SignedParts>;
  put(url: string, body: Blob, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<void>;
  complete(id: string): Promise<RecordingView>;
}

export type UploadStatus = 'running' | 'paused' | 'offline' | 'completing' | 'done' | 'failed';

export interface UploadSnapshot {
  status: UploadStatus;
  bytesDone: number;
  totalBytes: number;
  /** Over the last few seconds of sending; null until there is something to measure. */
  bytesPerSecond: number | null;
  /** When the next attempt is due after a lost connection. */
  retryInSeconds: number | null;
  error: unknown;
  recording: RecordingView | null;
}

export interface UploadTarget {
  id: string;
  partSize: number;
  partCount: number;
  fileSize: number;
}

/** 1 s, 2 s, 4 s … at most 30 s between attempts after a failure. */
export const backoffMs = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

/** A failure worth trying again: no network, the server busy or failing, a signed URL that lapsed. */
export function isTransient(error: unknown): boolean {
  if (error instanceof PartPutError) return error.status === 0 || error.status === 403 || error.status >= 500;
  if (error instanceof ApiError)
    return (
      error.status === null || error.status >= 500 || error.status === 429 || error.code === 'missing_parts'
    );
  return false;
}

const SPEED_WINDOW_MS = 8000;
const SIGN_BATCH = 6;

/**
 * Sends a file's parts, a few at a time, to the presigned URLs the API gives, and completes the
 * upload. Each (re)start first asks the store which parts it holds (ListParts), so nothing sent
 * whole is sent again: after a pause, a lost connection, or a reload with the same file picked.
 */
export class MultipartUploader {
  private generation = 0;
  private done = new Map<number, number>();
  private inFlight = new Map<number, number>();
  private urls = new Map<number, { url: string; expires: number }>();
  private samples: Array<{ at: number; bytes: number }> = [];
  private sent = 0;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryAt: number | null = null;
  private controller: AbortController | null = null;
  private snapshot: UploadSnapshot;

  constructor(
    private readonly file: Blob,
    private readonly target: UploadTarget,
    private readonly transport: UploadTransport,
    private readonly onChange: (snapshot: UploadSnapshot) => void,
    private readonly concurrency = 3,
  ) {
    this.snapshot = {
      status: 'running',
      bytesDone: 0,
      totalBytes: target.fileSize,
      bytesPerSecond: null,
      retryInSeconds: null,
      error: null,
      recording: null,
    };
  }

  start(): void {
    this.clearRetry();
    const generation = ++this.generation;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.samples = [];
    this.update({ status: 'running', error: null, retryInSeconds: null });
    void this.run(generation, controller);
  }

  pause(): void {
    if (this.snapshot.status === 'done' || this.snapshot.status === 'completing') return;
    this.generation++;
    this.controller?.abort();
    this.clearRetry();
    this.inFlight.clear();
    this.update({ status: 'paused', retryInSeconds: null, bytesPerSecond: null });
  }

  /** The network is back (the `online` event): try now rather than at the end of the wait. */
  retryNow(): void {
    if (this.snapshot.status === 'offline') this.start();
  }

  dispose(): void {
    this.generation++;
    this.controller?.abort();
    this.clearRetry();
  }

  private async run(generation: number, controller: AbortController) {
    const current = () => generation === this.generation;
    try {
      const stored = await this.transport.storedParts(this.target.id);
      if (!current()) return;
      this.done = new Map(stored.map((p) => [p.partNumber, p.size]));
      this.inFlight.clear();
      this.publishProgress();
      const pending: number[] = [];
      for (let n = 1; n <= this.target.partCount; n++) if (!this.done.has(n)) pending.push(n);
      const worker = async () => {
        while (pending.length > 0 && current() && !controller.signal.aborted) {
          const n = pending.shift()!;
          await this.sendPart(n, pending, controller.signal, current);
        }
      };
      try {
        await Promise.all(Array.from({ length: this.concurrency }, worker));
      } catch (error) {
        controller.abort();
        throw error;
      }
      if (!current()) return;
      this.update({ status: 'completing' });
      const recording = await this.transport.complete(this.target.id);
      if (!current()) return;
      this.update({ status: 'done', recording, bytesDone: this.target.fileSize });
    } catch (error) {
      if (!current()) return;
      if (isTransient(error)) this.waitAndRetry(error);
      else this.update({ status: 'failed', error });
    }
  }

  private async sendPart(n: number, pending: number[], signal: AbortSignal, current: () => boolean) {
    const url = await this.urlFor(n, pending);
    const start = (n - 1) * this.target.partSize;
    const body = this.file.slice(start, Math.min(start + this.target.partSize, this.target.fileSize));
    this.inFlight.set(n, 0);
    try {
      await this.transport.put(
        url,
        body,
        (loaded) => {
          if (!current()) return;
          const before = this.inFlight.get(n) ?? 0;
          this.sent += Math.max(0, loaded - before);
          this.inFlight.set(n, loaded);
          this.publishProgress();
        },
        signal,
      );
    } catch (error) {
      this.inFlight.delete(n);
      if (error instanceof PartPutError && error.status === 403) this.urls.clear();
      throw error;
    }
    if (!current()) return;
    this.inFlight.delete(n);
    this.done.set(n, body.size);
    this.attempt = 0;
    this.publishProgress();
  }

  private async urlFor(n: number, pending: number[]): Promise<string> {
    const cached = this.urls.get(n);
    if (cached && cached.expires > Date.now() + 60_000) return cached.url;
    const batch = [n, ...pending.filter((p) => !this.urls.has(p)).slice(0, SIGN_BATCH - 1)];
    const signed = await this.transport.sign(this.target.id, batch);
    const expires = Date.parse(signed.expiresAt);
    for (const { partNumber, url } of signed.urls) this.urls.set(partNumber, { url, expires });
    const url = this.urls.get(n)?.url;
    if (!url) throw new Error(`No URL was signed for part ${n}`);
    return url;
  }

  private waitAndRetry(error: unknown) {
    const wait = backoffMs(this.attempt++);
    this.retryAt = Date.now() + wait;
    this.inFlight.clear();
    this.update({ status: 'offline', error, bytesPerSecond: null, retryInSeconds: Math.ceil(wait / 1000) });
    this.retryTimer = setTimeout(() => this.start(), wait);
  }

  private clearRetry() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
  }

  private publishProgress() {
    let bytes = 0;
    for (const size of this.done.values()) bytes += size;
    for (const loaded of this.inFlight.values()) bytes += loaded;
    const now = Date.now();
    this.samples.push({ at: now, bytes: this.sent });
    while (this.samples.length > 2 && now - this.samples[0]!.at > SPEED_WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const seconds = (now - first.at) / 1000;
    const speed = seconds >= 1 ? (this.sent - first.bytes) / seconds : this.snapshot.bytesPerSecond;
    this.update({ bytesDone: Math.min(bytes, this.target.fileSize), bytesPerSecond: speed });
  }

  private update(change: Partial<UploadSnapshot>) {
    this.snapshot = { ...this.snapshot, ...change };
    if (this.retryAt !== null && change.retryInSeconds === undefined)
      this.snapshot.retryInSeconds = Math.max(0, Math.ceil((this.retryAt - Date.now()) / 1000));
    this.onChange(this.snapshot);
  }
}
