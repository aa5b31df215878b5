/*
 * The replay site's player script. Plain browser JavaScript with no build step, served as
 * assets/player.js. It chooses native HLS when the browser says it can play it and hls.js
 * otherwise, loading hls.js only when it is needed, and shows the page's own text (from data
 * attributes) when neither works. It also runs the "copy embed code" button, the chapter links
 * and the page player's control bar with its timeline's thumbnail preview.
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

  /** Each player's hls.js instance while it plays through hls.js, so the listen-only switch can replace it. */
  const hlsOf = new WeakMap();

  function startHlsJs(root, media, src, startPosition = -1) {
    const Hls = window.Hls;
    if (!Hls?.isSupported()) {
      showMessage(root, root.getAttribute('data-msg-unsupported'));
      return;
    }
    root.setAttribute('data-engine', 'hls.js');
    const hls = new Hls({
      // Never a rendition larger than the player shows (times the screen's pixel ratio) ...
      capLevelToPlayerSize: true,
      // ... and the first one chosen by the bandwidth measured on a first segment of the lowest
      // rendition (loaded for the measure only, not shown), not the first in the list.
      startLevel: -1,
      testBandwidth: true,
      startPosition,
    });
    hlsOf.set(root, hls);
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
        // Without hls.js, the browser's own HLS if it has one.
        if (media.canPlayType(HLS_TYPE) && root.getAttribute('data-engine') !== 'native')
          startNative(root, media, src);
        else showMessage(root, root.getAttribute('data-msg-error'));
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
    // hls.js wherever Media Source Extensions are (it sizes and picks the rendition as above;
    // Chromium's own HLS starts low); the browser's own HLS where only that plays (iPhone).
    if (window.MediaSource) useHlsJs(root, media, src);
    else if (media.canPlayType(HLS_TYPE)) startNative(root, media, src);
    else if (mediaSourceAvailable()) useHlsJs(root, media, src);
    else showMessage(root, root.getAttribute('data-msg-unsupported'));
  }

  /*
   * "Listen only" (listen-only.ts): the master playlist's audio-only variant (the one whose
   * CODECS name no picture) is loaded on its own, through hls.js or the browser's own HLS, from
   * where the viewer was, so no video segment is fetched until it is switched off again.
   */
  const AUDIO_CODEC = /^(mp4a|opus|ac-3|ec-3|flac|mp3|\.mp3)/i;

  function audioOnlyVariant(masterText, masterUrl) {
    const lines = masterText.split(/\r?\n/).map((line) => line.trim());
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith('#EXT-X-STREAM-INF:')) continue;
      const codecs = /CODECS="([^"]*)"/.exec(lines[i]);
      const uri = lines.slice(i + 1).find((line) => line && !line.startsWith('#'));
      if (!codecs || !uri) continue;
      const list = codecs[1].split(',').map((c) => c.trim());
      if (list.length > 0 && list.every((c) => AUDIO_CODEC.test(c))) return new URL(uri, masterUrl).href;
    }
    return null;
  }

  function switchSource(root, media, src) {
    const position = media.currentTime;
    const playing = !media.paused && !media.ended;
    const resume = () => {
      if (!playing) return;
      const started = media.play();
      if (started && typeof started.catch === 'function') started.catch(() => {});
    };
    const hls = hlsOf.get(root);
    if (root.getAttribute('data-engine') === 'hls.js' && hls) {
      hls.destroy();
      hlsOf.delete(root);
      startHlsJs(root, media, src, position);
      resume();
      return;
    }
    media.addEventListener(
      'loadedmetadata',
      () => {
        media.currentTime = position;
        resume();
      },
      { once: true },
    );
    media.src = src;
  }

  function setUpListenOnly(root) {
    const toggle = root.querySelector('[data-listen-only]');
    const status = root.querySelector('[data-listen-only-status]');
    const media = root.querySelector('video');
    const masterSrc = root.getAttribute('data-src');
    if (!toggle || !media || !masterSrc) return;
    const masterUrl = new URL(masterSrc, document.baseURI).href;
    fetch(masterUrl)
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => {
        const audioSrc = audioOnlyVariant(text, masterUrl);
        if (!audioSrc) return; // an older version without the variant: no switch
        toggle.hidden = false;
        toggle.addEventListener('click', () => {
          if (!root.getAttribute('data-engine')) return;
          const on = toggle.getAttribute('aria-pressed') !== 'true';
          toggle.setAttribute('aria-pressed', String(on));
          root.setAttribute('data-listen-only', String(on));
          if (status) status.textContent = status.getAttribute(on ? 'data-msg-on' : 'data-msg-off') || '';
          switchSource(root, media, on ? audioSrc : masterSrc);
        });
      })
      .catch(() => {}); // without the master playlist there is nothing to switch
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
   * The timeline of the page player's own control bar: moving the pointer over it, dragging it or
   * moving it with the keyboard shows the sprite's tile for that moment above it; a change seeks
   * the video. While nobody uses it, it follows the video. The sprite's index is fetched once, when
   * the browser is idle or at the first use, whichever comes first.
   */
  function setUpTimeline(box, media) {
    const input = box.querySelector('input[type="range"]');
    const preview = box.querySelector('[data-seek-preview]');
    const tile = box.querySelector('[data-seek-tile]');
    const time = box.querySelector('[data-seek-time]');
    const vttUrl = box.getAttribute('data-sprite-vtt');
    if (!input || !preview || !tile || !time || !vttUrl) return false;
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
      // Centred over the moment, but never past either end of the player.
      const track = input.getBoundingClientRect();
      const outer = box.getBoundingClientRect();
      const centre = track.left - outer.left + (seconds / max) * track.width;
      const left = centre - preview.offsetWidth / 2;
      preview.style.left = `${Math.max(0, Math.min(left, outer.width - preview.offsetWidth))}px`;
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
    if (window.requestIdleCallback) window.requestIdleCallback(loadCues);
    return true;
  }

  function playOrPause(media) {
    if (media.paused || media.ended) {
      const playing = media.play();
      if (playing && typeof playing.catch === 'function') playing.catch(() => {});
    } else media.pause();
  }

  /*
   * The page player's control bar (player-controls-markup.ts): it replaces the browser's own
   * controls, so the timeline with its previews is the only one. Each button says what it does
   * in the page's language; toggles carry aria-pressed.
   */
  function setUpControls(box) {
    const root = box.closest('[data-player]');
    const media = root?.querySelector('video');
    if (!media || !setUpTimeline(box, media)) return;
    const message = (name) => box.getAttribute(`data-msg-${name}`) || '';
    const play = box.querySelector('[data-action="play"]');
    const mute = box.querySelector('[data-action="mute"]');
    const captions = box.querySelector('[data-action="captions"]');
    const fullscreen = box.querySelector('[data-action="fullscreen"]');
    const clock = box.querySelector('[data-player-time]');
    const duration = formatClock(Number(box.querySelector('input[type="range"]').max));

    function showPlaying() {
      const paused = media.paused || media.ended;
      play.setAttribute('aria-label', message(paused ? 'play' : 'pause'));
      play.setAttribute('data-paused', String(paused));
    }
    play.addEventListener('click', () => playOrPause(media));
    media.addEventListener('click', () => playOrPause(media));
    media.addEventListener('play', showPlaying);
    media.addEventListener('pause', showPlaying);
    media.addEventListener('ended', showPlaying);
    showPlaying();

    mute.addEventListener('click', () => {
      media.muted = !media.muted;
    });
    const showMuted = () => mute.setAttribute('aria-pressed', String(media.muted));
    media.addEventListener('volumechange', showMuted);
    showMuted();

    if (captions) {
      const track = Array.from(media.textTracks).find((t) => t.kind === 'captions' || t.kind === 'subtitles');
      if (!track) captions.hidden = true;
      else {
        captions.addEventListener('click', () => {
          track.mode = track.mode === 'showing' ? 'hidden' : 'showing';
          captions.setAttribute('aria-pressed', String(track.mode === 'showing'));
        });
      }
    }

    if (!document.fullscreenEnabled || !root.requestFullscreen) fullscreen.hidden = true;
    fullscreen.addEventListener('click', () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      else root.requestFullscreen().catch(() => {});
    });
    document.addEventListener('fullscreenchange', () => {
      const on = document.fullscreenElement === root;
      fullscreen.setAttribute('aria-label', message(on ? 'exit-fullscreen' : 'fullscreen'));
    });

    const showTime = () => {
      clock.textContent = `${formatClock(media.currentTime)} / ${duration}`;
    };
    media.addEventListener('timeupdate', showTime);
    media.addEventListener('seeked', showTime);

    media.controls = false;
    root.classList.add('player--own-controls');
    box.hidden = false;
  }

  onReady(() => {
    for (const root of document.querySelectorAll('[data-player]')) setUpPlayer(root);
    for (const root of document.querySelectorAll('[data-player]')) setUpListenOnly(root);
    for (const box of document.querySelectorAll('[data-player-controls]')) setUpControls(box);
    for (const link of document.querySelectorAll('a[data-seek]')) setUpChapterLink(link);
    for (const button of document.querySelectorAll('[data-copy-target]')) setUpCopyButton(button);
  });
})();
