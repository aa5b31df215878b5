import {
  createLiveKitControl,
  EgressStatus,
  type LiveKitControl,
  type LiveKitServer,
  startLiveKitServer,
} from '../../src/index.ts';
import { type Recorder, startRecorder } from '../../src/recorder/index.ts';
import { TEST_CREDENTIALS } from './contract-target.ts';
import { type EgressBucket, startEgressBucket } from './egress-bucket.ts';
import { startWebhookInbox, type WebhookInbox } from './webhook-inbox.ts';

/** A real LiveKit server with the recorder as its Egress, their webhooks and a bucket to write to. */
export interface RecorderStack {
  server: LiveKitServer;
  recorder: Recorder;
  inbox: WebhookInbox;
  bucket: EgressBucket;
  control: LiveKitControl;
  /** The webhook that says the egress reached `wanted`. */
  status(egressId: string, wanted: EgressStatus): ReturnType<WebhookInbox['waitFor']>;
  close(): Promise<void>;
}

export async function startRecorderStack(bucketName: string): Promise<RecorderStack> {
  const bucket = await startEgressBucket(bucketName);
  const inbox = await startWebhookInbox(TEST_CREDENTIALS);
  const server = await startLiveKitServer({ ...TEST_CREDENTIALS });
  const recorder = await startRecorder({
    livekitUrl: server.url,
    ...TEST_CREDENTIALS,
    webhookUrls: [inbox.url],
  });
  const control = createLiveKitControl({
    apiUrl: server.httpUrl,
    egressUrl: recorder.url,
    ...TEST_CREDENTIALS,
  });
  return {
    server,
    recorder,
    inbox,
    bucket,
    control,
    status: (egressId, wanted) =>
      inbox.waitFor(
        (e) => e.egressInfo?.egressId === egressId && e.egressInfo.status === wanted,
        `${EgressStatus[wanted]} of ${egressId}`,
      ),
    async close() {
      await recorder.close();
      await server.stop();
      await inbox.close();
      await bucket.close();
    },
  };
}
