import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from './registry.ts';

/** Server-sent event streams open on this process (room views and Q&A together). */
export const openEventStreams = new Gauge({
  name: 'folkemote_event_streams_open',
  help: 'Server-sent event streams open on this process',
  registers: [metricsRegistry],
});

export const registrations = new Counter({
  name: 'folkemote_registrations_total',
  help: 'Registrations taken, by outcome (confirmed, waitlisted, repeated: the address was registered already)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/** Each change written to a viewer's stream counts once per viewer. */
export const questionChangesDelivered = new Counter({
  name: 'folkemote_qa_changes_delivered_total',
  help: 'Q&A changes written to viewers’ event streams (one per change and viewer)',
  registers: [metricsRegistry],
});

export const liveKitWebhooks = new Counter({
  name: 'folkemote_livekit_webhooks_total',
  help: 'LiveKit webhooks received, by outcome (processed, repeated, rejected, failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

// Every outcome's series exists from the start, so rates over them work before the first one.
for (const outcome of ['processed', 'repeated', 'rejected', 'failed']) liveKitWebhooks.inc({ outcome }, 0);
for (const outcome of ['confirmed', 'waitlisted', 'repeated']) registrations.inc({ outcome }, 0);
