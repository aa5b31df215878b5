import { useEffect, useRef } from 'react';

export interface SummaryError {
  /** The id of the input the error belongs to. */
  inputId: string;
  label: string;
  message: string;
}

/**
 * The list of what to fix, at the top of a form after a failed submit: it takes
 * focus so a screen reader reads it, and each entry moves focus to its field.
 */
export function ErrorSummary({
  title,
  intro,
  errors,
  attempt,
}: {
  title: string;
  intro: string;
  errors: SummaryError[];
  /** Changes on every failed submit, so focus returns to the summary each time. */
  attempt: number;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <section className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <p>{intro}</p>
      <ul>
        {errors.map((error) => (
          <li key={error.inputId}>
            <a
              href={`#${error.inputId}`}
              onClick={(event) => {
                const input = document.getElementById(error.inputId);
                if (!input) return;
                event.preventDefault();
                input.focus();
                input.scrollIntoView({ block: 'center' });
              }}
            >
              {error.label}: {error.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
