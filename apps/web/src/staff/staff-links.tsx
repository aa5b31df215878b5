import type { NewStaffLink, StaffLink } from '@folkemote/contract';
import type { StaffRole } from '@folkemote/domain';
import { type FormEvent, useCallback, useId, useRef, useState } from 'react';
import { describeFieldError } from '../event-editor/event-form-values.ts';
import { FormField, InputField } from '../shared/form-field.tsx';
import { osloMomentFormat } from '../shared/format-date.ts';
import { IssuedSecretsPanel } from '../shared/issued-secrets.tsx';
import { useIssuedSecrets } from '../shared/use-issued-secrets.ts';
import { useLocale } from '../shared/use-locale.ts';
import { createStaffLink, fetchStaffLinks, revokeStaffLink } from './staff-api.ts';

// The domain's list, restated so that the bundle need not load the domain's schemas (and zod).
const staffRoles = ['host', 'presenter', 'moderator'] as const satisfies readonly StaffRole[];

/** The staff links of an event: the list, making one (its address kept to show once), revoking one. */
function useStaffLinks(slug: string) {
  const fetchLinks = useCallback((signal?: AbortSignal) => fetchStaffLinks(slug, signal), [slug]);
  const remove = useCallback((link: StaffLink) => revokeStaffLink(slug, link.id), [slug]);
  return useIssuedSecrets<StaffLink, NewStaffLink>(fetchLinks, remove);
}

/** The form for a new staff link: its fields, their errors, and the submit that makes the link. */
function useStaffLinkForm(slug: string, links: ReturnType<typeof useStaffLinks>) {
  const { t } = useLocale();
  const s = t.room.staff;
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('presenter');
  const [nameError, setNameError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (links.busy) return;
    links.setMessage('');
    if (name.trim() === '') {
      setNameError(s.nameRequired);
      nameInput.current?.focus();
      return;
    }
    const address = email.trim();
    const outcome = await links.create(
      () => createStaffLink(slug, { role, displayName: name.trim(), email: address }),
      (e) => e.fields.displayName?.[0] !== undefined || e.fields.email !== undefined,
    );
    if ('created' in outcome) {
      setNameError(null);
      setEmailError(null);
      setName('');
      setEmail('');
      if (outcome.created.emailed) links.setMessage(s.emailed(address));
      return;
    }
    const field = outcome.error.fields.displayName?.[0];
    if (field) {
      setNameError(describeFieldError(field, t.organiser.editor.fieldErrors));
      nameInput.current?.focus();
    } else if (outcome.error.fields.email) {
      setEmailError(s.emailInvalid);
      emailInput.current?.focus();
    }
  };

  return {
    values: { name, role, email },
    set: { name: setName, role: setRole, email: setEmail },
    nameError,
    emailError,
    nameInput,
    emailInput,
    submit,
  };
}

type StaffLinkForm = ReturnType<typeof useStaffLinkForm>;

/** The new link's fields: the name and role side by side, then the address to e-mail it to. */
function StaffLinkFields({ id, form }: { id: string; form: StaffLinkForm }) {
  const s = useLocale().t.room.staff;
  const { values, set } = form;
  return (
    <>
      <div className="form-row">
        <InputField
          id={`${id}-name`}
          label={s.name}
          error={form.nameError}
          inputRef={form.nameInput}
          type="text"
          autoComplete="off"
          maxLength={120}
          value={values.name}
          onValueChange={set.name}
        />
        <FormField id={`${id}-role`} label={s.role} hint={s.roleHints[values.role]}>
          {(control) => (
            <select {...control} value={values.role} onChange={(e) => set.role(e.target.value as StaffRole)}>
              {staffRoles.map((r) => (
                <option key={r} value={r}>
                  {s.roles[r]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <InputField
        id={`${id}-email`}
        label={s.email}
        hint={s.emailHint}
        error={form.emailError}
        inputRef={form.emailInput}
        type="email"
        autoComplete="off"
        maxLength={254}
        value={values.email}
        onValueChange={set.email}
      />
    </>
  );
}

/**
 * The organiser's links for hosts, presenters and moderators: make one (its address is shown
 * once, with a copy button), see the ones made, and revoke them.
 */
export function StaffLinks({ slug }: { slug: string }) {
  const { t, locale } = useLocale();
  const s = t.room.staff;
  const id = useId();
  const links = useStaffLinks(slug);
  const form = useStaffLinkForm(slug, links);
  const dateTime = osloMomentFormat(locale, 'short', 'short');

  return (
    <section className="section staff-links" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s.heading}</h2>
      <p>{s.intro}</p>
      <IssuedSecretsPanel
        state={links}
        texts={s}
        onSubmit={(e) => void form.submit(e)}
        fields={<StaffLinkFields id={id} form={form} />}
        shown={(created) => ({
          heading: s.createdHeading(created.displayName, s.roles[created.role]),
          label: s.linkLabel,
          value: created.joinUrl,
        })}
        table={{
          columns: [s.columns.name, s.columns.role, s.columns.created, s.columns.action],
          nameOf: (link: StaffLink) => link.displayName,
          cells: (link: StaffLink) => (
            <>
              <td>{s.roles[link.role]}</td>
              <td>
                <time dateTime={link.createdAt}>{dateTime.format(new Date(link.createdAt))}</time>
              </td>
            </>
          ),
          onRevoke: (link: StaffLink) =>
            void links.revoke(link, s.confirmRevoke(link.displayName), s.revoked(link.displayName)),
        }}
      />
    </section>
  );
}
