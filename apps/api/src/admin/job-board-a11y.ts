/**
 * What the job view (bull-board 9.10) lacks for WCAG 2.1 AA, put right by us: bull-board is a
 * third-party page we serve as it is built, so we add a small stylesheet and a script of our own
 * to it (both within its CSP: inline styles, scripts from our origin only).
 *
 * - Contrast: a few greys and colours of its light theme fall under 4.5:1 (the small print, faded
 *   further by its opacity, the keyboard hint, the selected queue’s name, an error’s title). The
 *   corrections apply to the light theme (the one the browser test checks); the dark theme keeps
 *   bull-board's colours.
 * - Names: its icon-only buttons carry their words in a tooltip that exists only while hovered, so
 *   a screen reader hears "button". The script names them from what bull-board shows in that
 *   tooltip, by where they stand: the header's buttons, the queue's menu, the copy button, and a
 *   job's actions in the order bull-board gives them for the status being looked at. Its "latest"
 *   list mixes statuses and says none in the address, so a job's actions there stay unnamed.
 */

/**
 * Light theme only (`body.dark-mode` is bull-board's dark theme). Important,
 * since bull-board's own rules load after ours (its stylesheets for each view come as they are needed).
 */
export const JOB_BOARD_A11Y_STYLE = `<style>
body:not(.dark-mode) small { color: #5a636c !important; opacity: 1 !important; }
body:not(.dark-mode) kbd { color: #3d4750 !important; }
body:not(.dark-mode) [class*="active-"] > [class*="queueName-"] { color: #0a5249 !important; }
body:not(.dark-mode) .hljs-title { color: #a8231c !important; }
</style>`;

export const JOB_BOARD_A11Y_SCRIPT_PATH = 'folkemote-a11y.js';

/** bull-board's own job actions per status (its `JOB.ACTIONS` tooltips), in the order it shows them. */
const jobActions: Record<string, string[]> = {
  failed: ['Retry', 'Duplicate', 'Update data', 'Clean'],
  delayed: ['Promote', 'Reschedule', 'Duplicate', 'Update data', 'Clean'],
  completed: ['Duplicate', 'Retry', 'Clean'],
  waiting: ['Duplicate', 'Update data', 'Clean'],
  'waiting-children': ['Remove unprocessed children', 'Duplicate', 'Update data', 'Clean'],
  prioritized: ['Reprioritise', 'Duplicate', 'Update data', 'Clean'],
  paused: ['Duplicate', 'Update data', 'Clean'],
};

export const JOB_BOARD_A11Y_SCRIPT = `(() => {
  const jobActions = ${JSON.stringify(jobActions)};
  const unnamed = (el) =>
    !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !el.textContent.trim() &&
    !el.querySelector('img[alt]:not([alt=""]), svg[aria-label]');
  const name = (el, label) => { if (label && unnamed(el)) el.setAttribute('aria-label', label); };
  function label() {
    // The header: Redis's details (its logo, an image with no text), full screen, settings.
    for (const svg of document.querySelectorAll('svg[role="img"]:not([aria-label]):not([aria-labelledby])')) {
      if (svg.closest('[class*="actions-"]')) svg.setAttribute('aria-label', 'Redis details');
    }
    const header = document.querySelector('ul[class*="actions-"]');
    if (header) {
      const buttons = [...header.querySelectorAll(':scope > li > button')].filter(unnamed);
      const words = ['Full screen', 'Settings'];
      buttons.slice(-2).forEach((b, i) => name(b, words[words.length - Math.min(buttons.length, 2) + i]));
    }
    for (const b of document.querySelectorAll('button[aria-haspopup="menu"]')) name(b, 'More actions');
    for (const b of document.querySelectorAll('button[class*="copyBtn-"]')) name(b, 'Copy');
    const status = new URLSearchParams(location.search).get('status');
    const words = jobActions[status] || null;
    if (words)
      for (const list of document.querySelectorAll('ul[class*="jobActions-"]')) {
        const buttons = list.querySelectorAll(':scope > li button');
        if (buttons.length === words.length) buttons.forEach((b, i) => name(b, words[i]));
      }
  }
  label();
  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
})();
`;
