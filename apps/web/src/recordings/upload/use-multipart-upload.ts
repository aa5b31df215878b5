import type { RecordingUploadView } from '@folkemote/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { MultipartUploader, type UploadSnapshot, type UploadTransport } from './multipart-uploader.ts';
import { putPart } from './put-part.ts';
import { completeUpload, fetchStoredParts, signParts } from './upload-api.ts';

const browserTransport: UploadTransport = {
  storedParts: fetchStoredParts,
  sign: signParts,
  put: putPart,
  complete: completeUpload,
};

/**
 * One upload at a time: started (or resumed) for a file and the API's upload, paused and resumed
 * by the organiser, and tried again at once when the browser says the network is back.
 */
export function useMultipartUpload() {
  const uploader = useRef<MultipartUploader | null>(null);
  const [snapshot, setSnapshot] = useState<UploadSnapshot | null>(null);
  const [upload, setUpload] = useState<RecordingUploadView | null>(null);

  useEffect(() => {
    const online = () => uploader.current?.retryNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      uploader.current?.dispose();
    };
  }, []);

  const begin = useCallback((file: File, target: RecordingUploadView) => {
    uploader.current?.dispose();
    setUpload(target);
    const next = new MultipartUploader(file, target, browserTransport, setSnapshot);
    uploader.current = next;
    next.start();
  }, []);

  const pause = useCallback(() => uploader.current?.pause(), []);
  const resume = useCallback(() => uploader.current?.start(), []);
  const clear = useCallback(() => {
    uploader.current?.dispose();
    uploader.current = null;
    setSnapshot(null);
    setUpload(null);
  }, []);

  return { upload, snapshot, begin, pause, resume, clear };
}
