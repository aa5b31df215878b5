import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ErrorNotice } from './error-notice.tsx';
import type { Issued, IssuedSecrets } from './use-issued-secrets.ts';

/** The words of one kind of issued secret (API tokens, staff links). */
export interface IssuedTexts {
  create: string;
  creating: string;
  createdText: string;
  copy: string;
  copied: string;
  copyFailed: string;
  caption: string;
  none: string;
  loading: string;
  revoke: string;
  revokeLabel: (name: string) => string;
}

/** The new secret as shown once: its heading, the field's label and the secret itself. */
export interface ShownSecret {
  heading: string;
  label: string;
  value: string;
  spellCheck?: boolean;
}

/**
 * Making a secret and showing it once, then the list of active ones to revoke: the form (its
 * fields from the caller), the new secret with a copy button, what changed, and the table.
 */
export function IssuedSecretsPanel<T extends Issued, C extends T>({
  state,
  texts,
  fields,
  onSubmit,
  shown,
  table,
}: {
  state: Pick<
    IssuedSecrets<T, C>,
    'items' | 'active' | 'loadError' | 'reload' | 'busy' | 'problem' | 'created' | 'message'
  >;
  texts: IssuedTexts;
  fields: ReactNode;
  onSubmit: (event: FormEvent) => void;
  shown: (created: C) => ShownSecret;
  table: Omit<IssuedTableProps<T>, 'items' | 'texts' | 'busy'>;
}) {
  const { items, active, loadError, reload, busy, problem, created, message } = state;
  return (
    <>
      <form className="form panel" onSubmit={onSubmit} noValidate>
        {fields}
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={busy !== null || undefined}>
            {busy === 'create' ? texts.creating : texts.create}
          </button>
        </div>
      </form>
      {created ? <CreatedSecret resetKey={created.id} secret={shown(created)} texts={texts} /> : null}
      <div role="status" aria-live="polite">
        {message ? (
          <div className="notice notice--success">
            <p>{message}</p>
          </div>
        ) : null}
      </div>
      {problem ? <ErrorNotice error={problem} /> : null}
      {loadError ? <ErrorNotice error={loadError} onRetry={() => void reload()} /> : null}
      {items === null && !loadError ? (
        <p className="muted" role="status">
          {texts.loading}
        </p>
      ) : null}
      {items !== null ? (
        active.length === 0 ? (
          <p className="muted">{texts.none}</p>
        ) : (
          <IssuedTable items={active} texts={texts} busy={busy} {...table} />
        )
      ) : null}
    </>
  );
}

interface IssuedTableProps<T extends Issued> {
  items: T[];
  texts: IssuedTexts;
  busy: string | null;
  /** The column headings: the name first, the action last. */
  columns: string[];
  nameOf: (item: T) => string;
  /** The cells between the name and the revoke button. */
  cells: (item: T) => ReactNode;
  onRevoke: (item: T) => void;
}

function IssuedTable<T extends Issued>({
  items,
  texts,
  busy,
  columns,
  nameOf,
  cells,
  onRevoke,
}: IssuedTableProps<T>) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{texts.caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">{nameOf(item)}</th>
              {cells(item)}
              <td>
                <button
                  type="button"
                  className="button button--danger"
                  aria-label={texts.revokeLabel(nameOf(item))}
                  aria-disabled={busy !== null || undefined}
                  onClick={() => onRevoke(item)}
                >
                  {texts.revoke}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The new secret, shown this once: in a read-only field to select, with a copy button. */
function CreatedSecret({
  resetKey,
  secret,
  texts,
}: {
  resetKey: string;
  secret: ShownSecret;
  texts: IssuedTexts;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    setCopy('idle');
    heading.current?.focus();
  }, [resetKey]);

  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(secret.value);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="notice notice--success created-link">
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {secret.heading}
      </h3>
      <p>{texts.createdText}</p>
      <div className="field created-link__field">
        <label htmlFor={`${id}-secret`}>{secret.label}</label>
        <input
          ref={input}
          id={`${id}-secret`}
          type="text"
          readOnly
          spellCheck={secret.spellCheck}
          value={secret.value}
          onFocus={(e) => e.target.select()}
        />
      </div>
      <button type="button" className="button" onClick={() => void copySecret()}>
        {texts.copy}
      </button>
      <p role="status" aria-live="polite">
        {copy === 'copied' ? texts.copied : copy === 'failed' ? texts.copyFailed : ''}
      </p>
    </div>
  );
}
