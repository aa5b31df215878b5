import type { OrganiserEvent } from '@folkemote/domain';
import { useEffect, useState } from 'react';
import { navigate } from '../app/router/navigation.ts';
import { routePath, routes } from '../app/routes.ts';
import { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useLocale } from '../shared/use-locale.ts';
import { type EventFormValues, formValuesToBody } from './event-form-values.ts';
import { clearFlash, peekFlash, setFlash } from './flash.ts';
import { createEvent, runEventAction, updateEvent } from './organiser-events-api.ts';
import { useEditedEvent } from './use-edited-event.ts';

/**
 * Saving the form: the saved event, or null when the API refused it. Field errors go beside their
 * fields (and `attempt` counts the refusals, so the summary takes focus each time); others to `onProblem`.
 */
function useEventSave(
  slug: string | null,
  values: EventFormValues,
  onProblem: (problem: ApiError | null) => void,
) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [attempt, setAttempt] = useState(0);
  const save = async (): Promise<OrganiserEvent | null> => {
    onProblem(null);
    try {
      const body = formValuesToBody(values);
      const saved = slug ? await updateEvent(slug, body) : await createEvent(body);
      setFieldErrors({});
      return saved;
    } catch (error) {
      const e = toApiError(error);
      if (Object.keys(e.fields).length > 0) {
        setFieldErrors(e.fields);
        setAttempt((n) => n + 1);
      } else onProblem(e);
      return null;
    }
  };
  return { fieldErrors, attempt, save };
}

export type EditorBusy = 'save' | 'publish' | 'cancel' | 'duplicate';

/**
 * The event editor's behaviour: loading the event, saving the form (the API's field errors go
 * beside their fields), publishing, cancelling and duplicating, and the note that says what happened.
 */
export function useEventEditor(slug: string | null) {
  const { t, href } = useLocale();
  const ed = t.organiser.editor;
  const edited = useEditedEvent(slug);
  const { event } = edited;
  const [slugTouched, setSlugTouched] = useState(slug !== null);
  const [busy, setBusy] = useState<null | EditorBusy>(null);
  const [message, setMessage] = useState<string | null>(() => peekFlash());
  const [problem, setProblem] = useState<ApiError | null>(null);

  useEffect(() => clearFlash(), []);

  const editHref = (s: string) => href(routePath(routes.editEvent, { slug: s }));

  const form = useEventSave(slug, edited.values, setProblem);
  const save = () => {
    setMessage(null);
    return form.save();
  };

  const afterChange = (changed: OrganiserEvent, note: string) => {
    if (changed.slug !== slug) {
      setFlash(note);
      navigate(editHref(changed.slug), { replace: slug === null || changed.slug !== event?.slug });
      return;
    }
    edited.showSaved(changed);
    setMessage(note);
  };

  const run = (kind: EditorBusy, work: () => Promise<void>) => async () => {
    setBusy(kind);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof ApiError ? error : toApiError(error));
    } finally {
      setBusy(null);
    }
  };

  return {
    ...edited,
    slugTouched,
    touchSlug: () => setSlugTouched(true),
    fieldErrors: form.fieldErrors,
    attempt: form.attempt,
    busy,
    message,
    problem,
    save: run('save', async () => {
      const saved = await save();
      if (saved) afterChange(saved, slug ? ed.saved : ed.created);
    }),
    publish: run('publish', async () => {
      const saved = await save();
      if (saved) afterChange(await runEventAction(saved.slug, 'publish'), ed.published);
    }),
    cancel: run('cancel', async () => {
      if (!slug || !window.confirm(ed.confirmCancel)) return;
      afterChange(await runEventAction(slug, 'cancel'), ed.cancelled);
    }),
    duplicate: run('duplicate', async () => {
      if (!slug) return;
      const copy = await runEventAction(slug, 'duplicate');
      setFlash(ed.duplicated);
      navigate(editHref(copy.slug));
    }),
  };
}

export type EventEditorState = ReturnType<typeof useEventEditor>;
