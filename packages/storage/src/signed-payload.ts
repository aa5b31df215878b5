import type { PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';

/**
 * Signs a request with a SHA-256 of its body computed beforehand (on the hashing thread), so
 * the SDK's signer takes it from the `x-amz-content-sha256` header instead of hashing the body
 * again. The signature covers the body exactly as when the SDK hashes it itself.
 */
export function useComputedPayloadHash(command: PutObjectCommand | UploadPartCommand, sha256: string): void {
  // Both commands' stacks take the same build step; the body type is all that differs.
  const stack = command.middlewareStack as unknown as PutObjectCommand['middlewareStack'];
  stack.add(
    (next) => (args) => {
      const headers = (args.request as { headers?: Record<string, string> }).headers;
      if (headers) headers['x-amz-content-sha256'] = sha256;
      return next(args);
    },
    { step: 'build', name: 'useComputedPayloadHash' },
  );
}
