/** A sound wave: what an audio-only recording shows instead of a picture. Decorative. */
export const audioIcon =
  '<svg class="icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false"><path d="M6 20v8M14 14v20M22 8v32M30 16v16M38 12v24M46 20v8" stroke="currentColor" stroke-width="4" stroke-linecap="round" fill="none"/></svg>';
