import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { LiveKitCredentials } from '../settings.ts';
import { readBody, sendJson } from './http-io.ts';
import { SOURCE_NAMES } from './participant-permission.ts';
import { type SimulatedClients, StandInClientError } from './simulated-clients.ts';
import type { StandInControls } from './stand-in-controls.ts';
import { PlainUnauthorized, TwirpFailure } from './twirp-failure.ts';
import { verifyAccessToken } from './verify-access-token.ts';

export const TEST_API_PREFIX = '/_standin/';

const countBody = z.object({ count: z.number().int().min(0).max(1000) });
const failBody = z.object({ error: z.string().min(1).max(500).optional() });
const publishBody = z.object({ source: z.enum(SOURCE_NAMES), name: z.string().max(200).optional() });
const unpublishBody = z.object({ trackSid: z.string().min(1) });
const attributesBody = z.object({ attributes: z.record(z.string(), z.string()) });
const emptyBody = z.object({}).loose();

type Handler = (token: string, body: unknown) => Promise<unknown>;

/**
 * The test hooks over HTTP, for a process that holds no handle to the stand-in. Client routes
 * take the participant's access token as `Authorization: Bearer`; the other hooks take any
 * token signed with the API key pair.
 */
export function testApiRoutes(
  clients: SimulatedClients,
  controls: StandInControls,
  credentials: LiveKitCredentials,
): (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void> {
  const asAdmin =
    <T>(schema: z.ZodType<T>, run: (body: T) => unknown): Handler =>
    async (token, body) => {
      await verifyAccessToken(credentials, token);
      return run(parse(schema, body));
    };
  const asClient =
    <T>(
      schema: z.ZodType<T>,
      run: (participant: Awaited<ReturnType<SimulatedClients['connectedFor']>>, body: T) => unknown,
    ): Handler =>
    async (token, body) => {
      const input = parse(schema, body);
      return run(await clients.connectedFor(token), input);
    };

  const routes: Record<string, Handler> = {
    'POST join': async (token, body) => {
      parse(emptyBody, body);
      const participant = await clients.join(token);
      return { participant: participant.info().toJson({ emitDefaultValues: true }) };
    },
    'POST publish': asClient(publishBody, (p, body) => ({
      track: p.publishTrack(body.source, body.name).toJson({ emitDefaultValues: true }),
    })),
    'POST unpublish': asClient(unpublishBody, (p, body) => {
      p.unpublishTrack(body.trackSid);
      return {};
    }),
    'POST data': asClient(emptyBody, (p) => {
      p.publishData();
      return {};
    }),
    'POST attributes': asClient(attributesBody, (p, body) => ({
      participant: p.setAttributes(body.attributes).toJson({ emitDefaultValues: true }),
    })),
    'GET participants': asClient(emptyBody, (p) => ({
      participants: p.remoteParticipants().map((other) => other.toJson({ emitDefaultValues: true })),
    })),
    'POST leave': asClient(emptyBody, (p) => {
      p.leave();
      return {};
    }),
    'POST webhooks/drop': asAdmin(countBody, (body) => {
      controls.dropNextWebhooks(body.count);
      return {};
    }),
    'POST webhooks/repeat': asAdmin(countBody, (body) => {
      controls.repeatNextWebhooks(body.count);
      return {};
    }),
    'POST egress/fail-next': asAdmin(failBody, (body) => {
      controls.failNextEgress(body.error);
      return {};
    }),
    'GET webhooks': asAdmin(emptyBody, () => ({ deliveries: controls.webhookDeliveries() })),
    'GET state': asAdmin(emptyBody, () => controls.snapshot()),
  };

  return async (req, res, path) => {
    const handler = routes[`${req.method} ${path.slice(TEST_API_PREFIX.length)}`];
    if (!handler) {
      sendJson(res, 404, { code: 'not_found', message: 'no such stand-in route' });
      return;
    }
    try {
      const authorization = req.headers.authorization ?? '';
      if (!authorization.startsWith('Bearer ')) {
        throw new StandInClientError('unauthorized', 'Authorization: Bearer <token> is required');
      }
      const raw = req.method === 'GET' ? '' : (await readBody(req)).toString('utf8').trim();
      const body = raw === '' ? {} : (JSON.parse(raw) as unknown);
      sendJson(res, 200, await handler(authorization.slice('Bearer '.length), body));
    } catch (error) {
      sendFailure(res, error);
    }
  };
}

class BadRequest extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super('invalid request body');
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new BadRequest(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return result.data;
}

function sendFailure(res: ServerResponse, error: unknown): void {
  if (error instanceof BadRequest) {
    sendJson(res, 400, { code: 'invalid_argument', message: error.message, issues: error.issues });
  } else if (error instanceof SyntaxError) {
    sendJson(res, 400, { code: 'invalid_argument', message: 'the body is not JSON' });
  } else if (error instanceof StandInClientError) {
    sendJson(res, error.status, { code: error.code, message: error.message });
  } else if (error instanceof PlainUnauthorized) {
    sendJson(res, 401, { code: 'unauthorized', message: error.message });
  } else if (error instanceof TwirpFailure) {
    sendJson(res, error.code === 'not_found' ? 404 : 400, { code: error.code, message: error.message });
  } else {
    sendJson(res, 500, { code: 'internal', message: 'stand-in error' });
  }
}
