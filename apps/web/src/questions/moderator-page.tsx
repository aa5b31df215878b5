import type { EventRole, QuestionSort } from '@folkemote/domain';
import { useState } from 'react';
import { useLocation } from '../app/router/use-location.ts';
import { matchRouteWithParams } from '../app/routes.ts';
import { OrganiserGate } from '../auth/organiser-gate.tsx';
import type { ApiError } from '../shared/api-error.ts';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { ConnectionNote } from './connection-note.tsx';
import { describeQaError } from './describe-questions-error.ts';
import type { QaAuth } from './link-token.ts';
import { moderatorSections } from './moderator-actions.ts';
import { ModeratorAudit } from './moderator-audit.tsx';
import { ModeratorBulk } from './moderator-bulk.tsx';
import { ModeratorExport } from './moderator-export.tsx';
import { ModeratorSection } from './moderator-section.tsx';
import { ModeratorSettings } from './moderator-settings.tsx';
import { PollManager } from './poll-manager.tsx';
import { QuestionAnnouncer } from './question-announcer.tsx';
import { QaErrorNotice } from './questions-error-notice.tsx';
import { ShortcutHelp } from './shortcut-help.tsx';
import { SortChoice } from './sort-choice.tsx';
import { useEventRole } from './use-event-role.ts';
import { useEventTitle } from './use-event-title.ts';
import { useLinkAuth } from './use-link-auth.ts';
import { useModeratorQueue } from './use-moderator-queue.ts';
import { useModeratorShortcuts } from './use-moderator-shortcuts.ts';
import type { QuestionQueue } from './use-question-queue.ts';
import '../shared/organiser.css';
import './questions.css';

/**
 * `/arrangement/<slug>/moderator#<token>`: the moderator's view of the Q&A. With
 * a staff link the token comes in the fragment; without one, the signed-in
 * organiser's session is used (and the sign-in page is shown to anyone else).
 */
export function ModeratorPage() {
  const { pathname } = useLocation();
  const slug = matchRouteWithParams(pathname).params.slug ?? '';
  const auth = useLinkAuth('moderator', slug);
  const view = <ModeratorView key={slug} slug={slug} auth={auth} />;
  return auth.kind === 'session' ? <OrganiserGate>{view}</OrganiserGate> : view;
}

/** Why the page shows no queue: an attendee's link, or a refusal for good; null when it does. */
function ModeratorRefusal({ notStaff, fatal }: { notStaff: boolean; fatal: ApiError | null }) {
  const { t } = useLocale();
  if (!notStaff && !fatal) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>
        {notStaff || fatal?.status === 401 || fatal?.status === 403
          ? t.qa.moderator.noAccess
          : describeQaError(fatal!, t.qa)}
      </p>
    </div>
  );
}

const announced = [
  'asked',
  'approved',
  'highlighted',
  'answered',
  'dismissed',
  'edited',
  'answerAdded',
  'qaStarted',
] as const;

function ModeratorView({ slug, auth }: { slug: string; auth: QaAuth }) {
  const { t } = useLocale();
  const m = t.qa.moderator;
  const title = useEventTitle(slug);
  usePageTitle(t.layout.pageTitle(title ? m.title(title) : m.titleFallback));
  const [chosenSort, setChosenSort] = useState<QuestionSort | null>(null);
  const mod = useModeratorQueue(slug, auth, chosenSort);
  const { queue } = mod;
  useModeratorShortcuts(mod);
  // An attendee's own link opens the audience's view of the queue, not this one.
  const role = useEventRole(slug, auth);
  const notStaff = role === 'attendee';
  const fatal = queue.error?.fatal ? queue.error.error : null;

  return (
    <div className="qa-moderator">
      <div className="page-intro">
        <h1 tabIndex={-1}>{title ? m.title(title) : m.titleFallback}</h1>
        <p className="lead">{m.intro}</p>
        {queue.error?.fatal ? null : <ConnectionNote status={queue.connection} />}
      </div>
      <QuestionAnnouncer notices={queue.notices} kinds={announced} />
      <ModeratorRefusal notStaff={notStaff} fatal={fatal} />
      {!notStaff && !fatal && queue.error ? <QaErrorNotice error={queue.error.error} /> : null}
      {notStaff || fatal ? null : (
        <div className="qa-moderator__grid">
          <div className="qa-moderator__main">
            <ModeratorBulk
              count={mod.selectedCount}
              onBulk={(status) => void mod.bulk(status)}
              onSelectPending={() => mod.select(mod.sections.pending.map((q) => q.id))}
              onClear={() => mod.select([])}
            />
            <SortChoice sort={queue.sort} onChange={setChosenSort} />
            {mod.failure ? <QaErrorNotice error={mod.failure} /> : null}
            <p className="visually-hidden" role="status">
              {mod.done}
            </p>
            {queue.status === 'loading' ? <p className="muted">{m.loading}</p> : null}
            {moderatorSections.map((section) => (
              <ModeratorSection key={section} section={section} mod={mod} />
            ))}
          </div>
          <ModeratorSide slug={slug} auth={auth} queue={queue} role={role} revision={mod.revision} />
        </div>
      )}
    </div>
  );
}

/** The side column: the Q&A settings, the polls, the shortcuts, the export and the audit log. */
function ModeratorSide({
  slug,
  auth,
  queue,
  role,
  revision,
}: {
  slug: string;
  auth: QaAuth;
  queue: QuestionQueue;
  role: EventRole | null;
  revision: number;
}) {
  return (
    <div className="qa-moderator__side">
      {queue.settings ? (
        <ModeratorSettings
          slug={slug}
          auth={auth}
          settings={queue.settings}
          onSaved={queue.applyLocalSettings}
        />
      ) : null}
      <div className="panel">
        <PollManager slug={slug} auth={auth} queue={queue} role={role} />
      </div>
      <ShortcutHelp />
      <ModeratorExport slug={slug} auth={auth} revision={revision} />
      <ModeratorAudit slug={slug} auth={auth} />
    </div>
  );
}
