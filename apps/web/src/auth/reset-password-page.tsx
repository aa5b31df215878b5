import { useState } from 'react';
import { routes } from '../app/routes.ts';
import { passwordResetMessages } from '../i18n/password-reset-messages.ts';
import { InputField } from '../shared/form-field.tsx';
import { Link } from '../shared/link.tsx';
import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { AccountFormErrors, AccountSubmit } from './account-form.tsx';
import { resetPassword } from './auth-api.ts';
import { useAccountForm } from './use-account-form.ts';
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
  const [outcome, setOutcome] = useState<'done' | 'invalid' | null>(token ? null : 'invalid');
  const form = useAccountForm({ password: 'reset-password' });
  usePageTitle(t.layout.pageTitle(m.setTitle));

  // A refusal that is not about the password is about the link: used, expired or cut short.
  const submit = form.submit(
    async () => {
      await resetPassword(token, password);
      setOutcome('done');
    },
    (e) => {
      if (e.status !== 400) return false;
      setOutcome('invalid');
      return true;
    },
  );

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
          <AccountFormErrors form={form} labels={{ password: m.password }} />
          <form className="form" noValidate onSubmit={(event) => void submit(event)}>
            <InputField
              id="reset-password"
              label={m.password}
              hint={m.passwordHint}
              error={form.errorOf('password')}
              type="password"
              autoComplete="new-password"
              value={password}
              onValueChange={setPassword}
            />
            <AccountSubmit busy={form.busy} label={m.save} busyLabel={m.saving} />
          </form>
        </>
      ) : null}
    </>
  );
}
