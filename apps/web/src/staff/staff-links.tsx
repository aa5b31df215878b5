import type { StaffRole } from '@folkemote/domain';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { describeFieldError } from '../event-editor/event-form-values.ts';
import type { ApiError } from '../shared/api-error.ts';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { osloMomentFormat } from '../shared/format-date.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import { useReloadable } from '../shared/use-reloadable.ts';
import { createStaffLink, fetchStaffLinks, revokeStaffLink, type StaffLink } from './staff-api.ts';

// The domain's list, restated so that the bundle need not load the domain's schemas (and zod).
const staffRoles = ['host', 'presenter', 'moderator'] as const satisfies readonly StaffRole[];

/**
 * The organiser's links for hosts, presenters and moderators: make one (its address is shown
 * once, with a copy button), see the ones made, and revoke them.
 */
export function StaffLinks({ slug }: { slug: string }) {
  const { t, locale } = useLocale();
  const s = t.room.staff;
  const id = useId();
  const fetchLinks = useCallback((signal?: AbortSignal) => fetchStaffLinks(slug, signal), [slug]);
  const { data: links, error: loadError, reload: load, setData: setLinks } = useReloadable(fetchLinks);
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('presenter');
  const [nameError, setNameError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<(StaffLink & { joinUrl: string }) | null>(null);
  const [message, setMessage] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    setMessage('');
    if (name.trim() === '') {
      setNameError(s.nameRequired);
      nameInput.current?.focus();
      return;
    }
    setBusy('create');
    try {
      const address = email.trim();
      const link = await createStaffLink(slug, { role, displayName: name.trim(), email: address });
      setCreated(link);
      setNameError(null);
      setEmailError(null);
      setName('');
      setEmail('');
      if (link.emailed) setMessage(s.emailed(address));
      await load();
    } catch (error) {
      const e = toApiError(error);
      const field = e.fields.displayName?.[0];
      if (field) {
        setNameError(describeFieldError(field, t.organiser.editor.fieldErrors));
        nameInput.current?.focus();
      } else if (e.fields.email) {
        setEmailError(s.emailInvalid);
        emailInput.current?.focus();
      } else setProblem(e);
    } finally {
      setBusy(null);
    }
  };

  const revoke = async (link: StaffLink) => {
    if (busy || !window.confirm(s.confirmRevoke(link.displayName))) return;
    setBusy(link.id);
    setProblem(null);
    try {
      await revokeStaffLink(slug, link.id);
      if (created?.id === link.id) setCreated(null);
      // The list drops the link in the same render that announces it; the reload then confirms.
      const revokedAt = new Date().toISOString();
      setLinks((current) => current?.map((l) => (l.id === link.id ? { ...l, revokedAt } : l)) ?? null);
      setMessage(s.revoked(link.displayName));
      await load();
    } catch (error) {
      setProblem(toApiError(error));
    } finally {
      setBusy(null);
    }
  };

  const dateTime = osloMomentFormat(locale, 'short', 'short');
  const active = (links ?? []).filter((l) => l.revokedAt === null);

  return (
    <section className="section staff-links" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s.heading}</h2>
      <p>{s.intro}</p>
      <form className="form panel" onSubmit={(e) => void create(e)} noValidate>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-name`}>{s.name}</label>
            {nameError ? (
              <p className="field__error" id={`${id}-name-error`}>
                {nameError}
              </p>
            ) : null}
            <input
              ref={nameInput}
              id={`${id}-name`}
              type="text"
              autoComplete="off"
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${id}-name-error` : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{s.role}</label>
            <p className="field__hint" id={`${id}-role-hint`}>
              {s.roleHints[role]}
            </p>
            <select
              id={`${id}-role`}
              value={role}
              onChange={(e) => setRole(e.target.value as StaffRole)}
              aria-describedby={`${id}-role-hint`}
            >
              {staffRoles.map((r) => (
                <option key={r} value={r}>
                  {s.roles[r]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{s.email}</label>
          <p className="field__hint" id={`${id}-email-hint`}>
            {s.emailHint}
          </p>
          {emailError ? (
            <p className="field__error" id={`${id}-email-error`}>
              {emailError}
            </p>
          ) : null}
          <input
            ref={emailInput}
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? `${id}-email-hint ${id}-email-error` : `${id}-email-hint`}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={busy !== null || undefined}>
            {busy === 'create' ? s.creating : s.create}
          </button>
        </div>
      </form>
      {created ? <CreatedLink link={created} /> : null}
      <div role="status" aria-live="polite">
        {message ? (
          <div className="notice notice--success">
            <p>{message}</p>
          </div>
        ) : null}
      </div>
      {problem ? <ErrorNotice error={problem} /> : null}
      {loadError ? <ErrorNotice error={loadError} onRetry={() => void load()} /> : null}
      {links === null && !loadError ? (
        <p className="muted" role="status">
          {s.loading}
        </p>
      ) : null}
      {links !== null ? (
        active.length === 0 ? (
          <p className="muted">{s.none}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{s.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.columns.name}</th>
                  <th scope="col">{s.columns.role}</th>
                  <th scope="col">{s.columns.created}</th>
                  <th scope="col">{s.columns.action}</th>
                </tr>
              </thead>
              <tbody>
                {active.map((link) => (
                  <tr key={link.id}>
                    <th scope="row">{link.displayName}</th>
                    <td>{s.roles[link.role]}</td>
                    <td>
                      <time dateTime={link.createdAt}>{dateTime.format(new Date(link.createdAt))}</time>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--danger"
                        aria-label={s.revokeLabel(link.displayName)}
                        aria-disabled={busy !== null || undefined}
                        onClick={() => void revoke(link)}
                      >
                        {s.revoke}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}

/** The new link, shown this once: in a read-only field to select, with a copy button. */
function CreatedLink({ link }: { link: StaffLink & { joinUrl: string } }) {
  const { t } = useLocale();
  const s = t.room.staff;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    setCopy('idle');
    heading.current?.focus();
  }, [link.id]);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link.joinUrl);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="notice notice--success created-link">
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {s.createdHeading(link.displayName, s.roles[link.role])}
      </h3>
      <p>{s.createdText}</p>
      <div className="field created-link__field">
        <label htmlFor={`${id}-url`}>{s.linkLabel}</label>
        <input
          ref={input}
          id={`${id}-url`}
          type="text"
          readOnly
          value={link.joinUrl}
          onFocus={(e) => e.target.select()}
        />
      </div>
      <button type="button" className="button" onClick={() => void copyLink()}>
        {s.copy}
      </button>
      <p role="status" aria-live="polite">
        {copy === 'copied' ? s.copied : copy === 'failed' ? s.copyFailed : ''}
      </p>
    </div>
  );
}
