import type { Locale } from '@folkemote/domain';
import { broadcastMessages } from '../i18n/broadcast-messages.ts';
import type { Messages } from '../i18n/messages.ts';
import { ErrorSummary } from '../shared/error-summary.tsx';
import { useLocale } from '../shared/use-locale.ts';
import { describeFieldError, fieldInputId, sortFieldErrors } from './event-form-values.ts';

type EditorMessages = Messages['organiser']['editor'];

/** A field's name as the summary says it: the label without its "(hint)", the contact fields with their section. */
function labelOf(field: string, ed: EditorMessages, locale: Locale): string {
  const labels: Record<string, string> = {
    title: ed.fields.title,
    slug: ed.fields.slug,
    description: ed.fields.description,
    startsAt: ed.fields.startsAt,
    endsAt: ed.fields.endsAt,
    mode: ed.fields.mode,
    address: ed.fields.address,
    language: ed.fields.language,
    registrationOpensAt: ed.fields.registrationOpensAt,
    registrationClosesAt: ed.fields.registrationClosesAt,
    capacity: ed.fields.capacity,
    waitlistEnabled: ed.fields.waitlistEnabled,
    'contact.name': `${ed.sections.contact}: ${ed.fields.contactName}`,
    'contact.email': `${ed.sections.contact}: ${ed.fields.contactEmail}`,
    'contact.phone': `${ed.sections.contact}: ${ed.fields.contactPhone}`,
    recorded: ed.fields.recorded,
    broadcast: broadcastMessages[locale].checkbox,
    retentionDays: ed.fields.retentionDays,
    customQuestions: ed.sections.questions,
  };
  const question = /^customQuestions\.(\d+)\./.exec(field);
  const label = question ? ed.questionLabel(Number(question[1]) + 1) : (labels[field] ?? field);
  return label.replace(/\s*\([^)]*\)$/, '');
}

/** The API's field errors, in the form's order, each linking to its field. */
export function EventErrorSummary({
  fieldErrors,
  attempt,
}: {
  fieldErrors: Record<string, string[]>;
  attempt: number;
}) {
  const { t, locale } = useLocale();
  const ed = t.organiser.editor;
  const summary = sortFieldErrors(fieldErrors).map(([field, messages]) => ({
    inputId: fieldInputId(field),
    label: labelOf(field, ed, locale),
    message: describeFieldError(messages[0] ?? '', ed.fieldErrors),
  }));
  return (
    <ErrorSummary
      title={ed.errorSummary}
      intro={ed.errorCount(summary.length)}
      errors={summary}
      attempt={attempt}
    />
  );
}
