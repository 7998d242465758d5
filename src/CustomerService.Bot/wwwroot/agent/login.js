// Sign-in for the agent console: fetch an antiforgery token, post the credentials as JSON, then go to the page.
'use strict';

(function () {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  const submit = document.getElementById('login-submit');

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  // Only same-site paths under /agent are followed after sign-in, so a crafted link cannot bounce elsewhere.
  function returnTarget() {
    const value = new URLSearchParams(window.location.search).get('returnUrl') || '';
    return /^\/agent(\/[A-Za-z0-9._~%|:@-]*)*$/.test(value) && !value.startsWith('/agent/login') ? value : '/agent';
  }

  async function problemText(response, fallback) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || fallback;
    } catch {
      return fallback;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const userName = form.username.value.trim();
    const password = form.password.value;
    if (!userName || !password) {
      showError('Enter your user name and password.');
      return;
    }

    submit.disabled = true;
    try {
      const tokenResponse = await fetch('/api/agent/antiforgery', { credentials: 'same-origin', cache: 'no-store' });
      if (!tokenResponse.ok) {
        showError('The server is not reachable. Try again.');
        return;
      }

      const antiforgery = await tokenResponse.json();
      const response = await fetch('/api/agent/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', [antiforgery.headerName]: antiforgery.token },
        body: JSON.stringify({ userName, password }),
      });
      if (response.ok) {
        window.location.assign(returnTarget());
        return;
      }

      form.password.value = '';
      showError(await problemText(response, 'Sign-in failed.'));
    } catch {
      showError('The server is not reachable. Try again.');
    } finally {
      submit.disabled = false;
    }
  });
})();
