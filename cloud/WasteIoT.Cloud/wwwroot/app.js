// The dashboard shell: session, API calls with the anti-forgery token, navigation by role, hash routes.
const App = (() => {
  let session = null;
  let latest = null;
  let latestAt = 0;
  const pages = {};
  // Every time is shown in the county's zone, which the cloud gives with the session (Cloud:TimeZone).
  const zone = () => session?.timeZone ?? 'UTC';
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: zone() }).format(new Date());
  const time = iso => new Date(iso).toLocaleTimeString(I18n.lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: zone(), hour12: false });
  const dateTime = iso => new Date(iso).toLocaleString(I18n.lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: zone(), hour12: false });
  // The instant a local date begins in the county's zone: the zone's offset at that date, read from Intl.
  const midnight = date => {
    const guess = new Date(`${date}T00:00:00Z`);
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone(), timeZoneName: 'longOffset' }).formatToParts(guess).find(p => p.type === 'timeZoneName').value;
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(part);
    const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
    return new Date(guess.getTime() - offset * 60000);
  };
  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const api = async (path, options = {}) => {
    const headers = { ...(options.headers || {}) };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (session && options.method && options.method !== 'GET') headers['X-XSRF-TOKEN'] = session.antiforgeryToken;
    const r = await fetch(path, { ...options, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    if (r.status === 401) { location.href = '/login.html'; throw new Error('signed out'); }
    if (!r.ok) {
      // In the page's language: the status says what kind of refusal it is; the server's own words (English) only
      // when the page is in English.
      const p = await r.json().catch(() => ({}));
      const key = `error${r.status}`;
      const text = I18n.t(key) === key ? I18n.t('errorOther') : I18n.t(key);
      const error = new Error(I18n.lang === 'en' && p.detail ? `${text}: ${p.detail}` : text);
      error.status = r.status;
      error.detail = p.detail;
      throw error;
    }
    return r.status === 204 ? null : r.json();
  };
  const menus = {
    Bureau: ['overview', 'live', 'routes', 'bins', 'toilets', 'stations', 'roads', 'muck', 'cases', 'scorecard', 'health'],
    Contractor: ['live', 'overview', 'routes', 'bins', 'toilets', 'stations', 'roads', 'muck', 'cases', 'scorecard', 'health'],
    Crew: ['crew'],
  };
  // New cases since the page opened, as a badge on the menu (cleared on the cases page) and a short notice.
  let unseen = 0;
  const nav = () => {
    document.getElementById('nav').innerHTML = menus[session.account.role]
      .map(p => `<a href="#/${p}" data-page="${p}">${esc(I18n.t(p))}${p === 'cases' && unseen ? ` <span class="badge" data-testid="case-badge">${unseen}</span>` : ''}</a>`).join('');
    document.getElementById('who').textContent = session.account.display;
  };
  const listen = () => {
    if (!menus[session.account.role].includes('cases')) return;
    const source = new EventSource('/api/alerts');
    source.addEventListener('case', e => {
      const alert = JSON.parse(e.data);
      if (!location.hash.startsWith('#/cases')) unseen++;
      nav();
      document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', location.hash.startsWith(`#/${a.dataset.page}`)));
      const toast = document.createElement('div');
      toast.className = 'toast';
      toast.dataset.testid = 'alert-toast';
      toast.textContent = `${I18n.t('newCase')}: ${alert.title}`;
      document.body.append(toast);
      setTimeout(() => toast.remove(), 8000);
    });
  };
  // Each navigation renders into its own container; a slower earlier render then fills a container no longer shown.
  let generation = 0;
  let leaving = [];
  const route = async () => {
    const token = ++generation;
    leaving.forEach(f => f());
    leaving = [];
    const [name, ...args] = (location.hash.replace(/^#\//, '') || menus[session.account.role][0]).split('/');
    if (name === 'cases' && unseen) { unseen = 0; nav(); }
    document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
    // The day pages open on when the address names none: the latest day with data (a demo replays yesterday).
    // Asked at most once a minute, not on every navigation.
    if (!latest || Date.now() - latestAt > 60000) {
      latest = await fetch('/api/audit/latest').then(r => r.ok ? r.json() : null).catch(() => null);
      latestAt = Date.now();
      if (token !== generation) return;
    }

    const main = document.getElementById('page');
    const container = document.createElement('div');
    container.dataset.page = name;
    main.replaceChildren(container);
    const leave = f => { if (token === generation) leaving.push(f); else f(); };
    try { await (pages[name] || pages[menus[session.account.role][0]])(container, args.map(decodeURIComponent), leave); }
    catch (e) { container.innerHTML = `<p class="error">${esc(e.message)}</p>`; }
    // Rendered (or failed): what a reader, or a test, can wait for.
    container.dataset.ready = container.querySelector(':scope > .error') ? 'error' : 'true';
  };
  const start = async () => {
    const r = await fetch('/api/account/me');
    if (!r.ok) { location.href = '/login.html'; return; }
    session = await r.json();
    I18n.apply(document);
    nav();
    document.getElementById('lang').onclick = () => { I18n.toggle(); I18n.apply(document); nav(); route(); };
    document.getElementById('logout').onclick = async () => { await api('/api/account/logout', { method: 'POST' }); location.href = '/login.html'; };
    window.addEventListener('hashchange', route);
    listen();
    await route();
  };
  document.addEventListener('DOMContentLoaded', start);
  const latestDay = () => latest?.date ?? today();
  // The county-local date of an instant, for links from live data to their day.
  const dayOf = iso => new Intl.DateTimeFormat('en-CA', { timeZone: zone() }).format(new Date(iso));
  return { api, esc, today, latestDay, dayOf, time, dateTime, midnight, pages, get session() { return session; } };
})();
