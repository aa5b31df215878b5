import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EgressInfo } from '@livekit/protocol';
import { sendTwirpError } from '../stand-in/http-io.ts';
import { TwirpFailure } from '../stand-in/twirp-failure.ts';
import { handleTwirpRequest } from '../stand-in/twirp-server.ts';
import { type WebhookDelivery, WebhookSender } from '../stand-in/webhook-sender.ts';
import { RecorderEgress } from './recorder-egress.ts';
import { recorderService } from './recorder-service.ts';

export interface RecorderOptions {
  /** The LiveKit server as a client dials it (ws:// or wss://; http(s):// is taken as the same). */
  livekitUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Where egress_* webhooks go, like LiveKit's `webhook.urls`. */
  webhookUrls?: string[];
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  ffmpegPath?: string;
}

export interface Recorder {
  /** The Egress API base (what LIVEKIT_EGRESS_URL is set to). */
  url: string;
  port: number;
  setWebhookUrls(urls: string[]): void;
  egress(): EgressInfo[];
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves when stopped recordings are delivered and the webhooks sent so far are out. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * LiveKit's Egress API for a LiveKit server that has no Egress service: room composite recordings
 * made from the room's real media by a hidden participant on LiveKit's Node SDK, uploaded to the
 * request's S3 output and announced with egress_* webhooks signed as LiveKit signs them.
 */
export async function startRecorder(options: RecorderOptions): Promise<Recorder> {
  const credentials = { apiKey: options.apiKey, apiSecret: options.apiSecret };
  const webhooks = new WebhookSender({ urls: options.webhookUrls ?? [], credentials });
  const egress = new RecorderEgress({
    ...credentials,
    livekitUrl: options.livekitUrl.replace(/^http(s?):/, 'ws$1:'),
    notify: (payload) => void webhooks.send(payload),
    ffmpegPath: options.ffmpegPath ?? 'ffmpeg',
  });
  const services = { Egress: recorderService(egress) };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://recorder').pathname;
    handleTwirpRequest(req, res, path, services, credentials).catch(() => {
      if (!res.headersSent) sendTwirpError(res, new TwirpFailure('internal', 'internal error'));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    setWebhookUrls: (urls) => webhooks.setUrls(urls),
    egress: () => egress.list({ roomName: '', egressId: '', active: false }),
    webhookDeliveries: () => webhooks.deliveries.map((d) => ({ ...d, attempts: [...d.attempts] })),
    async idle() {
      await egress.idle();
      await webhooks.idle();
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await egress.close();
      await webhooks.idle();
      webhooks.close();
    },
  };
}
