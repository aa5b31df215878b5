/*
 * The replay site's player script. Plain browser JavaScript with no build step, served as
 * assets/player.js. It chooses native HLS when the browser says it can play it and hls.js
 * otherwise, loading hls.js only when it is needed, and shows the page's own text (from data
 * attributes) when neither works. It also runs the "copy embed code" button, the chapter links
 * and the seek slider's thumbnail preview.
 */
(() => {
  const HLS_TYPE = 'application/vnd.apple.mpegurl';

  function onReady(callback) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback);
    else callback();
  }

  function showMessage(root, text) {
    const box = root.querySelector('[data-player-message]');
    if (!box) return;
    const target = box.querySelector('[data-player-message-text]');
    if (target) target.textContent = text;
    box.hidden = false;
    root.setAttribute('data-state', 'error');
  }

  function loadScript(src, onLoad, onError) {
    if (window.Hls) return onLoad();
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = onLoad;
    script.onerror = onError;
    document.head.appendChild(script);
  }

  function mediaSourceAvailable() {
    return Boolean(window.MediaSource || window.ManagedMediaSource || window.WebKitMediaSource);
  }

  function startHlsJs(root, media, src) {
    const Hls = window.Hls;
    if (!Hls?.isSupported()) {
      showMessage(root, root.getAttribute('data-msg-unsupported'));
      return;
    }
    root.setAttribute('data-engine', 'hls.js');
    const hls = new Hls({ capLevelToPlayerSize: true, startLevel: -1 });
    let mediaRecoveries = 0;
    let networkRetries = 0;
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      // One recovery attempt per kind of failure, then tell the viewer instead of spinning.
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries < 1) {
        mediaRecoveries += 1;
        hls.recoverMediaError();
        return;
      }
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR && networkRetries < 1) {
        networkRetries += 1;
        hls.startLoad();
        return;
      }
      hls.destroy();
      showMessage(root, root.getAttribute('data-msg-error'));
    });
    hls.loadSource(src);
    hls.attachMedia(media);
  }

  function useHlsJs(root, media, src) {
    loadScript(
      root.getAttribute('data-hls-src'),
      () => {
        startHlsJs(root, media, src);
      },
      () => {
        showMessage(root, root.getAttribute('data-msg-error'));
      },
    );
  }

  function startNative(root, media, src) {
    root.setAttribute('data-engine', 'native');
    function onError() {
      media.removeEventListener('error', onError);
      // A browser that claimed HLS support but cannot play this stream gets a second chance.
      if (media.error && media.error.code === 4 && mediaSourceAvailable()) {
        media.removeAttribute('src');
        media.load();
        useHlsJs(root, media, src);
        return;
      }
      showMessage(root, root.getAttribute('data-msg-error'));
    }
    media.addEventListener('error', onError);
    media.src = src;
  }

  function setUpPlayer(root) {
    const media = root.querySelector('video, audio');
    const src = root.getAttribute('data-src');
    if (!media || !src) return;
    if (media.canPlayType(HLS_TYPE)) startNative(root, media, src);
    else if (mediaSourceAvailable()) useHlsJs(root, media, src);
    else showMessage(root, root.getAttribute('data-msg-unsupported'));
  }

  function copyWithSelection(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand('copy');
    } catch (_error) {
      return false;
    }
  }

  function setUpCopyButton(button) {
    const field = document.getElementById(button.getAttribute('data-copy-target'));
    const status = button.parentNode.querySelector('[data-copy-status]');
    if (!field) return;
    function report(ok) {
      if (!status) return;
      status.textContent = button.getAttribute(ok ? 'data-msg-copied' : 'data-msg-copy-failed');
    }
    button.hidden = false;
    button.addEventListener('click', () => {
      if (status) status.textContent = '';
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(
          () => {
            report(true);
          },
          () => {
            report(copyWithSelection(field));
          },
        );
      } else {
        report(copyWithSelection(field));
      }
    });
  }

  // A chapter link plays the page's own player from that moment instead of opening the download.
  function setUpChapterLink(link) {
    link.addEventListener('click', (event) => {
      const media = document.querySelector('[data-player] video, [data-player] audio');
      const seconds = Number(link.getAttribute('data-seek'));
      if (!media || !Number.isFinite(seconds)) return;
      event.preventDefault();
      media.currentTime = seconds;
      const playing = media.play();
      if (playing && typeof playing.catch === 'function') playing.catch(() => {});
      media.focus();
    });
  }

  /** `1:05:09` or `5:09`, as the page writes times (format.ts). */
  function formatClock(totalSeconds) {
    const whole = Math.max(0, Math.round(totalSeconds));
    const hours = Math.floor(whole / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    const seconds = String(whole % 60).padStart(2, '0');
    return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
  }

  /** `00:01:02.500` or `01:02.500` in seconds. */
  function vttSeconds(stamp) {
    return stamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  }

  /** The sprite's cues, in time order: each a time range and its tile, `sprite.jpg#xywh=x,y,w,h`. */
  function parseSpriteVtt(text, vttUrl) {
    const cues = [];
    for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
      const lines = block.split('\n');
      const at = lines.findIndex((line) => line.includes('-->'));
      if (at < 0) continue;
      const [start, end] = lines[at].split('-->').map((part) => vttSeconds(part.trim().split(/\s+/)[0]));
      const tile = /^(.+)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec((lines[at + 1] || '').trim());
      if (!tile || !Number.isFinite(start) || !Number.isFinite(end)) continue;
      const [x, y, width, height] = tile.slice(2).map(Number);
      cues.push({ start, end, image: new URL(tile[1], vttUrl).href, x, y, width, height });
    }
    return cues.sort((a, b) => a.start - b.start);
  }

  /** The last cue that starts at or before the moment, so the very end still has a tile. */
  function cueAt(cues, seconds) {
    let found = null;
    for (const cue of cues) {
      if (cue.start > seconds) break;
      found = cue;
    }
    return found;
  }

  /*
   * The slider under the page's player: moving the pointer over it, dragging it or moving it with
   * the keyboard shows the sprite's tile for that moment above it; a change seeks the video. While
   * nobody uses it, it follows the video. The sprite's index is fetched once, when the browser is
   * idle or at the first use, whichever comes first.
   */
  function setUpSeekSlider(box) {
    const media = document.querySelector('[data-player] video');
    const input = box.querySelector('input[type="range"]');
    const preview = box.querySelector('[data-seek-preview]');
    const tile = box.querySelector('[data-seek-tile]');
    const time = box.querySelector('[data-seek-time]');
    const vttUrl = box.getAttribute('data-sprite-vtt');
    if (!media || !input || !preview || !tile || !time || !vttUrl) return;
    const valueText = box.getAttribute('data-msg-value-text') || '{time}';
    const max = Number(input.max);
    let cues = [];
    let requested = false;
    let shown = null; // the moment the preview shows, or null while it is hidden
    let dragging = false;
    let usingKeys = false;

    function loadCues() {
      if (requested) return;
      requested = true;
      fetch(vttUrl)
        .then((response) => (response.ok ? response.text() : ''))
        .then((text) => {
          cues = parseSpriteVtt(text, vttUrl);
          if (shown !== null) showPreview(shown);
        })
        .catch(() => {}); // without the index the preview shows the time alone
    }

    function showPreview(seconds) {
      loadCues();
      shown = seconds;
      const cue = cueAt(cues, seconds);
      tile.hidden = !cue;
      if (cue) {
        tile.style.backgroundImage = `url("${cue.image}")`;
        tile.style.backgroundPosition = `${-cue.x}px ${-cue.y}px`;
        tile.style.width = `${cue.width}px`;
        tile.style.height = `${cue.height}px`;
      }
      time.textContent = formatClock(seconds);
      preview.hidden = false;
      // Centred over the moment, but never wider than the slider nor past either of its ends.
      const width = input.offsetWidth;
      const left = (seconds / max) * width - preview.offsetWidth / 2;
      preview.style.left = `${Math.max(0, Math.min(left, width - preview.offsetWidth))}px`;
    }

    function hidePreview() {
      shown = null;
      preview.hidden = true;
    }

    function setValue(seconds) {
      const value = Math.max(0, Math.min(max, Math.floor(seconds)));
      if (input.value === String(value)) return;
      input.value = String(value);
      describeValue();
    }

    function describeValue() {
      input.setAttribute('aria-valuetext', valueText.replace('{time}', formatClock(Number(input.value))));
    }

    function pointerSeconds(event) {
      const rect = input.getBoundingClientRect();
      const ratio = Math.max(0, Math.min(1, (event.clientX - rect.left) / rect.width));
      return Math.round(ratio * max);
    }

    input.addEventListener('pointermove', (event) => {
      if (!dragging) showPreview(pointerSeconds(event));
    });
    input.addEventListener('pointerleave', () => {
      if (!dragging) hidePreview();
    });
    input.addEventListener('pointerdown', () => {
      dragging = true;
      usingKeys = false;
    });
    window.addEventListener('pointerup', (event) => {
      if (!dragging) return;
      dragging = false;
      // A finger that lets go is gone; a mouse may still rest on the slider.
      if (event.pointerType !== 'mouse' || !input.matches(':hover')) hidePreview();
    });
    window.addEventListener('pointercancel', () => {
      dragging = false;
      hidePreview();
    });
    input.addEventListener('focus', loadCues);
    input.addEventListener('blur', () => {
      usingKeys = false;
      hidePreview();
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') hidePreview();
      else usingKeys = true;
    });
    input.addEventListener('input', () => {
      describeValue();
      showPreview(Number(input.value));
    });
    input.addEventListener('change', () => {
      media.currentTime = Number(input.value);
    });
    function follow() {
      if (!dragging && !usingKeys) setValue(media.currentTime);
    }
    media.addEventListener('timeupdate', follow);
    media.addEventListener('seeked', follow);

    box.hidden = false;
    if (window.requestIdleCallback) window.requestIdleCallback(loadCues);
  }

  onReady(() => {
    for (const root of document.querySelectorAll('[data-player]')) setUpPlayer(root);
    for (const box of document.querySelectorAll('[data-seek-slider]')) setUpSeekSlider(box);
    for (const link of document.querySelectorAll('a[data-seek]')) setUpChapterLink(link);
    for (const button of document.querySelectorAll('[data-copy-target]')) setUpCopyButton(button);
  });
})();
