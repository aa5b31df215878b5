import { useState } from 'react';
import { navigate } from '../app/router/navigation.ts';
import { useLocation } from '../app/router/use-location.ts';
import { routes } from '../app/routes.ts';
import { passwordResetMessages } from '../i18n/password-reset-messages.ts';
import type { ApiError } from '../shared/api-error.ts';
import { InputField } from '../shared/form-field.tsx';
import { Link } from '../shared/link.tsx';
import { useApiResource } from '../shared/use-api-resource.ts';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { AccountFormErrors, AccountSubmit } from './account-form.tsx';
import { pathAfterSignIn } from './after-sign-in.ts';
import { fetchAuthOptions, signIn } from './auth-api.ts';
import { useAccountForm } from './use-account-form.ts';
import '../shared/organiser.css';

const inputIds = { email: 'sign-in-email', password: 'sign-in-password' };

export function SignInPage() {
  const { t, href, locale } = useLocale();
  const s = t.organiser.signIn;
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const next = params.get('next');
  const providerError = params.get('error') as keyof typeof s.providerErrors | null;
  const options = useApiResource(fetchAuthOptions);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAccountForm(inputIds);
  usePageTitle(t.layout.pageTitle(s.title));

  const submit = form.submit(async () => {
    await signIn(email, password);
    navigate(pathAfterSignIn(next, locale), { replace: true });
  });

  const describe = (e: ApiError): string | undefined => {
    if (e.status === 401) return s.invalid;
    if (e.status === 503 && e.code === 'busy') return s.busy;
    if (e.status === 429) return s.tooMany(Number(/(\d+) minutes/.exec(e.message)?.[1] ?? 15));
    return undefined;
  };

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
      <AccountFormErrors form={form} labels={{ email: s.email, password: s.password }} describe={describe} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <InputField
          id={inputIds.email}
          label={s.email}
          error={form.errorOf('email')}
          type="email"
          autoComplete="username"
          value={email}
          onValueChange={setEmail}
        />
        <InputField
          id={inputIds.password}
          label={s.password}
          error={form.errorOf('password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onValueChange={setPassword}
        />
        <AccountSubmit busy={form.busy} label={s.submit} busyLabel={s.submitting} />
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
            href={`/api/auth/oidc/start?next=${encodeURIComponent(pathAfterSignIn(next, locale))}`}
          >
            {s.provider}
          </a>
        </section>
      ) : null}
    </>
  );
}
