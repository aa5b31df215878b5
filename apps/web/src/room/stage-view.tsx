import {
  isTrackReference,
  type TrackReferenceOrPlaceholder,
  useConnectionState,
  useIsMuted,
  useIsSpeaking,
  useTracks,
  VideoTrack,
} from '@livekit/components-react';
import { ConnectionState, Track } from 'livekit-client';
import { useMemo } from 'react';
import { useLocale } from '../shared/use-locale.ts';
import { arrangeStage, stageNames } from './arrange-stage.ts';
import type { RoomView } from './room-api.ts';

const trackSources = [
  { source: Track.Source.Camera, withPlaceholder: true },
  { source: Track.Source.ScreenShare, withPlaceholder: false },
];

/**
 * The stage: a shared screen large with the presenters' cameras in a column beside it (a row
 * under it on a phone), or the cameras in a grid. Whoever speaks is outlined and named so.
 */
export function StageView({ stage }: { stage: RoomView['stage'] }) {
  const { t } = useLocale();
  const tracks = useTracks(trackSources, { onlySubscribed: false });
  const onStage = useMemo(() => new Set(stage.map((s) => s.identity)), [stage]);
  const names = useMemo(() => stageNames(stage), [stage]);
  const { focus, side } = arrangeStage(tracks, onStage);
  if (!focus && side.length === 0)
    return (
      <div className="stage stage--empty">
        <p>{t.room.stage.nobody}</p>
      </div>
    );
  return (
    <div className={`stage ${focus ? 'stage--focus' : 'stage--grid'}`} data-tiles={Math.min(side.length, 9)}>
      {focus ? (
        <div className="stage__focus">
          <StageTile trackRef={focus} names={names} />
        </div>
      ) : null}
      {side.length > 0 ? (
        <div className="stage__tiles">
          {side.map((ref) => (
            <StageTile key={`${ref.participant.identity}:${ref.source}`} trackRef={ref} names={names} />
          ))}
        </div>
      ) : null}
    </div>
  );
}

/**
 * One camera or screen, with a caption saying whose it is, whether they speak, and whether the
 * microphone is off: the name our room view gives that identity, never one a client set in LiveKit.
 */
function StageTile({
  trackRef,
  names,
}: {
  trackRef: TrackReferenceOrPlaceholder;
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useLocale();
  const s = t.room.stage;
  const { participant } = trackRef;
  const name = names.get(participant.identity) ?? s.unnamed;
  const screen = trackRef.source === Track.Source.ScreenShare;
  const microphoneMuted = useIsMuted({ participant, source: Track.Source.Microphone });
  // LiveKit's word on who speaks is stale once the connection is gone.
  const connected = useConnectionState() === ConnectionState.Connected;
  const speaking = useIsSpeaking(participant) && !screen && connected;
  const showing = isTrackReference(trackRef) && !trackRef.publication.isMuted;
  const caption = screen ? s.screenOf(name) : showing ? name : s.cameraOff(name);
  return (
    <figure
      className={`stage-tile${screen ? ' stage-tile--screen' : ''}${speaking ? ' stage-tile--speaking' : ''}`}
    >
      {showing ? (
        <VideoTrack trackRef={trackRef} className="stage-tile__video" />
      ) : (
        <div className="stage-tile__placeholder" aria-hidden="true">
          {initials(name)}
        </div>
      )}
      <figcaption className="stage-tile__caption">
        {speaking ? <SpeakingIcon /> : null}
        <span className="stage-tile__words">
          {caption}
          {!screen && microphoneMuted ? `, ${s.microphoneOff}` : ''}
          {speaking ? `, ${s.speaking}` : ''}
        </span>
      </figcaption>
    </figure>
  );
}

function SpeakingIcon() {
  return (
    <svg className="stage-tile__speaking" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M2 6v4h3l4 3V3L5 6zM11 5.5a3.5 3.5 0 0 1 0 5M12.5 3a6.5 6.5 0 0 1 0 10" />
    </svg>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
