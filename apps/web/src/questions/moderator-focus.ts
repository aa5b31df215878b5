/** The selector of a question's item in the moderator's lists. */
export const questionSelector = (id: string) => `[data-question-id="${CSS.escape(id)}"]`;

/** The question the focus is in, if any. */
export function focusedQuestionId(): string | null {
  const active = document.activeElement;
  return active instanceof HTMLElement
    ? (active.closest('[data-question-id]')?.getAttribute('data-question-id') ?? null)
    : null;
}
