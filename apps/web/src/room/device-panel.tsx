import { useEffect, useId, useRef } from 'react';
import { useLocale } from '../shared/use-locale.ts';
import { useAudioLevel } from './use-audio-level.ts';
import { type DeviceChoice, useDevicePreview } from './use-device-preview.ts';

/**
 * Camera and microphone check for people on stage: a preview only they see, a level meter for
 * the microphone, and the choice of devices, which the live room then uses. Nothing is asked of
 * the browser until they press the button.
 */
export function DevicePanel({
  choice,
  onChoice,
}: {
  choice: DeviceChoice;
  onChoice: (choice: DeviceChoice) => void;
}) {
  const { t } = useLocale();
  const d = t.room.devices;
  const id = useId();
  const preview = useDevicePreview(choice);
  const stream = preview.state.status === 'on' ? preview.state.stream : null;
  const level = useAudioLevel(stream);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);

  const running = preview.state.status === 'on' || preview.state.status === 'starting';
  return (
    <section className="panel device-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{d.heading}</h2>
      <p>{d.intro}</p>
      <div className="device-panel__body">
        <div className="device-preview">
          {stream ? (
            <video
              ref={video}
              autoPlay
              muted
              playsInline
              aria-label={d.preview}
              data-testid="device-preview"
            />
          ) : (
            <p className="device-preview__off">{d.previewOff}</p>
          )}
        </div>
        <div className="form device-panel__choices">
          <div className="field">
            <label htmlFor={`${id}-camera`}>{d.camera}</label>
            <select
              id={`${id}-camera`}
              value={choice.cameraId}
              onChange={(e) => onChoice({ ...choice, cameraId: e.target.value })}
            >
              <option value="">{d.defaultDevice}</option>
              {preview.devices.cameras.map((device, i) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label || d.unnamedCamera(i + 1)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-microphone`}>{d.microphone}</label>
            <select
              id={`${id}-microphone`}
              value={choice.microphoneId}
              onChange={(e) => onChoice({ ...choice, microphoneId: e.target.value })}
            >
              <option value="">{d.defaultDevice}</option>
              {preview.devices.microphones.map((device, i) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label || d.unnamedMicrophone(i + 1)}
                </option>
              ))}
            </select>
          </div>
          {stream ? (
            <div className="field">
              <label htmlFor={`${id}-level`}>{d.level}</label>
              <meter id={`${id}-level`} min={0} max={1} low={0.15} high={0.9} optimum={0.5} value={level} />
            </div>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={preview.state.status === 'starting' || undefined}
              onClick={() => (running ? preview.stop() : void preview.start())}
            >
              {preview.state.status === 'starting' ? d.starting : running ? d.stop : d.start}
            </button>
          </div>
          <div role="status" aria-live="polite">
            {preview.state.status === 'error' ? (
              <p className="inline-error">{d.failed[preview.state.failure]}</p>
            ) : null}
          </div>
        </div>
      </div>
    </section>
  );
}
