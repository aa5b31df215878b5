/*
 * The search page's script: an ES module served as assets/search.js. It loads the site's one
 * index (search-index.json, same origin, no cookies), searches it in the browser with
 * search-core.js (the code the worker built the index with) and lists the recordings that hold
 * every word, each moment a link that plays the replay from there (`index.html?t=<seconds>`).
 * The query is kept in the address (`?q=`) so a search can be shared and reloaded.
 */
import { highlightParts, openSearchIndex, searchIndex } from './search-core.js';

const DEBOUNCE_MS = 250;

function formatClock(totalSeconds) {
  const whole = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

function isoDuration(totalSeconds) {
  const whole = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

function element(name, attributes = {}, children = []) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function setUpSearch(form) {
  const input = form.querySelector('input[type="search"]');
  const status = document.querySelector('[data-search-status]');
  const section = document.querySelector('[data-search-results-section]');
  const list = document.querySelector('[data-search-results]');
  if (!input || !status || !section || !list) return;
  const message = (name) => form.getAttribute(`data-msg-${name}`) || '';
  const locale = form.getAttribute('data-locale') || '';
  const replayBase = form.getAttribute('data-replay-base') || '';
  let opened = null;
  let loading = null;
  let timer = 0;

  function load() {
    if (!loading) {
      status.textContent = message('loading');
      loading = fetch(form.getAttribute('data-index'), { credentials: 'omit' })
        .then((response) => {
          if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
          return response.json();
        })
        .then((index) => {
          opened = openSearchIndex(index);
          status.textContent = '';
          return opened;
        });
      loading.catch(() => {
        status.textContent = message('failed');
      });
    }
    return loading;
  }

  function momentLink(replay, moment, terms) {
    const at = moment.seconds > 0 ? `?t=${moment.seconds}` : '';
    const href = `${replayBase}${encodeURIComponent(replay.id)}/index.html${at}`;
    const text = element('span', replay.lang !== locale ? { lang: replay.lang } : {});
    for (const part of highlightParts(moment.text, terms)) {
      text.append(part.match ? element('mark', {}, [part.text]) : part.text);
    }
    const kind = element('span', { class: 'search-hit__kind' }, [message(`kind-${moment.kind}`)]);
    const time = element('time', { class: 'search-hit__time', datetime: isoDuration(moment.seconds) }, [
      formatClock(moment.seconds),
    ]);
    return element('li', { class: 'search-hit' }, [
      element('a', { href, 'data-seconds': String(moment.seconds) }, [time, ' ', kind, ' ', text]),
    ]);
  }

  function resultItem(result, terms) {
    const { replay } = result;
    const title = element('h3', { class: 'search-result__title' }, [
      element('a', { href: `${replayBase}${encodeURIComponent(replay.id)}/index.html` }, [replay.title]),
    ]);
    if (replay.lang !== locale) title.setAttribute('lang', replay.lang);
    const meta = [replay.org, replay.date ? replay.date.slice(0, 10) : ''].filter(Boolean).join(' · ');
    const countKey = result.count === 1 ? 'moments-one' : 'moments-other';
    const facts = element('p', { class: 'search-result__meta' }, [
      meta ? `${meta} · ` : '',
      fill(message(countKey), { count: result.count }),
    ]);
    const moments = element(
      'ul',
      { class: 'search-result__moments' },
      result.moments.map((moment) => momentLink(replay, moment, terms)),
    );
    return element('li', { class: 'search-result' }, [title, facts, moments]);
  }

  function show(query) {
    const trimmed = query.trim();
    list.replaceChildren();
    section.hidden = true;
    if (!trimmed) {
      status.textContent = '';
      return;
    }
    const answer = searchIndex(opened, trimmed);
    if (answer.terms.length === 0) {
      status.textContent = message('empty');
      return;
    }
    if (answer.total === 0) {
      status.textContent = fill(message('none'), { query: trimmed });
      return;
    }
    list.replaceChildren(...answer.results.map((result) => resultItem(result, answer.terms)));
    section.hidden = false;
    status.textContent = fill(message(answer.total === 1 ? 'count-one' : 'count-other'), {
      count: answer.total,
      query: trimmed,
    });
  }

  function run(query) {
    const url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set('q', query.trim());
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    load().then(
      () => show(query),
      () => {},
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    run(input.value);
  });
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => run(input.value), DEBOUNCE_MS);
  });
  input.addEventListener('focus', () => {
    load().catch(() => {});
  });
  const initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    run(initial);
  }
  form.setAttribute('data-search-ready', 'true');
}

for (const form of document.querySelectorAll('[data-search]')) setUpSearch(form);
