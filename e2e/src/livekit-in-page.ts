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
 * request reaches the server and only the server can refuse it. The connection is left open,
 * so the test can ask the server what it lists; leavePublishAttempt closes it.
 */
export async function attemptPublish(page: Page, url: string, token: string): Promise<PublishAttempt> {
  await loadLiveKitClient(page);
  return page.evaluate(
    async ({ url, token }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the UMD build comes without its types in the page.
      const lk = (window as any).LivekitClient;
      // RequestResponse.Reason of LiveKit's protocol, which the UMD build does not export.
      const reasons = ['OK', 'NOT_FOUND', 'NOT_ALLOWED', 'LIMIT_EXCEEDED', 'QUEUED', 'UNSUPPORTED_TYPE'];
      const room = new lk.Room();
      await room.connect(url, token, { autoSubscribe: false });
      const serverAnswer = new Promise<string>((resolve) => {
        room.engine.on('signalRequestResponse', (response: { reason: number; request: { case: string } }) => {
          if (response.request.case === 'addTrack')
            resolve(reasons[response.reason] ?? String(response.reason));
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

/** Leaves the room attemptPublish connected to. */
export async function leavePublishAttempt(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const room = (window as unknown as { publishAttemptRoom?: { disconnect(): Promise<void> } })
      .publishAttemptRoom;
    await room?.disconnect();
  });
}

/** A connection made from inside a page: whether it got in, and whether (and why) it was sent out. */
export interface HeldConnection {
  connected: boolean;
  connectError: string | null;
  /** livekit-client's DisconnectReason name, once the connection has ended. */
  disconnectReason: string | null;
  /** Milliseconds from the start of connecting to being sent out (which may come before the connect resolves). */
  disconnectedAfterMs: number | null;
}

interface HoldWindow {
  heldConnection: HeldConnection;
  heldRoom?: { disconnect(): Promise<void> };
}

/**
 * Connects to `url` with `token` from inside the page, as a client of the person's own making
 * would, one that ignores everything our API says: it stays until the server sends it out.
 */
export async function holdConnection(page: Page, url: string, token: string): Promise<HeldConnection> {
  await loadLiveKitClient(page);
  return page.evaluate(
    async ({ url, token }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the UMD build comes without its types in the page.
      const lk = (window as any).LivekitClient;
      const held = window as unknown as HoldWindow;
      const room = new lk.Room();
      const state: HeldConnection = {
        connected: false,
        connectError: null,
        disconnectReason: null,
        disconnectedAfterMs: null,
      };
      held.heldConnection = state;
      held.heldRoom = room;
      const startedAt = performance.now();
      room.on('disconnected', (reason?: number) => {
        state.disconnectReason =
          reason === undefined ? 'UNKNOWN_REASON' : (lk.DisconnectReason?.[reason] ?? String(reason));
        state.disconnectedAfterMs = performance.now() - startedAt;
      });
      try {
        await room.connect(url, token, { autoSubscribe: false });
        state.connected = true;
      } catch (error) {
        state.connectError = (error as Error).message;
      }
      return { ...state };
    },
    { url, token },
  );
}

/** How the page's held connection stands now. */
export async function readHeldConnection(page: Page): Promise<HeldConnection> {
  return page.evaluate(() => ({ ...(window as unknown as HoldWindow).heldConnection }));
}

/** Ends the page's held connection, if the server has not. */
export async function leaveHeldConnection(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (window as unknown as HoldWindow).heldRoom?.disconnect();
  });
}

/** Connects with `token` from inside the page and waits up to `waitMs` to see whether the server sends it out. */
export async function attemptConnect(
  page: Page,
  url: string,
  token: string,
  waitMs: number,
): Promise<HeldConnection> {
  const state = await holdConnection(page, url, token);
  if (!state.connected) return state;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = await readHeldConnection(page);
    if (now.disconnectReason !== null || Date.now() > deadline) {
      if (now.disconnectReason === null) await leaveHeldConnection(page);
      return now;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
