import { lazy, type ReactNode, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { Messages } from '../i18n/messages.ts';
import { QuestionPanel } from '../questions/question-panel.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { DevicePanel } from './device-panel.tsx';
import { HandControl } from './hand-control.tsx';
import { JoinPanel } from './join-panel.tsx';
import { OnStageList } from './on-stage-list.tsx';
import { PeoplePanel } from './people-panel.tsx';
import { PublishControls } from './publish-controls.tsx';
import {
  type EventAuth,
  joinRoom,
  type RoomAction,
  type RoomJoin,
  type RoomView,
  removeParticipant,
  setOnStage,
} from './room-api.ts';
import { DevicesToggle, RoomToolbar } from './room-toolbar.tsx';
import { RunControls } from './run-controls.tsx';
import { type SideTab, SideTabs } from './side-tabs.tsx';
import { StaffRoomBar } from './staff-room-bar.tsx';
import { StandInStage } from './stand-in-stage.tsx';
import type { DeviceChoice } from './use-device-preview.ts';
import type { RoomCommand } from './use-room-command.ts';

// LiveKit's client is fetched only when someone actually connects to media.
const MediaStage = lazy(() => import('./media-stage.tsx'));

export interface RoomLayoutProps {
  slug: string;
  auth: EventAuth;
  view: RoomView;
  recorded: boolean;
  /** The event's scheduled time, when known (going live far from it asks first). */
  event: { startsAt: string; endsAt: string } | null;
  /** The LiveKit token once joined; null at the door. */
  joined: RoomJoin | null;
  joining: boolean;
  onJoin: () => void;
  publishAllowed: boolean;
  onCanPublish: (canPublish: boolean | null) => void;
  devices: DeviceChoice;
  onDevices: (choice: DeviceChoice) => void;
  command: RoomCommand;
  onAction: (action: RoomAction) => void;
  onHand: (raised: boolean) => void;
}

/**
 * The room as a webinar: the stage first and large, one toolbar under it, and beside it (under
 * it on a phone) a panel in tabs: the host's tools, the questions, the people.
 */
export function RoomLayout(props: RoomLayoutProps) {
  const { t } = useLocale();
  const { view, joined, publishAllowed } = props;
  const role = view.me.role;
  const [devicesOpen, setDevicesOpen] = useState(false);
  const devicesId = useId();
  const standIn = (joined?.mediaServer ?? view.mediaServer) === 'stand-in';
  const handShown = role === 'attendee' && !publishAllowed;

  // Joining takes away the button that had focus; the stage's heading gets it instead.
  const stageHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (joined && (document.activeElement === document.body || document.activeElement === null))
      stageHeading.current?.focus();
  }, [joined]);

  const toolbar = (publish: ReactNode, fullscreen: ReactNode = null) =>
    handShown || publish || fullscreen ? (
      <RoomToolbar>
        {handShown ? (
          <HandControl
            raised={view.me.handRaised}
            busy={props.command.busy === 'hand'}
            onChange={props.onHand}
          />
        ) : null}
        {publish}
        {fullscreen}
        {publishAllowed ? (
          <DevicesToggle open={devicesOpen} controls={devicesId} onToggle={() => setDevicesOpen((o) => !o)} />
        ) : null}
      </RoomToolbar>
    ) : null;

  return (
    <div className="room-layout">
      <div className="room-layout__main">
        {role !== 'attendee' ? <StaffRoomBar slug={props.slug} auth={props.auth} view={view} /> : null}
        <section className="stage-section" aria-labelledby="stage-heading">
          <h2 id="stage-heading" className="visually-hidden" tabIndex={-1} ref={stageHeading}>
            {t.room.stage.heading}
          </h2>
          {!joined ? (
            <div className="stage-frame">
              <JoinPanel
                role={role}
                status={view.status}
                recorded={props.recorded}
                joining={props.joining}
                onJoin={props.onJoin}
              />
            </div>
          ) : standIn ? (
            <StandInMedia staff={role !== 'attendee'} publishAllowed={publishAllowed} toolbar={toolbar} />
          ) : (
            <Suspense
              fallback={
                <div className="stage-frame">
                  <div className="stage stage--empty">
                    <p role="status">{t.room.connection.connecting}</p>
                  </div>
                </div>
              }
            >
              <MediaStage
                key={joined.token}
                join={joined}
                stage={view.stage}
                publishAllowed={publishAllowed}
                staff={role !== 'attendee'}
                devices={props.devices}
                onCanPublish={props.onCanPublish}
                requestJoin={() => joinRoom(props.slug, props.auth)}
                renderControls={toolbar}
              />
            </Suspense>
          )}
        </section>
        {publishAllowed ? (
          <div id={devicesId} hidden={!devicesOpen}>
            <DevicePanel choice={props.devices} onChoice={props.onDevices} />
          </div>
        ) : null}
      </div>
      <aside className="room-layout__side" aria-label={t.room.side.label}>
        <SideTabs label={t.room.side.label} tabs={sideTabs(props, t)} />
      </aside>
    </div>
  );
}

/** Staff get their tools first and the questions; the audience the questions and who is on stage. */
function sideTabs(props: RoomLayoutProps, t: Messages): SideTab[] {
  const { view, slug, auth, command } = props;
  const role = view.me.role;
  const questions: SideTab = {
    id: 'questions',
    label: t.room.side.questions,
    panel: <QuestionPanel slug={slug} auth={auth} role={view.me.role} />,
  };
  if (role === 'attendee')
    return [
      questions,
      { id: 'people', label: t.room.side.people, panel: <OnStageList stage={view.stage} /> },
    ];
  const hands = view.hands.length;
  const run: SideTab = {
    id: 'run',
    label: (
      <>
        {t.room.side.run}
        {hands > 0 ? (
          <>
            <span className="tab-badge" aria-hidden="true">
              {hands}
            </span>
            <span className="visually-hidden"> ({t.room.side.hands(hands)})</span>
          </>
        ) : null}
      </>
    ),
    panel: (
      <>
        {role === 'host' || role === 'presenter' ? (
          <RunControls
            view={view}
            recorded={props.recorded}
            event={props.event}
            busy={command.busy}
            onAction={props.onAction}
          />
        ) : null}
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
      </>
    ),
  };
  return [run, questions];
}

/** Without a media server: the stage says so (plainly for the audience) and the toolbar's media buttons do nothing. */
function StandInMedia({
  staff,
  publishAllowed,
  toolbar,
}: {
  staff: boolean;
  publishAllowed: boolean;
  toolbar: (publish: ReactNode, fullscreen?: ReactNode) => ReactNode;
}) {
  const { t } = useLocale();
  return (
    <>
      <div className="stage-frame">
        <StandInStage staff={staff} noticeId="stand-in-notice" />
      </div>
      {toolbar(
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
          {staff ? t.room.controls.unavailable : t.room.controls.unavailableAudience}
        </p>
      ) : null}
    </>
  );
}
