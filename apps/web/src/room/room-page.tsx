import type { PublicEventView } from '@folkemote/domain';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { isAccessError } from '../api/api-error.ts';
import {
  type EventAuth,
  type RoomAction,
  type RoomView,
  removeParticipant,
  runRoomAction,
  setHandRaised,
  setOnStage,
} from '../api/room-api.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { Link } from '../components/link.tsx';
import { useLocale, usePageTitle } from '../hooks/use-locale.ts';
import { usePublicEvent } from '../hooks/use-public-event.ts';
import { QuestionPanel } from '../questions/question-panel.tsx';
import { useLocation } from '../router/use-location.ts';
import { matchRouteWithParams, routePath, routes } from '../routes.ts';
import { describeRoomError } from './describe-room-error.ts';
import { DevicePanel } from './device-panel.tsx';
import { EndedScreen } from './ended-screen.tsx';
import { HandControl } from './hand-control.tsx';
import { JoinPanel } from './join-panel.tsx';
import { OnStageList } from './on-stage-list.tsx';
import { PeoplePanel } from './people-panel.tsx';
import { PublishControls } from './publish-controls.tsx';
import { RecordingIndicator } from './recording-indicator.tsx';
import { RunControls } from './run-controls.tsx';
import { applyStageSignal, initialStageSignals, isOnStage } from './stage-signal.ts';
import { StandInStage } from './stand-in-stage.tsx';
import type { DeviceChoice } from './use-device-preview.ts';
import { useRoomAuth } from './use-room-auth.ts';
import { useRoomCommand } from './use-room-command.ts';
import { useRoomJoin } from './use-room-join.ts';
import { useRoomView } from './use-room-view.ts';
import { WaitingScreen } from './waiting-screen.tsx';
import '../organiser/organiser.css';
import './room.css';

// LiveKit's client is fetched only when someone actually connects to media.
const MediaStage = lazy(() => import('./media-stage.tsx'));

/** The live room: `/arrangement/<slug>/direkte#<token>`, or without a token for a signed-in organiser. */
export default function RoomPage() {
  const { t, href } = useLocale();
  const { pathname } = useLocation();
  const slug = matchRouteWithParams(pathname).params.slug ?? '';
  const state = useRoomAuth(slug);

  if (state.status === 'checking')
    return (
      <p className="muted" role="status">
        {t.room.loading}
      </p>
    );
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  if (state.status === 'none')
    return (
      <AccessScreen slug={slug} message={t.room.access.noLink}>
        <p>
          <Link to={href(`${routes.signIn}?next=${encodeURIComponent(pathname)}`)}>
            {t.room.access.signIn}
          </Link>
        </p>
      </AccessScreen>
    );
  return <Room key={slug} slug={slug} auth={state.auth} />;
}

function AccessScreen({ slug, message, children }: { slug: string; message: string; children?: ReactNode }) {
  const { t, href } = useLocale();
  usePageTitle(t.layout.pageTitle(t.room.access.heading));
  return (
    <>
      <h1 tabIndex={-1}>{t.room.access.heading}</h1>
      <div className="notice notice--error" role="alert">
        <p>{message}</p>
      </div>
      {children}
      <p>
        <Link to={href(routePath(routes.event, { slug }))}>{t.room.access.eventLink}</Link>
      </p>
    </>
  );
}

function Room({ slug, auth }: { slug: string; auth: EventAuth }) {
  const { t } = useLocale();
  const event = usePublicEvent(slug);
  const room = useRoomView(slug, auth);
  const eventData = event.status === 'ready' ? event.data : null;
  usePageTitle(t.layout.pageTitle(eventData?.title ?? t.room.access.heading));

  if (room.error && isAccessError(room.error))
    return <AccessScreen slug={slug} message={describeRoomError(room.error, t)} />;
  if (!room.view)
    return room.error ? (
      <ErrorNotice error={room.error} onRetry={() => void room.refresh()} />
    ) : (
      <p className="muted" role="status">
        {t.room.loading}
      </p>
    );
  return (
    <RoomScreen
      slug={slug}
      auth={auth}
      view={room.view}
      event={eventData}
      streamBroken={room.stream === 'reconnecting'}
      apply={room.apply}
    />
  );
}

type Phase = 'waiting' | 'join' | 'stage' | 'ended';

