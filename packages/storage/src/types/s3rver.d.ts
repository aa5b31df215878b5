// s3rver ships no types; only the parts the embedded server uses are declared.
declare module 's3rver' {
  import type { RequestListener } from 'node:http';

  interface S3rverBucketConfig {
    name: string;
    configs?: Array<string | Buffer>;
  }

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    serviceEndpoint?: string;
    configureBuckets?: S3rverBucketConfig[];
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    configureBuckets(): Promise<void>;
    callback(): RequestListener;
    /** Its Koa middleware, in order; the request logger among them is named `logger`. */
    middleware: Array<(...args: never[]) => unknown>;
    store: {
      /** Rejects with ENOENT when there is no such object. */
      getMetadata(bucket: string, key: string): Promise<Record<string, string | number>>;
    };
  }

  export = S3rver;
}

declare module 's3rver/lib/models/account.js' {
  interface AWSAccount {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  }
  const account: { DUMMY_ACCOUNT: AWSAccount };
  export = account;
}
