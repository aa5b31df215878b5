import { type FormEvent, useState } from 'react';
import { routes } from '../app/routes.ts';
import { describeFieldError } from '../event-editor/event-form-values.ts';
import { passwordResetMessages } from '../i18n/password-reset-messages.ts';
import { ApiError } from '../shared/api-error.ts';
import { ErrorSummary, type SummaryError } from '../shared/error-summary.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { requestPasswordReset } from './auth-api.ts';
import '../shared/organiser.css';

/** Asks for a reset link by e-mail; says the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t, locale, href } = useLocale();
  const m = passwordResetMessages[locale];
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  usePageTitle(t.layout.pageTitle(m.askTitle));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setFieldError(null);
    try {
      await requestPasswordReset(email, locale);
      setSentTo(email);
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(null, 'unknown', String(error));
      if (e.status === 400)
        setFieldError(describeFieldError(e.fields.email?.[0] ?? '', t.organiser.editor.fieldErrors));
      else if (e.status === 429) setProblem(m.tooMany(Math.ceil((e.retryAfterSeconds ?? 3600) / 60)));
      else setProblem(e.unreachable ? t.errors.unreachableOnce : t.errors.serverOnce(e.status ?? 0));
      setAttempt((n) => n + 1);
    }
    setBusy(false);
  };

  const summary: SummaryError[] = fieldError
    ? [{ inputId: 'forgot-email', label: m.email, message: fieldError }]
    : [];

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{m.askTitle}</h1>
        <p className="lead">{m.askIntro}</p>
      </div>
      <div role="status">
        {sentTo ? (
          <div className="notice notice--success">
            <p>{m.sent(sentTo)}</p>
            <p>{m.sentMore}</p>
          </div>
        ) : null}
      </div>
      {sentTo ? (
        <p>
          <Link to={href(routes.signIn)}>{m.backToSignIn}</Link>
        </p>
      ) : (
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
              <label htmlFor="forgot-email">{m.email}</label>
              <input
                id="forgot-email"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? 'forgot-email-error' : undefined}
              />
              {fieldError ? (
                <p className="field__error" id="forgot-email-error">
                  {fieldError}
                </p>
              ) : null}
            </div>
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
                {busy ? m.sending : m.send}
              </button>
            </div>
          </form>
          <p>
            <Link to={href(routes.signIn)}>{m.backToSignIn}</Link>
          </p>
        </>
      )}
    </>
  );
}
