/*
 * The replay page's transcript and start time. Plain browser JavaScript with no build step, served
 * as assets/transcript.js after player.js. The transcript is already in the page as a list of
 * links (transcript-markup.ts); this script makes each line a jump in the page's player, marks
 * the line being spoken (aria-current) as the recording plays and keeps it in view inside the
 * list, never moving the page or the keyboard focus. It also starts the player at the moment a
 * link names: `index.html?t=123.4` or `#t=123.4` (also `#t=1:02:03`), as search results link.
 */
(() => {
  function onReady(callback) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback);
    else callback();
  }

  function pageMedia() {
    return document.querySelector('[data-player] video, [data-player] audio');
  }

  /** Seconds from `123.4`, `1:02:03` or `1h2m3s`; null for anything else. */
  function parseTime(value) {
    if (!value) return null;
    const text = String(value).trim();
    if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
    if (/^\d+(?::\d{1,2}){1,2}(?:\.\d+)?$/.test(text))
      return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
    const units = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
    if (units && text !== '')
      return Number(units[1] || 0) * 3600 + Number(units[2] || 0) * 60 + Number(units[3] || 0);
    return null;
  }

  function requestedStart() {
    const fromQuery = parseTime(new URLSearchParams(window.location.search).get('t'));
    if (fromQuery !== null) return fromQuery;
    const hash = /(?:^#|&)t=([^&]+)/.exec(window.location.hash);
    return hash ? parseTime(decodeURIComponent(hash[1])) : null;
  }

  function play(media) {
    const playing = media.play();
    if (playing && typeof playing.catch === 'function') playing.catch(() => {});
  }

  /**
   * Puts the player at `seconds` as soon as it knows its duration (hls.js attaches asynchronously),
   * and once more when it can first play, unless the viewer has moved it since.
   */
  function startAt(media, seconds) {
    let moved = false;
    const target = media.duration > 0 ? Math.min(seconds, media.duration) : seconds;
    function apply() {
      media.currentTime = Number.isFinite(media.duration) ? Math.min(target, media.duration) : target;
    }
    if (media.readyState >= 1) apply();
    else media.addEventListener('loadedmetadata', apply, { once: true });
    media.addEventListener(
      'canplay',
      () => {
        if (!moved && Math.abs(media.currentTime - target) > 1) apply();
        moved = true;
      },
      { once: true },
    );
  }

  /** The last line that starts at or before `seconds`, if the moment is still inside it. */
  function lineAt(lines, seconds) {
    let low = 0;
    let high = lines.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (lines[middle].start <= seconds + 0.05) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0 || seconds >= lines[found].end) return -1;
    return found;
  }

  function setUpTranscript(section, media) {
    const list = section.querySelector('.transcript__list');
    const lines = Array.from(section.querySelectorAll('[data-cue-start]')).map((link) => ({
      link,
      start: Number(link.getAttribute('data-cue-start')),
      end: Number(link.getAttribute('data-cue-end')),
    }));
    if (!list || lines.length === 0) return;
    let current = -1;
    let touchedAt = 0; // when the viewer last scrolled the list themselves

    function keepInView(link) {
      if (Date.now() - touchedAt < 4000 || list.scrollHeight <= list.clientHeight) return;
      const box = list.getBoundingClientRect();
      const line = link.getBoundingClientRect();
      if (line.top >= box.top && line.bottom <= box.bottom) return;
      // Only the list scrolls (scrollIntoView would move the page under a reader).
      list.scrollTop += line.top - box.top - box.height / 3;
    }

    function follow() {
      const next = lineAt(lines, media.currentTime);
      if (next === current) return;
      if (current >= 0) lines[current].link.removeAttribute('aria-current');
      current = next;
      if (current < 0) return;
      lines[current].link.setAttribute('aria-current', 'true');
      keepInView(lines[current].link);
    }

    for (const line of lines) {
      line.link.addEventListener('click', (event) => {
        if (!Number.isFinite(line.start)) return;
        event.preventDefault();
        touchedAt = 0;
        media.currentTime = line.start;
        play(media);
        follow();
      });
    }
    for (const name of ['wheel', 'touchmove']) {
      list.addEventListener(
        name,
        () => {
          touchedAt = Date.now();
        },
        { passive: true },
      );
    }
    media.addEventListener('timeupdate', follow);
    media.addEventListener('seeked', follow);
    section.setAttribute('data-transcript-ready', 'true');
    follow();
  }

  onReady(() => {
    const media = pageMedia();
    if (!media) return;
    for (const section of document.querySelectorAll('[data-transcript]')) setUpTranscript(section, media);
    const start = requestedStart();
    if (start !== null) startAt(media, start);
    window.addEventListener('hashchange', () => {
      const seconds = requestedStart();
      if (seconds === null) return;
      media.currentTime = seconds;
      play(media);
    });
  });
})();
