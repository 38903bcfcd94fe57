// Who is signed in: GET /api/v1/session (404: this server has no sign-in, everyone is the local user;
// 401: sign-in needed), the sign-in form (POST /api/v1/session), the user and the sign-out button in the
// header (DELETE /api/v1/session).
//
//   loadSession()          → the session {user, role, sales_agent, manager, csrf_token}, or null when
//                            the server has no sign-in; shows the sign-in form and waits when needed
//   showSignIn()           → replaces the page with the sign-in form; resolves once signed in
//   currentSession()       → the last loaded session (or null)

import { ApiError, deleteJson, getJson, postJson, setCsrfToken } from './api.js';
import { clear, el } from './dom.js';

let session = null;

export function currentSession() {
  return session;
}

//! Shows the user and, when they signed in, the sign-out button in the header.
function showUser() {
  const box = clear(document.getElementById('user-box'));
  if (!session) return;
  box.append(
    el('span', { class: 'user-name', 'data-testid': 'current-user', title: session.role || '' }, session.user || ''));
  // The local admin (no users, loopback) never signed in: there is nothing to sign out of.
  if (session.local_admin) return;
  box.append(
    el('button', {
      type: 'button', class: 'button small', 'data-testid': 'signout',
      onclick: async () => {
        try {
          await deleteJson('/api/v1/session');
        } finally {
          session = null;
          setCsrfToken('');
          window.location.reload();
        }
      },
    }, 'Sign out'));
}

//! Remembers `value` as the session.
function adopt(value) {
  session = value;
  setCsrfToken(value && value.csrf_token);
  showUser();
  return session;
}

export function showSignIn() {
  const main = clear(document.getElementById('main'));
  return new Promise((resolve) => {
    const user = el('input', { id: 'signin-user', name: 'user', autocomplete: 'username', required: true,
      'data-testid': 'signin-user' });
    const password = el('input', { id: 'signin-password', name: 'password', type: 'password',
      autocomplete: 'current-password', required: true, 'data-testid': 'signin-password' });
    const message = el('p', { class: 'error', role: 'alert' });
    const form = el('form', { class: 'signin card', 'aria-labelledby': 'signin-title' },
      el('h1', { id: 'signin-title' }, 'Sign in'),
      el('label', { for: 'signin-user' }, 'User name'), user,
      el('label', { for: 'signin-password' }, 'Password'), password,
      message,
      el('button', { type: 'submit', class: 'button primary', 'data-testid': 'signin-submit' }, 'Sign in'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      message.textContent = '';
      try {
        const answer = await postJson('/api/v1/session', { user: user.value, password: password.value });
        resolve(adopt(answer));
      } catch (error) {
        message.textContent = error.message;
        password.value = '';
        password.focus();
      }
    });
    main.appendChild(form);
    user.focus();
  });
}

export async function loadSession() {
  try {
    return adopt(await getJson('/api/v1/session'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return adopt(null);
    if (error instanceof ApiError && error.status === 401) return showSignIn();
    throw error;
  }
}
