import type { OrganiserEvent } from '@folkemote/domain';
import { useEffect, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { type EventFormValues, emptyEventForm, eventToFormValues } from './event-form-values.ts';
import { fetchOrganiserEvent } from './organiser-events-api.ts';

/** The event being edited (none for a new one) and the form's values, loaded from it once. */
export function useEditedEvent(slug: string | null) {
  const [event, setEvent] = useState<OrganiserEvent | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [values, setValues] = useState<EventFormValues>(emptyEventForm);

  useEffect(() => {
    if (!slug) return;
    const controller = new AbortController();
    fetchOrganiserEvent(slug, controller.signal).then(
      (loaded) => {
        setEvent(loaded);
        setValues(eventToFormValues(loaded));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadError(toApiError(error));
      },
    );
    return () => controller.abort();
  }, [slug]);

  /** Shows the event as the API returned it after a change. */
  const showSaved = (changed: OrganiserEvent) => {
    setEvent(changed);
    setValues(eventToFormValues(changed));
  };
  return { event, loadError, values, setValues, showSaved };
}
