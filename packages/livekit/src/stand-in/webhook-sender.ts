import { createHash } from 'node:crypto';
import { WebhookEvent } from '@livekit/protocol';
import { AccessToken } from 'livekit-server-sdk';
import type { LiveKitCredentials } from '../settings.ts';
import { nowSeconds } from './clock.ts';
import { newSid } from './ids.ts';

export interface WebhookDelivery {
  url: string;
  id: string;
  event: string;
  /** HTTP status of each attempt; 0 when the request itself failed. */
  attempts: number[];
  delivered: boolean;
}

export interface WebhookSenderOptions {
  urls: string[];
  credentials: LiveKitCredentials;
  /** Attempts per URL and event, the first included. */
  maxAttempts?: number;
  retryDelayMs?: number;
}

export type WebhookPayload = Omit<ConstructorParameters<typeof WebhookEvent>[0] & object, 'id' | 'createdAt'>;

/**
 * Posts events as LiveKit's notifier does: protojson (camelCase, zero values omitted), signed
 * with a JWT whose sha256 claim covers the body, sent without `Bearer `. Failed deliveries are
 * retried, so a receiver that answered late may see the same id twice. Each URL gets the events
 * in order.
 */
export class WebhookSender {
  private urls: string[];
  private readonly credentials: LiveKitCredentials;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly aborter = new AbortController();
  private dropCount = 0;
  private repeatCount = 0;
  readonly deliveries: WebhookDelivery[] = [];

  constructor(options: WebhookSenderOptions) {
    this.urls = [...options.urls];
    this.credentials = options.credentials;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 250;
  }

  setUrls(urls: string[]): void {
    this.urls = [...urls];
  }

  /** The next `count` events are lost, as LiveKit's own can be; 0 ends an earlier request. */
  dropNext(count: number): void {
    this.dropCount = count;
  }

  /** The next `count` events are delivered twice with the same id, as a retry after a lost answer does. */
  repeatNext(count: number): void {
    this.repeatCount = count;
  }

  send(payload: WebhookPayload): WebhookEvent {
    const event = new WebhookEvent({ ...payload, id: newSid('EV_'), createdAt: nowSeconds() });
    if (this.dropCount > 0) {
      this.dropCount -= 1;
      return event;
    }
    const times = this.repeatCount > 0 ? 2 : 1;
    if (times === 2) this.repeatCount -= 1;
    const body = event.toJsonString();
    for (const url of this.urls) {
      for (let i = 0; i < times; i++) this.enqueue(url, event, body);
    }
    return event;
  }

  /** Resolves when every event sent so far has been delivered or given up. */
  async idle(): Promise<void> {
    while (true) {
      const pending = [...this.queues.values()];
      await Promise.all(pending);
      if ([...this.queues.values()].every((queue, i) => queue === pending[i])) return;
    }
  }

  close(): void {
    this.aborter.abort();
  }

  private enqueue(url: string, event: WebhookEvent, body: string): void {
    const previous = this.queues.get(url) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(url, event, body));
    this.queues.set(url, next);
  }

  private async deliver(url: string, event: WebhookEvent, body: string): Promise<void> {
    const delivery: WebhookDelivery = {
      url,
      id: event.id,
      event: event.event,
      attempts: [],
      delivered: false,
    };
    this.deliveries.push(delivery);
    for (let attempt = 1; attempt <= this.maxAttempts && !this.aborter.signal.aborted; attempt++) {
      const status = await this.post(url, body);
      delivery.attempts.push(status);
      if (status >= 200 && status < 300) {
        delivery.delivered = true;
        return;
      }
      if (attempt < this.maxAttempts) await sleep(this.retryDelayMs * attempt, this.aborter.signal);
    }
  }

  private async post(url: string, body: string): Promise<number> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/webhook+json',
          Authorization: await this.sign(body),
        },
        body,
        signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(10_000)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch {
      return 0;
    }
  }

  private async sign(body: string): Promise<string> {
    const token = new AccessToken(this.credentials.apiKey, this.credentials.apiSecret, { ttl: '5m' });
    token.sha256 = createHash('sha256').update(body, 'utf8').digest('base64');
    return token.toJwt();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
