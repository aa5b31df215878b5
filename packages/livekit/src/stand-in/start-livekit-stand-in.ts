import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EgressInfo, ParticipantInfo, Room, SendDataRequest } from '@livekit/protocol';
import { EgressManager } from './egress-manager.ts';
import { egressService } from './egress-service.ts';
import { sendTwirpError } from './http-io.ts';
import { RoomRegistry } from './room-registry.ts';
import { roomService } from './room-service.ts';
import {
  type SimulatedClients as Clients,
  SimulatedClients,
  type SimulatedParticipant,
} from './simulated-clients.ts';
import type { StandInControls } from './stand-in-controls.ts';
import { TEST_API_PREFIX, testApiRoutes } from './test-api-routes.ts';
import { TwirpFailure } from './twirp-failure.ts';
import type { TwirpService } from './twirp-method.ts';
import { handleTwirpRequest } from './twirp-server.ts';
import { WebhookSender } from './webhook-sender.ts';

export interface LiveKitStandInOptions {
  /** 0 picks a free port (tests); the dev command uses LIVEKIT_STANDIN_PORT. */
  port?: number;
  host?: string;
  apiKey: string;
  apiSecret: string;
  /** Where webhooks go, like LiveKit's `webhook.urls`. */
  webhookUrls?: string[];
  ffmpegPath?: string;
  /** Longest recording rendered, whatever the time between start and stop (default 20 s). */
  maxClipSeconds?: number;
  /** How long an egress stays STARTING (default 300 ms). */
  egressStartDelayMs?: number;
  /** Wait before a failed webhook delivery is tried again, times the attempt number (default 250 ms). */
  webhookRetryDelayMs?: number;
}

export interface LiveKitStandIn extends StandInControls {
  /** Server API base, e.g. http://127.0.0.1:7880 (what LIVEKIT_URL would be). */
  url: string;
  /** The same address as a client would dial it. */
  wsUrl: string;
  port: number;
  /** Simulates a client connecting with an access token; throws StandInClientError when refused. */
  join(token: string): Promise<SimulatedParticipant>;
  setWebhookUrls(urls: string[]): void;
  rooms(): Room[];
  participants(room: string): ParticipantInfo[];
  egress(): EgressInfo[];
  /** Every SendData request the server API received. */
  dataSent(): SendDataRequest[];
  /** Resolves when stopped egresses have finished and webhooks sent so far are delivered or given up. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A local stand-in for LiveKit's server API (no media): Twirp RoomService and Egress with
 * LiveKit's auth and errors, webhooks, egress that uploads a real MP4 to S3, and hooks that let
 * tests act as clients.
 */
export async function startLiveKitStandIn(options: LiveKitStandInOptions): Promise<LiveKitStandIn> {
  const credentials = { apiKey: options.apiKey, apiSecret: options.apiSecret };
  const webhooks = new WebhookSender({
    urls: options.webhookUrls ?? [],
    credentials,
    ...(options.webhookRetryDelayMs !== undefined ? { retryDelayMs: options.webhookRetryDelayMs } : {}),
  });
  const notify = webhooks.send.bind(webhooks);
  const rooms = new RoomRegistry(notify);
  const egress = new EgressManager({
    rooms,
    notify,
    ffmpegPath: options.ffmpegPath ?? 'ffmpeg',
    maxClipSeconds: options.maxClipSeconds ?? 20,
    startDelayMs: options.egressStartDelayMs ?? 300,
  });
  rooms.onRoomClosing = (room) => egress.endForRoom(room.name);
  const data: SendDataRequest[] = [];
  const services: Record<string, TwirpService> = {
    RoomService: roomService(rooms, (request) => data.push(request)),
    Egress: egressService(egress),
  };
  const clients: Clients = new SimulatedClients(rooms, credentials);

  const controls: StandInControls = {
    dropNextWebhooks: (count) => webhooks.dropNext(count),
    repeatNextWebhooks: (count) => webhooks.repeatNext(count),
    failNextEgress: (error) => egress.failNext(error ?? 'stand-in: upload failed as requested'),
    webhookDeliveries: () => webhooks.deliveries.map((d) => ({ ...d, attempts: [...d.attempts] })),
    snapshot: () => ({
      rooms: rooms.listRooms([]).map((room) => ({
        room: room.toJson(),
        participants: rooms.listParticipants(room.name).map((p) => p.toJson()),
      })),
      egress: egress.list({ roomName: '', egressId: '', active: false }).map((e) => e.toJson()),
    }),
  };
  const handleTestApi = testApiRoutes(clients, controls, credentials);

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const handling = path.startsWith(TEST_API_PREFIX)
      ? handleTestApi(req, res, path)
      : handleTwirpRequest(req, res, path, services, credentials);
    handling.catch(() => {
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
  const url = `http://${host}:${address.port}`;

  return {
    ...controls,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    port: address.port,
    join: (token) => clients.join(token),
    setWebhookUrls: (urls) => webhooks.setUrls(urls),
    rooms: () => rooms.listRooms([]),
    participants: (room) => rooms.listParticipants(room),
    egress: () => egress.list({ roomName: '', egressId: '', active: false }),
    dataSent: () => data.map((request) => request.clone()),
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
      webhooks.close();
      await webhooks.idle();
    },
  };
}
