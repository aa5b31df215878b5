import { type FormEvent, useState } from 'react';
import { navigate } from '../app/router/navigation.ts';
import { useLocation } from '../app/router/use-location.ts';
import { routes } from '../app/routes.ts';
import { describeFieldError } from '../event-editor/event-form-values.ts';
import { passwordResetMessages } from '../i18n/password-reset-messages.ts';
import { ApiError } from '../shared/api-error.ts';
import { ErrorSummary, type SummaryError } from '../shared/error-summary.tsx';
import { Link } from '../shared/link.tsx';
import { useApiResource } from '../shared/use-api-resource.ts';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { fetchAuthOptions, signIn } from './auth-api.ts';
import '../shared/organiser.css';

/** Only a path on this site, so a crafted link cannot send someone elsewhere after signing in. */
function safeNext(next: string | null): string | null {
  return next && /^\/(?![/\\])/.test(next) ? next : null;
}

export function SignInPage() {
  const { t, href, locale } = useLocale();
  const s = t.organiser.signIn;
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const next = safeNext(params.get('next'));
  const providerError = params.get('error') as keyof typeof s.providerErrors | null;
  const options = useApiResource(fetchAuthOptions);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [attempt, setAttempt] = useState(0);
  usePageTitle(t.layout.pageTitle(s.title));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setFields({});
    try {
      await signIn(email, password);
      navigate(next ?? href(routes.organiserEvents), { replace: true });
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(null, 'unknown', String(error));
      if (e.status === 400) setFields(e.fields);
      else if (e.status === 401) setProblem(s.invalid);
      else if (e.status === 503 && e.code === 'busy') setProblem(s.busy);
      else if (e.status === 429) setProblem(s.tooMany(Number(/(\d+) minutes/.exec(e.message)?.[1] ?? 15)));
      else setProblem(e.unreachable ? t.errors.unreachableOnce : t.errors.serverOnce(e.status ?? 0));
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  };

  const labels: Record<string, string> = { email: s.email, password: s.password };
  const summary: SummaryError[] = Object.entries(fields).map(([field, messages]) => ({
    inputId: `sign-in-${field}`,
    label: labels[field] ?? field,
    message: describeFieldError(messages[0] ?? '', t.organiser.editor.fieldErrors),
  }));
  const fieldError = (field: string) =>
    fields[field] ? (
      <p className="field__error" id={`sign-in-${field}-error`}>
        {describeFieldError(fields[field][0] ?? '', t.organiser.editor.fieldErrors)}
      </p>
    ) : null;

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{s.title}</h1>
        <p className="lead">{s.intro}</p>
      </div>
      {providerError && s.providerErrors[providerError] ? (
        <div className="notice notice--error" role="alert">
          <p>{s.providerErrors[providerError]}</p>
        </div>
      ) : null}
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
          <label htmlFor="sign-in-email">{s.email}</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={fields.email ? true : undefined}
            aria-describedby={fields.email ? 'sign-in-email-error' : undefined}
          />
          {fieldError('email')}
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{s.password}</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={fields.password ? true : undefined}
            aria-describedby={fields.password ? 'sign-in-password-error' : undefined}
          />
          {fieldError('password')}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
            {busy ? s.submitting : s.submit}
          </button>
        </div>
      </form>
      <p>
        <Link to={href(routes.forgotPassword)}>{passwordResetMessages[locale].forgotLink}</Link>
      </p>
      {options.status === 'ready' && options.data.oidc ? (
        <section className="section" aria-labelledby="provider-heading">
          <h2 id="provider-heading" className="visually-hidden">
            {s.provider}
          </h2>
          <p>{s.orProvider}</p>
          <a
            className="button button--secondary"
            href={`/api/auth/oidc/start?next=${encodeURIComponent(next ?? href(routes.organiserEvents))}`}
          >
            {s.provider}
          </a>
        </section>
      ) : null}
    </>
  );
}
