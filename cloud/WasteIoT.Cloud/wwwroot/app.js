// The dashboard shell: session, API calls with the anti-forgery token, navigation by role, hash routes.
const App = (() => {
  let session = null;
  const pages = {};
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const api = async (path, options = {}) => {
    const headers = { ...(options.headers || {}) };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (session && options.method && options.method !== 'GET') headers['X-XSRF-TOKEN'] = session.antiforgeryToken;
    const r = await fetch(path, { ...options, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    if (r.status === 401) { location.href = '/login.html'; throw new Error('signed out'); }
    if (!r.ok) { const p = await r.json().catch(() => ({})); throw new Error(p.detail || p.title || r.statusText); }
    return r.status === 204 ? null : r.json();
  };
  const menus = {
    Bureau: ['overview', 'live', 'routes', 'bins', 'toilets', 'cases', 'scorecard'],
    Contractor: ['live', 'overview', 'routes', 'bins', 'toilets', 'cases', 'scorecard'],
    Crew: ['crew'],
  };
  const nav = () => {
    document.getElementById('nav').innerHTML = menus[session.account.role]
      .map(p => `<a href="#/${p}" data-page="${p}">${esc(I18n.t(p))}</a>`).join('');
    document.getElementById('who').textContent = session.account.display;
  };
  // Each navigation renders into its own container; a slower earlier render then fills a container no longer shown.
  let generation = 0;
  let leaving = [];
  const route = async () => {
    const token = ++generation;
    leaving.forEach(f => f());
    leaving = [];
    const [name, ...args] = (location.hash.replace(/^#\//, '') || menus[session.account.role][0]).split('/');
    document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
    const main = document.getElementById('page');
    const container = document.createElement('div');
    container.dataset.page = name;
    main.replaceChildren(container);
    const leave = f => { if (token === generation) leaving.push(f); else f(); };
    try { await (pages[name] || pages[menus[session.account.role][0]])(container, args.map(decodeURIComponent), leave); }
    catch (e) { container.innerHTML = `<p class="error">${esc(e.message)}</p>`; }
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
    await route();
  };
  document.addEventListener('DOMContentLoaded', start);
  return { api, esc, today, pages, get session() { return session; } };
})();
