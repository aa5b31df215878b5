import { useState } from 'react';
import { routes } from '../app/routes.ts';
import { passwordResetMessages } from '../i18n/password-reset-messages.ts';
import type { ApiError } from '../shared/api-error.ts';
import { InputField } from '../shared/form-field.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { AccountFormErrors, AccountSubmit } from './account-form.tsx';
import { requestPasswordReset } from './auth-api.ts';
import { useAccountForm } from './use-account-form.ts';
import '../shared/organiser.css';

/** Asks for a reset link by e-mail; says the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t, locale, href } = useLocale();
  const m = passwordResetMessages[locale];
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useAccountForm({ email: 'forgot-email' });
  usePageTitle(t.layout.pageTitle(m.askTitle));

  const submit = form.submit(async () => {
    await requestPasswordReset(email, locale);
    setSentTo(email);
  });
  const describe = (e: ApiError) =>
    e.status === 429 ? m.tooMany(Math.ceil((e.retryAfterSeconds ?? 3600) / 60)) : undefined;

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
          <AccountFormErrors form={form} labels={{ email: m.email }} describe={describe} />
          <form className="form" noValidate onSubmit={(event) => void submit(event)}>
            <InputField
              id="forgot-email"
              label={m.email}
              error={form.errorOf('email')}
              type="email"
              autoComplete="username"
              value={email}
              onValueChange={setEmail}
            />
            <AccountSubmit busy={form.busy} label={m.send} busyLabel={m.sending} />
          </form>
          <p>
            <Link to={href(routes.signIn)}>{m.backToSignIn}</Link>
          </p>
        </>
      )}
    </>
  );
}
