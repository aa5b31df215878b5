import { type Ref, useState } from 'react';
import { routePath, routes } from '../app/routes.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale } from '../shared/use-locale.ts';
import type { OwnRegistration } from './registration-api.ts';
import { offersRegistration } from './registration-status.tsx';
import type { useOwnRegistration } from './use-own-registration.ts';

type Own = ReturnType<typeof useOwnRegistration>;

/** Cancelling, after a confirmation; once cancelled, the way to register again while that is open. */
export function CancelPanel({
  own,
  event,
  cancelled,
  outcome,
}: {
  own: Own;
  event: OwnRegistration['event'];
  cancelled: boolean;
  outcome: Ref<HTMLParagraphElement>;
}) {
  const { t, href } = useLocale();
  const p = t.registration.personal;
  const c = t.citizen;
  const [askCancel, setAskCancel] = useState(false);
  return (
    <section className="panel" aria-labelledby="cancel">
      <h2 id="cancel" tabIndex={-1}>
        {p.cancelHeading}
      </h2>
      {cancelled ? (
        <>
          <p ref={outcome} tabIndex={-1} role="status">
            {p.cancelled}
          </p>
          {offersRegistration(event) ? (
            <>
              <p>{c.registerAgainText}</p>
              <p>
                <Link className="button" to={href(routePath(routes.event, { slug: event.slug }))}>
                  {c.registerAgain}
                </Link>
              </p>
            </>
          ) : null}
        </>
      ) : (
        <>
          <p>{p.cancelText}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setAskCancel(true)}
            disabled={own.busy !== null}
            aria-haspopup="dialog"
          >
            {own.busy === 'cancel' ? p.cancelling : p.cancel}
          </button>
          <ConfirmDialog
            open={askCancel}
            title={c.cancelDialog.title}
            text={c.cancelDialog.text}
            confirm={c.cancelDialog.confirm}
            keep={c.cancelDialog.keep}
            onConfirm={own.cancel}
            onClose={() => setAskCancel(false)}
          />
        </>
      )}
    </section>
  );
}

/** Deleting the registration for good, once the registrant has ticked that they mean it. */
export function DeletePanel({ own }: { own: Own }) {
  const { t } = useLocale();
  const p = t.registration.personal;
  const [confirmDelete, setConfirmDelete] = useState(false);
  return (
    <section className="panel" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{p.deleteHeading}</h2>
      <p>{p.deleteText}</p>
      <div className="check">
        <input
          id="confirm-delete"
          type="checkbox"
          checked={confirmDelete}
          onChange={(e) => setConfirmDelete(e.target.checked)}
        />
        <label htmlFor="confirm-delete">{p.deleteConfirm}</label>
      </div>
      <button
        type="button"
        className="button button--secondary"
        onClick={own.remove}
        disabled={!confirmDelete || own.busy !== null}
      >
        {own.busy === 'delete' ? p.deleting : p.delete}
      </button>
    </section>
  );
}
