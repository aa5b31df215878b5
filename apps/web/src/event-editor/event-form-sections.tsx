import type { EventMode, Locale } from '@folkemote/domain';
import { broadcastMessages } from '../i18n/broadcast-messages.ts';
import { CheckField, FormField } from '../shared/form-field.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { EventNumberField, EventTextField } from './event-form-inputs.tsx';
import { fieldInputId, suggestSlug } from './event-form-values.ts';
import type { EventFormFields } from './use-event-form-fields.ts';

const modes: EventMode[] = ['online', 'onsite', 'hybrid'];
const languages: Locale[] = ['nb', 'nn', 'en'];

interface SectionProps {
  form: EventFormFields;
  disabled: boolean;
}

/** Title, address (slug), description and language. The slug follows the title until edited by hand. */
export function AboutSection({
  form,
  disabled,
  slugTouched,
  onSlugTouched,
}: SectionProps & { slugTouched: boolean; onSlugTouched: () => void }) {
  const { t } = useLocale();
  const ed = t.organiser.editor;
  const f = ed.fields;
  const { values, set, error } = form;
  return (
    <fieldset disabled={disabled}>
      <legend>{ed.sections.about}</legend>
      <FormField id={fieldInputId('title')} label={f.title} error={error('title')}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            value={values.title}
            onChange={(event) => {
              const title = event.target.value;
              form.update({ title, slug: slugTouched ? values.slug : suggestSlug(title) });
            }}
          />
        )}
      </FormField>
      <FormField id={fieldInputId('slug')} label={f.slug} hint={f.slugHint} error={error('slug')}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={values.slug}
            onChange={(event) => {
              onSlugTouched();
              set('slug', event.target.value);
            }}
          />
        )}
      </FormField>
      <FormField
        id={fieldInputId('description')}
        label={f.description}
        hint={f.descriptionHint}
        error={error('description')}
      >
        {(control) => (
          <textarea
            {...control}
            value={values.description}
            onChange={(event) => set('description', event.target.value)}
          />
        )}
      </FormField>
      <FormField id={fieldInputId('language')} label={f.language} error={error('language')}>
        {(control) => (
          <select
            {...control}
            value={values.language}
            onChange={(event) => set('language', event.target.value as Locale)}
          >
            {languages.map((l) => (
              <option key={l} value={l}>
                {ed.languages[l]}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </fieldset>
  );
}

export function TimeSection({ form, disabled }: SectionProps) {
  const { t } = useLocale();
  const f = t.organiser.editor.fields;
  return (
    <fieldset disabled={disabled}>
      <legend>{t.organiser.editor.sections.time}</legend>
      <div className="form-row">
        <EventTextField
          form={form}
          field="startsAt"
          name="startsAt"
          label={f.startsAt}
          type="datetime-local"
          hint={f.timeHint}
        />
        <EventTextField
          form={form}
          field="endsAt"
          name="endsAt"
          label={f.endsAt}
          type="datetime-local"
          hint={f.timeHint}
        />
      </div>
    </fieldset>
  );
}

/** Online, on site or both; an address unless online only. */
export function PlaceSection({ form, disabled }: SectionProps) {
  const { t } = useLocale();
  const ed = t.organiser.editor;
  const f = ed.fields;
  return (
    <fieldset disabled={disabled}>
      <legend>{ed.sections.place}</legend>
      <FormField id={fieldInputId('mode')} label={f.mode} error={form.error('mode')}>
        {(control) => (
          <select
            {...control}
            value={form.values.mode}
            onChange={(event) => form.set('mode', event.target.value as EventMode)}
          >
            {modes.map((m) => (
              <option key={m} value={m}>
                {ed.modes[m]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {form.values.mode !== 'online' ? (
        <EventTextField
          form={form}
          field="address"
          name="address"
          label={f.address}
          hint={f.addressHint}
          autoComplete="street-address"
        />
      ) : null}
    </fieldset>
  );
}

/** When registration opens and closes, how many places (and in the hall, when hybrid), a waiting list. */
export function RegistrationSection({ form, disabled }: SectionProps) {
  const { t } = useLocale();
  const ed = t.organiser.editor;
  const f = ed.fields;
  return (
    <fieldset disabled={disabled}>
      <legend>{ed.sections.registration}</legend>
      <p className="field__hint">{f.registrationTimesHint}</p>
      <div className="form-row">
        <EventTextField
          form={form}
          field="registrationOpensAt"
          name="registrationOpensAt"
          label={f.registrationOpensAt}
          type="datetime-local"
          hint={f.timeHint}
        />
        <EventTextField
          form={form}
          field="registrationClosesAt"
          name="registrationClosesAt"
          label={f.registrationClosesAt}
          type="datetime-local"
          hint={f.timeHint}
        />
      </div>
      <EventNumberField form={form} name="capacity" label={f.capacity} hint={f.capacityHint} />
      {form.values.mode === 'hybrid' ? (
        <EventNumberField
          form={form}
          name="roomCapacity"
          label={t.citizen.roomCapacity}
          hint={t.citizen.roomCapacityHint}
        />
      ) : null}
      <CheckField
        id={fieldInputId('waitlistEnabled')}
        label={f.waitlistEnabled}
        error={form.error('waitlistEnabled')}
        checked={form.values.waitlistEnabled}
        onChange={(checked) => form.set('waitlistEnabled', checked)}
      />
    </fieldset>
  );
}

export function ContactSection({ form, disabled }: SectionProps) {
  const { t } = useLocale();
  const f = t.organiser.editor.fields;
  return (
    <fieldset disabled={disabled}>
      <legend>{t.organiser.editor.sections.contact}</legend>
      <EventTextField
        form={form}
        field="contact.name"
        name="contactName"
        label={f.contactName}
        autoComplete="name"
      />
      <EventTextField
        form={form}
        field="contact.email"
        name="contactEmail"
        label={f.contactEmail}
        type="email"
        autoComplete="email"
      />
      <EventTextField
        form={form}
        field="contact.phone"
        name="contactPhone"
        label={f.contactPhone}
        type="tel"
        autoComplete="tel"
        narrow
      />
    </fieldset>
  );
}

/** Whether the event is recorded and broadcast on the public site, and how long registrations are kept. */
export function PrivacySection({ form, disabled }: SectionProps) {
  const { t, locale } = useLocale();
  const b = broadcastMessages[locale];
  const f = t.organiser.editor.fields;
  return (
    <fieldset disabled={disabled}>
      <legend>{t.organiser.editor.sections.privacy}</legend>
      <CheckField
        id={fieldInputId('recorded')}
        label={f.recorded}
        hint={f.recordedHint}
        error={form.error('recorded')}
        checked={form.values.recorded}
        onChange={(checked) => form.set('recorded', checked)}
      />
      <CheckField
        id={fieldInputId('broadcast')}
        label={b.checkbox}
        hint={b.hint}
        error={form.error('broadcast')}
        checked={form.values.broadcast}
        onChange={(checked) => form.set('broadcast', checked)}
      />
      <EventNumberField form={form} name="retentionDays" label={f.retentionDays} hint={f.retentionHint} />
    </fieldset>
  );
}
