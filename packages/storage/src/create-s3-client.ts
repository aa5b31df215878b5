import { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from './settings.ts';

export interface S3ClientOptions {
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  /** Give up connecting after this long; a dead endpoint then fails fast and is retried. */
  connectionTimeoutMs?: number;
  /** Drop a socket that stays silent this long, so a stalled transfer is retried instead of hanging. */
  socketTimeoutMs?: number;
}

export const DEFAULT_S3_MAX_ATTEMPTS = 6;

export function createS3Client(settings: S3Settings, options: S3ClientOptions = {}): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle || isNonAwsEndpoint(settings.endpoint),
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // The SDK's default (CRC32 trailers in aws-chunked bodies) is stored verbatim or refused by
    // many S3-compatible stores; we verify every object ourselves after upload instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    retryMode: 'standard',
    maxAttempts: options.maxAttempts ?? DEFAULT_S3_MAX_ATTEMPTS,
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      socketTimeout: options.socketTimeoutMs ?? 60_000,
    },
  });
}

/** MinIO, Ceph, Garage and s3rver do not serve virtual-hosted buckets; every store serves path style. */
function isNonAwsEndpoint(endpoint: string | undefined): boolean {
  if (endpoint === undefined) return false;
  const host = URL.canParse(endpoint) ? new URL(endpoint).hostname : endpoint;
  return !/(^|\.)amazonaws\.com(\.cn)?$/.test(host);
}
