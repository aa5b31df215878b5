import { useState } from 'react';
import { broadcastMessages } from '../i18n/broadcast-messages.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { formatEventTime } from '../shared/format-date.ts';
import { useLocale } from '../shared/use-locale.ts';
import { isFarFromStart } from './far-from-start.ts';
import type { RoomAction, RoomView } from './room-api.ts';

/**
 * For hosts and presenters: open the backstage, go live, record, and end (after a question,
 * since it cannot be undone). Recording is offered only for events set up to be recorded or
 * broadcast, as that is what the attendees were told; on a broadcast event, starting it puts the
 * room on the public website, which is said while it lasts. Going live more than an hour from the scheduled start
 * asks first.
 */
export function RunControls({
  view,
  recorded,
  event,
  busy,
  onAction,
}: {
  view: RoomView;
  recorded: boolean;
  /** The event's scheduled time, when known. */
  event: { startsAt: string; endsAt: string } | null;
  busy: string | null;
  onAction: (action: RoomAction) => void;
}) {
  const { t, locale } = useLocale();
  const r = t.room.run;
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [confirmEarly, setConfirmEarly] = useState(false);
  const b = broadcastMessages[locale];
  const { status, recording } = view;
  const running = status === 'backstage' || status === 'live';
  const recordable = recorded || view.broadcast !== null;

  const actionButton = (action: RoomAction, label: string, busyLabel: string, variant = '') => (
    <button
      type="button"
      className={`button${variant}`}
      aria-disabled={busy !== null || undefined}
      onClick={() => {
        if (busy === null) onAction(action);
      }}
    >
      {busy === action ? busyLabel : label}
    </button>
  );

  return (
    <section className="panel run-controls" aria-labelledby="run-heading">
      <h2 id="run-heading">{r.heading}</h2>
      {status === 'not_open' ? (
        <>
          <p>{r.notOpenHint}</p>
          <div className="actions">{actionButton('open', r.open, r.opening)}</div>
        </>
      ) : null}
      {running ? (
        <>
          <p>{status === 'backstage' ? r.backstageHint : r.liveHint}</p>
          <div className="actions">
            {status === 'backstage' ? (
              <button
                type="button"
                className="button"
                aria-disabled={busy !== null || undefined}
                onClick={() => {
                  if (busy !== null) return;
                  if (isFarFromStart(event?.startsAt ?? null, Date.now())) setConfirmEarly(true);
                  else onAction('live');
                }}
              >
                {busy === 'live' ? r.goingLive : r.goLive}
              </button>
            ) : null}
            {recordable
              ? recording.active
                ? actionButton('recording/stop', r.stopRecording, r.stoppingRecording, ' button--secondary')
                : actionButton('recording/start', r.startRecording, r.startingRecording, ' button--secondary')
              : null}
            <button
              type="button"
              className="button button--danger"
              aria-disabled={busy !== null || undefined}
              onClick={() => {
                if (busy === null) setConfirmEnd(true);
              }}
            >
              {busy === 'end' ? r.ending : r.end}
            </button>
          </div>
          {view.broadcast === 'scheduled' ? <p className="muted">{b.startHint}</p> : null}
          {recordable ? null : <p className="muted">{r.notRecorded}</p>}
        </>
      ) : null}
      <div role="status" aria-live="polite">
        {view.broadcast === 'live' ? (
          <p className="badge badge--live">
            <span className="badge__dot" aria-hidden="true" />
            {b.onWebsiteNow}
          </p>
        ) : null}
        {recording.error ? (
          <div className="notice notice--error">
            <p>{t.room.recording.failed(recording.error)}</p>
          </div>
        ) : null}
      </div>
      <ConfirmDialog
        danger
        open={confirmEnd}
        title={r.confirmEndTitle}
        text={r.confirmEndText}
        confirm={r.confirmEnd}
        keep={r.cancel}
        onConfirm={() => {
          setConfirmEnd(false);
          onAction('end');
        }}
        onClose={() => setConfirmEnd(false)}
      />
      <ConfirmDialog
        danger
        open={confirmEarly}
        title={r.confirmEarlyTitle}
        text={event ? r.confirmEarlyText(formatEventTime(event.startsAt, event.endsAt, locale)) : ''}
        confirm={r.confirmEarly}
        keep={r.cancel}
        onConfirm={() => {
          setConfirmEarly(false);
          onAction('live');
        }}
        onClose={() => setConfirmEarly(false)}
      />
    </section>
  );
}