function RoomScreen({
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
  event: PublicEventView | null;
  streamBroken: boolean;
  apply: (view: RoomView) => void;
}) {
  const { t } = useLocale();
  const { status, me } = view;
  const role = me.role;
  const runsRoom = role === 'host' || role === 'presenter';
  const moderates = role !== 'attendee';
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
  const standIn = (joined?.mediaServer ?? view.mediaServer) === 'stand-in';
  const announcement = useRoomAnnouncement(status, runsRoom ? null : publishAllowed);

  // Joining takes away the button that had focus; the stage's heading gets it instead.
  const stageHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (phase === 'stage' && (document.activeElement === document.body || document.activeElement === null))
      stageHeading.current?.focus();
  }, [phase]);

  const act = (action: RoomAction) =>
    void command.run(action, async () => {
      const after = await runRoomAction(slug, auth, action);
      if (action === 'open') void joining.join();
      return after;
    });

  // On stage, a raised hand has done its work: the stage's own controls take its place.
  const handShown = role === 'attendee' && !publishAllowed;
  const controls = (publish: ReactNode) =>
    handShown || publish ? (
      <section className="room-controls" aria-labelledby="controls-heading">
        <h2 id="controls-heading">{t.room.controls.heading}</h2>
        <div className="room-controls__row">
          {handShown ? (
            <HandControl
              raised={me.handRaised}
              busy={command.busy === 'hand'}
              onChange={(raised) => void command.run('hand', () => setHandRaised(slug, auth, raised))}
            />
          ) : null}
          {publish}
        </div>
      </section>
    ) : null;

  const joinError = joining.state.status === 'error' ? joining.state.error : null;
  return (
    <div className="room">
      <div className="room-header">
        <div>
          <h1 tabIndex={-1} lang={event?.language}>
            {event?.title ?? t.room.access.heading}
          </h1>
          <p className="room-header__meta">
            <span className={`room-status room-status--${status}`}>
              <span className="visually-hidden">{t.room.statusLabel}: </span>
              {t.room.status[status]}
            </span>{' '}
            <span>{t.room.you(me.displayName, t.room.roles[role])}</span>
          </p>
        </div>
        {/* After the end the recorder only finishes its file: nobody is being recorded any more. */}
        <RecordingIndicator
          recording={status === 'ended' ? { ...view.recording, active: false } : view.recording}
        />
      </div>
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
      {command.error ? (
        <ErrorNotice error={command.error} message={describeRoomError(command.error, t)} />
      ) : null}
      {joinError ? (
        <ErrorNotice error={joinError} message={`${t.room.join.failed} ${describeRoomError(joinError, t)}`} />
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
            <RunControls view={view} recorded={event?.recorded ?? false} busy={command.busy} onAction={act} />
          ) : null}
          {runsRoom ? <DevicePanel choice={devices} onChoice={setDevices} /> : null}
          <WaitingScreen event={event} backstageOpen={status === 'backstage'} />
        </div>
      ) : null}
      {phase === 'join' || phase === 'stage' ? (
        <div className="room-grid">
          <div className="room-main">
            {phase === 'join' ? (
              <JoinPanel
                role={role}
                status={status}
                recorded={event?.recorded ?? false}
                joining={joining.state.status === 'joining'}
                onJoin={() => void joining.join()}
              />
            ) : null}
            {phase === 'stage' && joined ? (
              <section className="stage-section" aria-labelledby="stage-heading">
                <h2 id="stage-heading" className="visually-hidden" tabIndex={-1} ref={stageHeading}>
                  {t.room.stage.heading}
                </h2>
                {standIn ? (
                  <>
                    <StandInStage noticeId="stand-in-notice" />
                    {controls(
                      publishAllowed ? (
                        <PublishControls
                          on={{ camera: false, microphone: false, screen: false }}
                          onToggle={() => {}}
                          unavailableId="publish-unavailable"
                        />
                      ) : null,
                    )}
                    {publishAllowed ? (
                      <p id="publish-unavailable" className="muted">
                        {t.room.controls.unavailable}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <Suspense
                    fallback={
                      <p className="muted" role="status">
                        {t.room.connection.connecting}
                      </p>
                    }
                  >
                    <MediaStage
                      join={joined}
                      stage={view.stage}
                      publishAllowed={publishAllowed}
                      devices={devices}
                      onCanPublish={onCanPublish}
                      onRejoin={() => void joining.join()}
                      renderControls={controls}
                    />
                  </Suspense>
                )}
              </section>
            ) : null}
            {phase === 'stage' ? <OnStageList stage={view.stage} /> : null}
            {runsRoom ? (
              <RunControls
                view={view}
                recorded={event?.recorded ?? false}
                busy={command.busy}
                onAction={act}
              />
            ) : null}
            {moderates ? (
              <PeoplePanel
                view={view}
                busy={command.busy}
                onStage={(identity, onStage) =>
                  void command.run(`stage:${identity}`, () => setOnStage(slug, auth, identity, onStage))
                }
                onRemove={(identity) =>
                  void command.run(`remove:${identity}`, () => removeParticipant(slug, auth, identity))
                }
              />
            ) : null}
            {publishAllowed ? <DevicePanel choice={devices} onChoice={setDevices} /> : null}
          </div>
          {phase === 'stage' ? (
            <aside className="room-side" aria-label={t.qa.panel.heading}>
              <QuestionPanel slug={slug} auth={auth} />
            </aside>
          ) : null}
        </div>
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
