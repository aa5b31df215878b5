import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

let clientSource: Promise<string> | undefined;

/**
 * Puts LiveKit's browser client in the page as `window.LivekitClient` (its UMD build), beside
 * whatever the app loaded, so a test can act in the page as a participant would on their own.
 * Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not stop it.
 */
export async function loadLiveKitClient(page: Page): Promise<void> {
  clientSource ??= readFile(require.resolve('livekit-client'), 'utf8');
  const source = await clientSource;
  await page.evaluate(source);
}

/** What came of publishing a camera with a token that does not allow it. */
export interface PublishAttempt {
  /** livekit-client's own refusal, made from the permission the server gave it. */
  clientRefusal: string | null;
  /** The server's answer to the AddTrack request sent regardless (RequestResponse reason name). */
  serverRefusal: string | null;
}

/**
 * Connects to `url` with `token` from inside the page, and tries to publish a camera: first
 * through livekit-client as is, then with the client's own permission check set aside, so the
 * request reaches the server and only the server can refuse it.
 */
export async function attemptPublish(page: Page, url: string, token: string): Promise<PublishAttempt> {
  await loadLiveKitClient(page);
  return page.evaluate(
    async ({ url, token }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the UMD build comes without its types in the page.
      const lk = (window as any).LivekitClient;
      const room = new lk.Room();
      await room.connect(url, token, { autoSubscribe: false });
      const serverAnswer = new Promise<string>((resolve) => {
        room.engine.on('signalRequestResponse', (response: { reason: number; request: { case: string } }) => {
          if (response.request.case === 'addTrack')
            resolve(lk.RequestResponse_Reason?.[response.reason] ?? String(response.reason));
        });
      });
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      const camera = new lk.LocalVideoTrack(stream.getVideoTracks()[0], undefined, true);
      let clientRefusal: string | null = null;
      try {
        await room.localParticipant.publishTrack(camera, { source: lk.Track.Source.Camera });
      } catch (error) {
        clientRefusal = (error as Error).message;
      }
      // As a modified client would: claim the permission the server did not give.
      room.localParticipant.permissions = {
        ...room.localParticipant.permissions,
        canPublish: true,
        canPublishSources: [],
      };
      const published = room.localParticipant
        .publishTrack(camera, { source: lk.Track.Source.Camera })
        .catch(() => null);
      const serverRefusal = await Promise.race([
        serverAnswer,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 8000)),
      ]);
      // Left connected, so the test can ask the server what it lists for this participant.
      (window as unknown as { publishAttemptRoom: unknown }).publishAttemptRoom = room;
      void published;
      return { clientRefusal, serverRefusal };
    },
    { url, token },
  );
}

/** How a connection with an old token went: whether it got in, and whether (and why) it was sent out. */
export interface ReconnectAttempt {
  connected: boolean;
  connectError: string | null;
  /** livekit-client's DisconnectReason name, when the server ended the connection. */
  disconnectReason: string | null;
  /** Milliseconds from connecting to being sent out. */
  disconnectedAfterMs: number | null;
}

/** Connects to `url` with `token` from inside the page and waits `waitMs` to see whether it is sent out. */
export async function attemptConnect(
  page: Page,
  url: string,
  token: string,
  waitMs: number,
): Promise<ReconnectAttempt> {
  await loadLiveKitClient(page);
  return page.evaluate(
    async ({ url, token, waitMs }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the UMD build comes without its types in the page.
      const lk = (window as any).LivekitClient;
      const room = new lk.Room();
      const result = {
        connected: false,
        connectError: null as string | null,
        disconnectReason: null as string | null,
        disconnectedAfterMs: null as number | null,
      };
      let connectedAt = 0;
      const sentOut = new Promise<void>((resolve) => {
        room.on('disconnected', (reason?: number) => {
          result.disconnectReason =
            reason === undefined ? 'UNKNOWN' : (lk.DisconnectReason?.[reason] ?? String(reason));
          result.disconnectedAfterMs = performance.now() - connectedAt;
          resolve();
        });
      });
      try {
        await room.connect(url, token, { autoSubscribe: false });
        connectedAt = performance.now();
        result.connected = true;
      } catch (error) {
        result.connectError = (error as Error).message;
        return result;
      }
      await Promise.race([sentOut, new Promise((resolve) => setTimeout(resolve, waitMs))]);
      if (result.disconnectReason === null) await room.disconnect();
      return result;
    },
    { url, token, waitMs },
  );
}
