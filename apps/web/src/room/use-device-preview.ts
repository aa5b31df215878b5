import { useCallback, useEffect, useRef, useState } from 'react';
import { describeMediaFailure, type MediaFailure } from './media-failure.ts';

export interface DeviceChoice {
  /** '' means the browser's default device. */
  cameraId: string;
  microphoneId: string;
}

export type PreviewState =
  | { status: 'off' }
  | { status: 'starting' }
  | { status: 'on'; stream: MediaStream }
  | { status: 'error'; failure: MediaFailure };

const constraint = (deviceId: string): MediaTrackConstraints | boolean =>
  deviceId ? { deviceId: { exact: deviceId } } : true;

/**
 * A local camera and microphone preview with the list of devices to choose from. Nothing is
 * asked of the browser until `start`, so nobody sees a permission prompt they did not ask for;
 * device names appear once permission is given, as browsers keep them hidden before.
 *
 * @example
 * const preview = useDevicePreview(choice);
 * <button onClick={preview.start}>…</button>
 */
export function useDevicePreview(choice: DeviceChoice) {
  const [state, setState] = useState<PreviewState>({ status: 'off' });
  const [devices, setDevices] = useState<{ cameras: MediaDeviceInfo[]; microphones: MediaDeviceInfo[] }>({
    cameras: [],
    microphones: [],
  });
  const streamRef = useRef<MediaStream | null>(null);
  const attempt = useRef(0);

  const listDevices = useCallback(async () => {
    if (!navigator.mediaDevices?.enumerateDevices) return;
    const all = await navigator.mediaDevices.enumerateDevices().catch(() => []);
    setDevices({
      cameras: all.filter((d) => d.kind === 'videoinput' && d.deviceId),
      microphones: all.filter((d) => d.kind === 'audioinput' && d.deviceId),
    });
  }, []);

  const release = useCallback(() => {
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
  }, []);

  const start = useCallback(async () => {
    const mine = ++attempt.current;
    release();
    setState({ status: 'starting' });
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new TypeError('No media devices in this browser');
      const stream = await navigator.mediaDevices.getUserMedia({
        video: constraint(choice.cameraId),
        audio: constraint(choice.microphoneId),
      });
      if (mine !== attempt.current) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      streamRef.current = stream;
      setState({ status: 'on', stream });
      await listDevices();
    } catch (error) {
      if (mine === attempt.current) setState({ status: 'error', failure: describeMediaFailure(error) });
    }
  }, [choice.cameraId, choice.microphoneId, listDevices, release]);

  const stop = useCallback(() => {
    attempt.current++;
    release();
    setState({ status: 'off' });
  }, [release]);

  useEffect(() => {
    void listDevices();
    const media = navigator.mediaDevices;
    media?.addEventListener?.('devicechange', listDevices);
    return () => media?.removeEventListener?.('devicechange', listDevices);
  }, [listDevices]);

  // A new choice while the preview runs restarts it with that device.
  const running = state.status === 'on' || state.status === 'starting';
  const startRef = useRef(start);
  startRef.current = start;
  useEffect(() => {
    if (running) void startRef.current();
  }, [choice.cameraId, choice.microphoneId]);

  useEffect(
    () => () => {
      attempt.current++;
      release();
    },
    [release],
  );

  return { state, devices, start, stop };
}
