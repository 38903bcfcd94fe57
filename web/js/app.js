// The entry point: finds out who is signed in, then starts the router. Whenever the API answers 401
// (a session expired), the sign-in form comes back and the page is drawn again after it.

import { el, clear } from './dom.js';
import { refresh, startRouter } from './router.js';
import { loadSession, showSignIn } from './session.js';

const main = document.getElementById('main');
let signingIn = false;

window.addEventListener('crm:signin-required', async () => {
  if (signingIn) return;
  signingIn = true;
  await showSignIn();
  signingIn = false;
  refresh();
});

try {
  signingIn = true;
  await loadSession();
  signingIn = false;
  await startRouter(main);
} catch (error) {
  clear(main).appendChild(el('p', { class: 'error', role: 'alert' }, `The app cannot start: ${error.message}`));
}
