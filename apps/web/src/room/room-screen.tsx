import type { PublicEventPage } from '@folkemote/domain';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { QuestionPanel } from '../questions/question-panel.tsx';
import { QuestionsLinks } from '../questions/questions-links.tsx';
import type { ApiError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { describeRoomError } from './describe-room-error.ts';
import { DevicePanel } from './device-panel.tsx';
import { EndedScreen } from './ended-screen.tsx';
import { type EventAuth, type RoomAction, type RoomView, runRoomAction, setHandRaised } from './room-api.ts';
import { RoomHeader } from './room-header.tsx';
import { RoomLayout } from './room-layout.tsx';
import { RunControls } from './run-controls.tsx';
import { applyStageSignal, initialStageSignals, isOnStage } from './stage-signal.ts';
import type { DeviceChoice } from './use-device-preview.ts';
import { useRoomCommand } from './use-room-command.ts';
import { useRoomJoin } from './use-room-join.ts';
import { WaitingScreen } from './waiting-screen.tsx';

export type Phase = 'waiting' | 'join' | 'stage' | 'ended';

/** The room for one person, in the phase it is in: waiting, about to join, on the stage, or over. */
export function RoomScreen({
  slug,
  auth,
  view,
  event,
  streamBroken,
  apply,
}: {
  slug: string;
  auth: EventAuth;
  view: RoomView;
  event: PublicEventPage | null;
  streamBroken: boolean;
  apply: (view: RoomView) => void;
}) {
  const { t } = useLocale();
  const { status, me } = view;
  const role = me.role;
  const runsRoom = role === 'host' || role === 'presenter';
  const joining = useRoomJoin(slug, auth);
  const command = useRoomCommand(apply);
  const [devices, setDevices] = useState<DeviceChoice>({ cameraId: '', microphoneId: '' });

  const [signals, signal] = useReducer(applyStageSignal, me.onStage, initialStageSignals);
  useEffect(() => signal({ source: 'room', onStage: me.onStage }), [me.onStage]);
  const onCanPublish = useCallback(
    (canPublish: boolean | null) => signal({ source: 'livekit', onStage: canPublish }),
    [],
  );
  const publishAllowed = runsRoom || isOnStage(signals);

  const { leave } = joining;
  useEffect(() => {
    if (status === 'ended' || status === 'not_open') leave();
  }, [status, leave]);

  const joined = joining.state.status === 'joined' ? joining.state.result : null;
  const phase: Phase =
    status === 'ended'
      ? 'ended'
      : (role === 'attendee' ? status !== 'live' : status === 'not_open')
        ? 'waiting'
        : joined
          ? 'stage'
          : 'join';
  const announcement = useRoomAnnouncement(status, runsRoom ? null : publishAllowed);

  const act = (action: RoomAction) =>
    void command.run(action, async () => {
      const after = await runRoomAction(slug, auth, action);
      if (action === 'open') void joining.join();
      return after;
    });
  const raiseHand = (raised: boolean) => void command.run('hand', () => setHandRaised(slug, auth, raised));

  const joinError = joining.state.status === 'error' ? joining.state.error : null;
  // Attendees read plain words; staff also get the API's own sentence, to pass on to support.
  const describe = (error: ApiError) =>
    role === 'attendee' || error.status === null || error.status < 500
      ? describeRoomError(error, t)
      : `${describeRoomError(error, t)} ${t.room.connection.technical(error.message)}`;
  return (
    <div className={`room room--${phase}`}>
      <RoomHeader view={view} event={event} />
      {phase !== 'ended' ? <QuestionsLinks slug={slug} eventRole={role} auth={auth} /> : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div role="status" aria-live="polite">
        {streamBroken ? (
          <div className="notice">
            <p>{t.room.streamReconnecting}</p>
          </div>
        ) : null}
      </div>
      {command.error ? <ErrorNotice error={command.error} message={describe(command.error)} /> : null}
      {joinError ? (
        <ErrorNotice error={joinError} message={`${t.room.join.failed} ${describe(joinError)}`} />
      ) : null}

      {phase === 'ended' ? <EndedScreen view={view} event={event} /> : null}
      {phase === 'waiting' ? (
        <div className="room-main">
          {role === 'moderator' ? (
            <div className="notice">
              <p>{t.room.run.moderatorWaiting}</p>
            </div>
          ) : null}
          {runsRoom ? (
            <RunControls
              view={view}
              recorded={event?.recorded ?? false}
              event={event}
              busy={command.busy}
              onAction={act}
            />
          ) : null}
          {runsRoom ? <DevicePanel choice={devices} onChoice={setDevices} /> : null}
          <WaitingScreen event={event} backstageOpen={status === 'backstage'} />
          <QuestionPanel slug={slug} auth={auth} role={role} beforeStart />
        </div>
      ) : null}
      {phase === 'join' || phase === 'stage' ? (
        <RoomLayout
          slug={slug}
          auth={auth}
          view={view}
          recorded={event?.recorded ?? false}
          event={event}
          joined={joined}
          joining={joining.state.status === 'joining'}
          onJoin={() => void joining.join()}
          publishAllowed={publishAllowed}
          onCanPublish={onCanPublish}
          devices={devices}
          onDevices={setDevices}
          command={command}
          onAction={act}
          onHand={raiseHand}
        />
      ) : null}
    </div>
  );
}

/**
 * The sentence for screen readers when the room changes: it opens, goes live, ends; or, for
 * people who are not on stage by role, when they are brought on stage or sent back.
 */
function useRoomAnnouncement(status: RoomView['status'], onStage: boolean | null): string {
  const { t } = useLocale();
  const [text, setText] = useState('');
  const previous = useRef({ status, onStage });
  useEffect(() => {
    const before = previous.current;
    previous.current = { status, onStage };
    if (before.status !== status) setText(t.room.announce[status]);
    else if (onStage !== null && before.onStage !== null && before.onStage !== onStage)
      setText(onStage ? t.room.announce.onStage : t.room.announce.offStage);
  }, [status, onStage, t]);
  return text;
}
