// The sign-in form (a file of its own: the pages allow no inline script).
I18n.apply(document);
document.getElementById('lang').onclick = () => { I18n.toggle(); I18n.apply(document); };
document.getElementById('login').onsubmit = async e => {
  e.preventDefault();
  const form = new FormData(e.target);
  const r = await fetch('/api/account/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: form.get('name'), password: form.get('password') }) });
  if (r.ok) { location.href = '/'; return; }
  document.getElementById('error').textContent = I18n.t(r.status === 423 ? 'locked' : 'loginFailed');
};
