/** A part's PUT that did not succeed: `status` 0 for a network failure, the HTTP status otherwise. */
export class PartPutError extends Error {
  constructor(readonly status: number) {
    super(status === 0 ? 'The part could not be sent' : `The store answered ${status} to a part`);
    this.name = 'PartPutError';
  }
}

/**
 * PUTs one part to its presigned URL. XMLHttpRequest rather than fetch: only it reports the bytes
 * sent while a request body goes out, which the progress bar needs within a part of 32 MiB.
 */
export function putPart(
  url: string,
  body: Blob,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new PartPutError(0));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new PartPutError(xhr.status));
    xhr.onerror = () => reject(new PartPutError(0));
    xhr.ontimeout = () => reject(new PartPutError(0));
    xhr.onabort = () => reject(new PartPutError(0));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
