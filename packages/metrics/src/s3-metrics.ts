import { Counter } from 'prom-client';
import { metricsRegistry } from './registry.ts';

export const s3UploadBytes = new Counter({
  name: 'folkemote_s3_upload_bytes_total',
  help: 'Bytes sent to S3 in objects and multipart parts that it accepted, by bucket',
  labelNames: ['bucket'] as const,
  registers: [metricsRegistry],
});

export const s3UploadErrors = new Counter({
  name: 'folkemote_s3_upload_errors_total',
  help: 'Uploads to S3 (objects and parts) that failed after the client’s own retries, by bucket',
  labelNames: ['bucket'] as const,
  registers: [metricsRegistry],
});
