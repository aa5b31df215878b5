/*
 * The replay site's player script. Plain browser JavaScript with no build step, served as
 * assets/player.js. It chooses native HLS when the browser says it can play it and hls.js
 * otherwise, loading hls.js only when it is needed, and shows the page's own text (from data
 * attributes) when neither works. It also runs the "copy embed code" button.
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

  onReady(() => {
    for (const root of document.querySelectorAll('[data-player]')) setUpPlayer(root);
    for (const button of document.querySelectorAll('[data-copy-target]')) setUpCopyButton(button);
  });
})();
