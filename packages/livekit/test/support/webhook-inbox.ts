import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, type WebhookEvent } from '../../src/index.ts';

export interface ReceivedWebhook {
  event: WebhookEvent;
  contentType: string | undefined;
  authorization: string | undefined;
  rawBody: string;
}

export interface WebhookInbox {
  url: string;
  received: ReceivedWebhook[];
  /** Requests that failed verification. */
  rejected: number;
  /** Answer the next `count` requests with 503 after reading them. */
  failNext(count: number): void;
  waitFor(predicate: (event: WebhookEvent) => boolean, what: string): Promise<WebhookEvent>;
  close(): Promise<void>;
}

/** A webhook receiver that verifies every request against the raw body, as the API does. */
export async function startWebhookInbox(credentials: {
  apiKey: string;
  apiSecret: string;
}): Promise<WebhookInbox> {
  const received: ReceivedWebhook[] = [];
  const waiters = new Set<() => void>();
  let failures = 0;
  const inbox: WebhookInbox = {
    url: '',
    received,
    rejected: 0,
    failNext(count) {
      failures += count;
    },
    waitFor(predicate, what) {
      return new Promise((resolve, reject) => {
        const timeout = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no webhook ${what}; received: ${received.map((r) => r.event.event).join(', ')}`));
        }, 60_000);
        const check = () => {
          const found = received.find((r) => predicate(r.event));
          if (found) {
            clearTimeout(timeout);
            waiters.delete(check);
            resolve(found.event);
          }
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    try {
      const event = await verifyWebhook(credentials, rawBody, req.headers.authorization);
      received.push({
        event,
        rawBody,
        contentType: req.headers['content-type'],
        authorization: req.headers.authorization,
      });
      for (const waiter of [...waiters]) waiter();
    } catch {
      inbox.rejected += 1;
      res.writeHead(401).end();
      return;
    }
    if (failures > 0) {
      failures -= 1;
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  inbox.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/livekit`;
  return inbox;
}
