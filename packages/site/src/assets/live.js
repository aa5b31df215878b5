/*
 * The live page's script (live-page.ts, live-embed-page.ts). Plain browser JavaScript with no
 * build step, served as assets/live.js. It follows `broadcast.json` (polled every 2 s, never from
 * a cache) from the countdown to the live stream, and at the end to the recording from the start
 * or the word that it is held for review; it shows the question being answered from
 * `highlight.json`. Everything it fetches is on the page's own origin: no API, no cookies.
 */
(() => {
  const POLL_MS = 2000;
  const HLS_TYPE = 'application/vnd.apple.mpegurl';
  /** Tries before a stream that does not load (yet) is reported: the playlist may be seconds away. */
  const STREAM_TRIES = 30;

  function onReady(callback) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback);
    else callback();
  }

  function fill(text, params) {
    return String(text || '').replace(/\{(\w+)\}/g, (whole, name) =>
      name in params ? String(params[name]) : whole,
    );
  }

  /**
   * Fresh every time: a query string past any cache, and the browser's cache skipped too. A
   * request that hangs is given up, so one stalled connection cannot stop the page following.
   */
  function fetchJson(url) {
    const separator = url.includes('?') ? '&' : '?';
    const options = { cache: 'no-store', credentials: 'omit' };
    if (typeof AbortSignal !== 'undefined' && AbortSignal.timeout)
      options.signal = AbortSignal.timeout(POLL_MS * 2);
    return fetch(`${url}${separator}t=${Date.now()}`, options).then((response) => {
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
  }

  /** The same phases as live-view.ts: what the page shows for a manifest. */
  function phaseOf(manifest) {
    if (manifest.state === 'held') return 'held';
    if (manifest.state === 'ended') return manifest.replay ? 'replay' : 'waiting';
    if (manifest.state === 'live' && manifest.live) return 'live';
    return 'scheduled';
  }

  function loadHlsScript(src) {
    return new Promise((resolve, reject) => {
      if (window.Hls) return resolve(window.Hls);
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = () => resolve(window.Hls);
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function playQuietly(media) {
    const started = media.play();
    if (started && typeof started.catch === 'function') started.catch(() => {});
  }

  /** `2 timer 5 minutter`: the words for a span, seconds only in the last minutes. */
  function spanWords(totalSeconds, texts, withSeconds) {
    const units = [
      ['unitDay', Math.floor(totalSeconds / 86400)],
      ['unitHour', Math.floor((totalSeconds % 86400) / 3600)],
      ['unitMinute', Math.floor((totalSeconds % 3600) / 60)],
      ['unitSecond', withSeconds ? totalSeconds % 60 : 0],
    ];
    const parts = units
      .filter(([, count]) => count > 0)
      .map(([unit, count]) => fill(texts[`${unit}_${count === 1 ? 'one' : 'other'}`], { count }));
    return parts.length > 0 ? parts.join(' ') : fill(texts.unitSecond_other, { count: 0 });
  }

  /** `P1DT2H5M9S` for the countdown's `<time datetime>`. */
  function isoSpan(totalSeconds) {
    const days = Math.floor(totalSeconds / 86400);
    const hours = Math.floor((totalSeconds % 86400) / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    return `P${days ? `${days}D` : ''}T${hours}H${minutes}M${totalSeconds % 60}S`;
  }

  /** When the countdown is said aloud: each hour, then each ten minutes, then each minute. */
  function announceStep(seconds) {
    if (seconds > 3600) return `h${Math.ceil(seconds / 3600)}`;
    if (seconds > 600) return `t${Math.ceil(seconds / 600)}`;
    return `m${Math.ceil(seconds / 60)}`;
  }

  function setUpCountdown(root, texts) {
    const label = root.querySelector('[data-countdown-label]');
    const time = root.querySelector('[data-countdown]');
    const announce = root.querySelector('[data-countdown-announce]');
    let timer = null;
    let lastStep = null;
    let startsAt = null;
    function tick() {
      const seconds = Math.ceil((Date.parse(startsAt) - Date.now()) / 1000);
      if (!Number.isFinite(seconds) || !label || !time) return;
      if (seconds <= 0) {
        label.textContent = texts.countdownSoon;
        time.hidden = true;
        if (announce && lastStep !== 'soon') announce.textContent = texts.countdownSoon;
        lastStep = 'soon';
        return;
      }
      label.textContent = texts.countdownLabel;
      time.hidden = false;
      time.textContent = spanWords(seconds, texts, seconds < 3600);
      time.setAttribute('datetime', isoSpan(seconds));
      const step = announceStep(seconds);
      // Said on the first tick's change of step only, not every second.
      if (announce && lastStep !== null && step !== lastStep)
        announce.textContent = fill(texts.countdownAnnounce, { time: spanWords(seconds, texts, false) });
      lastStep = step;
    }
    return {
      run(at) {
        startsAt = at;
        if (timer === null) timer = setInterval(tick, 1000);
        tick();
      },
      stop() {
        if (timer !== null) clearInterval(timer);
        timer = null;
      },
    };
  }

  /** The question being answered, as text in the polite live region; nothing when there is none. */
  function setUpHighlight(root, texts, url) {
    const region = root.querySelector('[data-highlight-region]');
    let shown = null;
    function show(question) {
      const key = question ? `${question.id}\n${question.text}` : null;
      if (!region || key === shown) return;
      shown = key;
      region.replaceChildren();
      if (!question) return;
      const box = document.createElement('div');
      box.className = 'card live-highlight';
      const heading = document.createElement('h2');
      heading.textContent = texts.highlightHeading;
      const text = document.createElement('p');
      text.className = 'live-highlight__text';
      text.textContent = question.text;
      box.append(heading, text);
      region.append(box);
    }
    return {
      poll() {
        return fetchJson(url)
          .then((highlight) => show(highlight?.question ?? null))
          .catch(() => {}); // the next poll tries again
      },
      clear() {
        show(null);
      },
    };
  }

  /*
   * The player: hls.js where Media Source Extensions are, with a live configuration (three
   * segments behind the edge), the browser's own HLS where only that plays (iPhone). A playlist
   * that does not answer yet (the stream's first seconds, the closed playlist just being written)
   * is tried again every two seconds before the viewer is told.
   */
  function setUpPlayer(root, texts) {
    const box = root.querySelector('[data-live-player]');
    const media = box?.querySelector('video');
    const message = box?.querySelector('[data-player-message]');
    const hlsSrc = root.getAttribute('data-hls-src');
    let hls = null;
    let current = null;
    let tries = 0;
    let retry = null;
    let wantsPlay = false;

    if (media) {
      media.addEventListener('play', () => {
        wantsPlay = true;
      });
      media.addEventListener('pause', () => {
        if (!media.ended) wantsPlay = false;
      });
    }

    function report(text) {
      if (!message) return;
      message.querySelector('[data-player-message-text]').textContent = text;
      message.hidden = false;
    }

    function detach() {
      if (retry !== null) clearTimeout(retry);
      retry = null;
      if (hls) hls.destroy();
      hls = null;
      if (media?.getAttribute('src')) {
        media.removeAttribute('src');
        media.load();
      }
    }

    // After many tries the viewer is told, and it goes on trying, less often.
    function again() {
      detach();
      tries += 1;
      if (tries === STREAM_TRIES) report(texts.liveError);
      retry = setTimeout(() => attach(current), tries >= STREAM_TRIES ? POLL_MS * 5 : POLL_MS);
    }

    function attachHlsJs(Hls, source) {
      if (!Hls?.isSupported()) return report(texts.liveUnsupported);
      hls = new Hls({
        liveSyncDurationCount: 3,
        // A viewer who starts behind the target (a slow start, a stall) catches up by playing a
        // tenth faster, instead of staying seconds further behind for the rest of the broadcast.
        maxLiveSyncPlaybackRate: 1.1,
        capLevelToPlayerSize: true,
        startLevel: -1,
        startPosition: source.fromStart ? 0 : -1,
      });
      let recovered = false;
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recovered) {
          recovered = true;
          hls.recoverMediaError();
          return;
        }
        again();
      });
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        tries = 0;
        if (message) message.hidden = true;
        if (wantsPlay) playQuietly(media);
      });
      hls.loadSource(source.url);
      hls.attachMedia(media);
    }

    function attachNative(source) {
      const onError = () => again();
      media.addEventListener('error', onError, { once: true });
      media.addEventListener(
        'loadedmetadata',
        () => {
          media.removeEventListener('error', onError);
          tries = 0;
          if (message) message.hidden = true;
          if (source.fromStart) media.currentTime = 0;
          if (wantsPlay) playQuietly(media);
        },
        { once: true },
      );
      media.src = source.url;
    }

    function attach(source) {
      if (!media || !source || current !== source) return;
      if (window.MediaSource) {
        loadHlsScript(hlsSrc).then(
          (Hls) => current === source && attachHlsJs(Hls, source),
          () => (media.canPlayType(HLS_TYPE) ? attachNative(source) : report(texts.liveError)),
        );
      } else if (media.canPlayType(HLS_TYPE)) attachNative(source);
      else report(texts.liveUnsupported);
    }

    return {
      media,
      hls: () => hls,
      /** Plays `url` (null: nothing); a replay starts from the beginning. */
      play(url, fromStart) {
        if (current && url && current.url === url) return;
        const wasPlaying = media && !media.paused && !media.ended;
        detach();
        tries = 0;
        if (message) message.hidden = true;
        current = url ? { url, fromStart } : null;
        if (!current) return;
        if (wasPlaying) wantsPlay = true;
        attach(current);
      },
    };
  }

  /** The live edge: the end of what can be seeked to (the newest segment). */
  function liveEdge(media) {
    const ranges = media.seekable;
    return ranges && ranges.length > 0 ? ranges.end(ranges.length - 1) : Number.NaN;
  }

  /** "12 s bak direkte" and "Gå til direkte", which seeks to hls.js's live position (or near the edge). */
  function setUpPosition(root, texts, player) {
    const behind = root.querySelector('[data-behind-live]');
    const jump = root.querySelector('[data-jump-live]');
    const media = player.media;
    let timer = null;
    function targetLatency() {
      const hls = player.hls();
      return hls && Number.isFinite(hls.targetLatency) ? hls.targetLatency : 6;
    }
    function syncPosition() {
      const hls = player.hls();
      if (hls && Number.isFinite(hls.liveSyncPosition)) return hls.liveSyncPosition;
      return liveEdge(media) - targetLatency();
    }
    function tick() {
      if (!media || !behind) return;
      const edge = liveEdge(media);
      if (!Number.isFinite(edge) || media.readyState < 1) {
        behind.textContent = '';
        if (jump) jump.hidden = true;
        return;
      }
      const seconds = Math.max(0, Math.round(edge - media.currentTime));
      behind.textContent = fill(texts.behindLive, { seconds });
      // At the edge is where hls.js holds the player: its target latency, plus a segment.
      if (jump) jump.hidden = seconds <= targetLatency() + 2;
    }
    if (jump && media)
      jump.addEventListener('click', () => {
        const to = syncPosition();
        if (Number.isFinite(to)) media.currentTime = to;
        playQuietly(media);
        media.focus();
      });
    return {
      run() {
        if (timer === null) timer = setInterval(tick, 1000);
        tick();
      },
      stop() {
        if (timer !== null) clearInterval(timer);
        timer = null;
        if (behind) behind.textContent = '';
        if (jump) jump.hidden = true;
      },
    };
  }

  function setUpLive(root) {
    const texts = JSON.parse(root.getAttribute('data-messages') || '{}');
    const base = new URL(root.getAttribute('data-base'), document.baseURI);
    const announce = root.querySelector('[data-live-announce]');
    const countdown = setUpCountdown(root, texts);
    const highlight = setUpHighlight(root, texts, root.getAttribute('data-highlight'));
    const player = setUpPlayer(root, texts);
    const position = setUpPosition(root, texts, player);
    const said = { live: 'nowLive', replay: 'endedReplay', waiting: 'endedWaiting', held: 'heldNotice' };
    let phase = null;

    function apply(manifest) {
      const next = phaseOf(manifest);
      for (const part of root.querySelectorAll('[data-live-when]'))
        part.hidden = !part.getAttribute('data-live-when').split(' ').includes(next);
      root.setAttribute('data-state', next);
      if (next === 'scheduled') countdown.run(manifest.startsAt);
      else countdown.stop();
      if (next === 'live') player.play(new URL(manifest.live, base).href, false);
      else if (next === 'replay') player.play(new URL(manifest.replay, base).href, true);
      else player.play(null, false);
      if (next === 'live') position.run();
      else position.stop();
      if (next !== 'scheduled' && next !== 'live') highlight.clear();
      if (phase !== null && next !== phase && announce && said[next])
        announce.textContent = texts[said[next]];
      phase = next;
    }

    function poll() {
      const asks = [
        fetchJson(root.getAttribute('data-manifest'))
          .then((manifest) => {
            if (manifest) apply(manifest);
          })
          .catch(() => {}), // the next poll tries again; the page keeps what it shows
      ];
      if (phase === 'scheduled' || phase === 'live') asks.push(highlight.poll());
      Promise.all(asks).finally(() => setTimeout(poll, POLL_MS));
    }

    apply(JSON.parse(root.getAttribute('data-initial') || '{}'));
    poll();
  }

  onReady(() => {
    for (const root of document.querySelectorAll('[data-live]')) setUpLive(root);
  });
})();
