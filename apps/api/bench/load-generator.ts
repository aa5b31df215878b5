/**
 * The client side of the HTTP benchmarks, run as a child process so that its
 * work does not share the API's event loop. The parent sends one `LoadPlan` per
 * run over IPC and gets a `LoadResult` back.
 *
 * A plan is sent over a pool of keep-alive connections, one pool per base URL
 * and size, kept open from one plan to the next and opened (by the warm-up
 * requests) before the clock starts. In a burst every request is handed
 * to the pool in one synchronous loop and timed from that moment, the release,
 * so time spent waiting for a free connection on the client counts as latency.
 * Bodies are serialised before the release and answers parsed only after the
 * last one arrived, to keep the client's work during the burst small. A plan
 * with `fresh` opens a new connection for every request, inside the clock.
 */
import http from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface LoadPlan {
  baseUrl: string;
  /** Sent before the clock starts, `connections` at a time, to open the pool. */
  warmUp: LoadRequest[];
  requests: LoadRequest[];
  /** burst: all released at once; sequential: one after another, each timed alone. */
  mode: 'burst' | 'sequential';
  connections: number;
  /**
   * Each request opens a connection of its own inside the clock and closes it after the answer,
   * as browsers reaching the API with no proxy in front; `connections` is then ignored.
   */
  fresh?: boolean;
}

export interface LoadAnswer {
  ms: number;
  status: number;
  body: string;
}

export interface LoadResult {
  wallMs: number;
  /** The client's own processor time during the plan, after the warm-up. */
  cpuMs: number;
  answers: LoadAnswer[];
}

function send(agent: http.Agent, baseUrl: URL, request: LoadRequest, payload: Buffer | null) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: request.method,
        path: request.path,
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': String(payload.length) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}

const serialise = (r: LoadRequest) => (r.body === undefined ? null : Buffer.from(JSON.stringify(r.body)));

const pools = new Map<string, http.Agent>();

export async function runLoadPlan(plan: LoadPlan): Promise<LoadResult> {
  const baseUrl = new URL(plan.baseUrl);
  const poolKey = `${plan.baseUrl} ${plan.connections}`;
  const agent = plan.fresh
    ? new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY })
    : (pools.get(poolKey) ??
      // maxFreeSockets too: by default an agent closes all but 256 idle connections between plans.
      new http.Agent({ keepAlive: true, maxSockets: plan.connections, maxFreeSockets: plan.connections }));
  if (!plan.fresh) pools.set(poolKey, agent);
  {
    for (let i = 0; i < plan.warmUp.length; i += plan.connections)
      await Promise.all(
        plan.warmUp.slice(i, i + plan.connections).map((r) => send(agent, baseUrl, r, serialise(r))),
      );
    const payloads = plan.requests.map(serialise);
    const answers: LoadAnswer[] = [];
    const cpu = process.cpuUsage();
    const start = performance.now();
    if (plan.mode === 'sequential') {
      for (let i = 0; i < plan.requests.length; i++) {
        const sent = performance.now();
        const got = await send(agent, baseUrl, plan.requests[i]!, payloads[i]!);
        answers.push({ ms: performance.now() - sent, ...got });
      }
    } else {
      const pending = plan.requests.map((r, i) =>
        send(agent, baseUrl, r, payloads[i]!).then((got) => ({ ms: performance.now() - start, ...got })),
      );
      answers.push(...(await Promise.all(pending)));
    }
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { wallMs, cpuMs: (used.user + used.system) / 1000, answers };
  }
}

// Run as a child process: one plan per message, answered in order.
if (process.send) {
  process.on('message', (plan: LoadPlan) => {
    runLoadPlan(plan).then(
      (result) => process.send!({ ok: true, result }),
      (err: Error) => process.send!({ ok: false, error: err.message }),
    );
  });
  process.send({ ready: true });
}
