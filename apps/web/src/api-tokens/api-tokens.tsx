import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ErrorNotice } from '../shared/error-notice.tsx';
import { osloMomentFormat } from '../shared/format-date.ts';
import { useLocale } from '../shared/use-locale.ts';
import type { ApiToken } from './api-tokens-api.ts';
import { type CreatedApiToken, useApiTokens } from './use-api-tokens.ts';

/** The form to make a token, the new token shown once, and the table of active tokens to revoke. */
export function ApiTokens() {
  const { t, locale } = useLocale();
  const s = t.organiser.apiTokens;
  const id = useId();
  const { tokens, active, loadError, reload, busy, problem, created, create, revoke } = useApiTokens();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setMessage('');
    if (name.trim() === '') {
      setNameError(s.nameRequired);
      nameInput.current?.focus();
      return;
    }
    const { nameError: refused } = await create(name.trim());
    setNameError(refused);
    if (refused) nameInput.current?.focus();
    else setName('');
  };

  const revokeToken = async (token: ApiToken) => {
    if (busy || !window.confirm(s.confirmRevoke(token.name))) return;
    setMessage('');
    if (await revoke(token)) setMessage(s.revoked(token.name));
  };

  const dateTime = osloMomentFormat(locale, 'short', 'short');
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{dateTime.format(new Date(iso))}</time> : s.neverUsed;

  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        {s.title}
      </h2>
      <form className="form panel" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{s.name}</label>
          <p className="field__hint" id={`${id}-name-hint`}>
            {s.nameHint}
          </p>
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
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${id}-name-hint ${id}-name-error` : `${id}-name-hint`}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={busy !== null || undefined}>
            {busy === 'create' ? s.creating : s.create}
          </button>
        </div>
      </form>
      {created ? <CreatedToken token={created} /> : null}
      <div role="status" aria-live="polite">
        {message ? (
          <div className="notice notice--success">
            <p>{message}</p>
          </div>
        ) : null}
      </div>
      {problem ? <ErrorNotice error={problem} /> : null}
      {loadError ? <ErrorNotice error={loadError} onRetry={() => void reload()} /> : null}
      {tokens === null && !loadError ? (
        <p className="muted" role="status">
          {s.loading}
        </p>
      ) : null}
      {tokens !== null ? (
        active.length === 0 ? (
          <p className="muted">{s.none}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{s.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.columns.name}</th>
                  <th scope="col">{s.columns.created}</th>
                  <th scope="col">{s.columns.lastUsed}</th>
                  <th scope="col">{s.columns.action}</th>
                </tr>
              </thead>
              <tbody>
                {active.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td>{when(token.createdAt)}</td>
                    <td>{when(token.lastUsedAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--danger"
                        aria-label={s.revokeLabel(token.name)}
                        aria-disabled={busy !== null || undefined}
                        onClick={() => void revokeToken(token)}
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

/** The new token, shown this once: in a read-only field to select, with a copy button. */
function CreatedToken({ token }: { token: CreatedApiToken }) {
  const { t } = useLocale();
  const s = t.organiser.apiTokens;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    setCopy('idle');
    heading.current?.focus();
  }, [token.id]);

  const copyToken = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="notice notice--success created-link">
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {s.createdHeading(token.name)}
      </h3>
      <p>{s.createdText}</p>
      <div className="field created-link__field">
        <label htmlFor={`${id}-token`}>{s.tokenLabel}</label>
        <input
          ref={input}
          id={`${id}-token`}
          type="text"
          readOnly
          spellCheck={false}
          value={token.token}
          onFocus={(e) => e.target.select()}
        />
      </div>
      <button type="button" className="button" onClick={() => void copyToken()}>
        {s.copy}
      </button>
      <p role="status" aria-live="polite">
        {copy === 'copied' ? s.copied : copy === 'failed' ? s.copyFailed : ''}
      </p>
    </div>
  );
}
