import { type FormEvent, useId, useRef, useState } from 'react';
import { InputField } from '../shared/form-field.tsx';
import { osloMomentFormat } from '../shared/format-date.ts';
import { IssuedSecretsPanel } from '../shared/issued-secrets.tsx';
import { useLocale } from '../shared/use-locale.ts';
import type { ApiToken } from './api-tokens-api.ts';
import { useApiTokens } from './use-api-tokens.ts';

/** The form to make a token, the new token shown once, and the table of active tokens to revoke. */
export function ApiTokens() {
  const { t, locale } = useLocale();
  const s = t.organiser.apiTokens;
  const id = useId();
  const tokens = useApiTokens();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tokens.busy) return;
    tokens.setMessage('');
    if (name.trim() === '') {
      setNameError(s.nameRequired);
      nameInput.current?.focus();
      return;
    }
    const { nameError: refused } = await tokens.create(name.trim());
    setNameError(refused);
    if (refused) nameInput.current?.focus();
    else setName('');
  };

  const dateTime = osloMomentFormat(locale, 'short', 'short');
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{dateTime.format(new Date(iso))}</time> : s.neverUsed;

  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        {s.title}
      </h2>
      <IssuedSecretsPanel
        state={tokens}
        texts={s}
        onSubmit={(e) => void submit(e)}
        fields={
          <InputField
            id={`${id}-name`}
            label={s.name}
            hint={s.nameHint}
            error={nameError}
            inputRef={nameInput}
            type="text"
            autoComplete="off"
            maxLength={200}
            value={name}
            onValueChange={setName}
          />
        }
        shown={(created) => ({
          heading: s.createdHeading(created.name),
          label: s.tokenLabel,
          value: created.token,
          spellCheck: false,
        })}
        table={{
          columns: [s.columns.name, s.columns.created, s.columns.lastUsed, s.columns.action],
          nameOf: (token: ApiToken) => token.name,
          cells: (token: ApiToken) => (
            <>
              <td>{when(token.createdAt)}</td>
              <td>{when(token.lastUsedAt)}</td>
            </>
          ),
          onRevoke: (token: ApiToken) =>
            void tokens.revoke(token, s.confirmRevoke(token.name), s.revoked(token.name)),
        }}
      />
    </section>
  );
}
