import { type FormEvent, useState } from 'react';
import { routes } from '../app/routes.ts';
import { describeFieldError } from '../event-editor/event-form-values.ts';
import { passwordResetMessages } from '../i18n/password-reset-messages.ts';
import { ApiError } from '../shared/api-error.ts';
import { ErrorSummary, type SummaryError } from '../shared/error-summary.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { resetPassword } from './auth-api.ts';
import '../shared/organiser.css';

/**
 * The token of the link the page was opened from. It rides in the fragment, which the server never
 * sees; it is taken out of the address at once, so it is not left in the history or a bookmark.
 */
function takeTokenFromAddress(): string {
  const token = window.location.hash.slice(1);
  if (token)
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return token;
}

/** Sets a new password with a reset link; signs nobody in. */
export function ResetPasswordPage() {
  const { t, locale, href } = useLocale();
  const m = passwordResetMessages[locale];
  const [token] = useState(takeTokenFromAddress);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<'done' | 'invalid' | null>(token ? null : 'invalid');
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  usePageTitle(t.layout.pageTitle(m.setTitle));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setFieldError(null);
    try {
      await resetPassword(token, password);
      setOutcome('done');
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(null, 'unknown', String(error));
      if (e.status === 400 && e.fields.password)
        setFieldError(describeFieldError(e.fields.password[0] ?? '', t.organiser.editor.fieldErrors));
      else if (e.status === 400) setOutcome('invalid');
      else setProblem(e.unreachable ? t.errors.unreachableOnce : t.errors.serverOnce(e.status ?? 0));
      setAttempt((n) => n + 1);
    }
    setBusy(false);
  };

  const summary: SummaryError[] = fieldError
    ? [{ inputId: 'reset-password', label: m.password, message: fieldError }]
    : [];

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{m.setTitle}</h1>
        {outcome === null ? <p className="lead">{m.setIntro}</p> : null}
      </div>
      <div role="status">
        {outcome === 'done' ? (
          <div className="notice notice--success">
            <p>{m.done}</p>
          </div>
        ) : null}
      </div>
      {outcome === 'done' ? (
        <p>
          <Link className="button" to={href(routes.signIn)}>
            {m.signIn}
          </Link>
        </p>
      ) : null}
      {outcome === 'invalid' ? (
        <div className="notice notice--error" role="alert">
          <p>{m.invalidLink}</p>
          <p>
            <Link to={href(routes.forgotPassword)}>{m.askAgain}</Link>
          </p>
        </div>
      ) : null}
      {outcome === null ? (
        <>
          <ErrorSummary
            title={t.organiser.editor.errorSummary}
            intro={t.organiser.editor.errorCount(summary.length)}
            errors={summary}
            attempt={attempt}
          />
          {problem ? (
            <div className="notice notice--error" role="alert">
              <p>{problem}</p>
            </div>
          ) : null}
          <form className="form" noValidate onSubmit={(event) => void submit(event)}>
            <div className="field">
              <label htmlFor="reset-password">{m.password}</label>
              <p className="field__hint" id="reset-password-hint">
                {m.passwordHint}
              </p>
              <input
                id="reset-password"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={
                  fieldError ? 'reset-password-hint reset-password-error' : 'reset-password-hint'
                }
              />
              {fieldError ? (
                <p className="field__error" id="reset-password-error">
                  {fieldError}
                </p>
              ) : null}
            </div>
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
                {busy ? m.saving : m.save}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </>
  );
}
