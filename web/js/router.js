// The hash router: "#/chat", "#/dashboard?office=West", "#/account/Kan-code" → the page module
// js/pages/<page>.js, imported when first shown, whose render(root, params) draws into the main element.
//
//   startRouter(root)          → renders the current hash now and on every change
//   currentRoute()             → {page, args[], query: URLSearchParams} of the hash
//   navigate(page, args, query) → sets the hash (query: an object; empty values are left out)
//   refresh()                  → renders the current hash again (after sign-in)
//
// render(root, params) gets params = {args, query}; for #/account/NAME args[0] is NAME (decoded).

import { clear, el } from './dom.js';

const PAGES = ['chat', 'dashboard', 'models', 'data', 'account'];
const DEFAULT_PAGE = 'chat';
let root = null;
let generation = 0;

export function currentRoute() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  const page = PAGES.includes(parts[0]) ? parts[0] : DEFAULT_PAGE;
  return { page, args: parts.slice(1), query: new URLSearchParams(search) };
}

export function navigate(page, args = [], query = {}) {
  const entries = Object.entries(query).filter(([, value]) => value !== '' && value !== undefined && value !== null);
  const search = entries.length ? `?${new URLSearchParams(entries)}` : '';
  const path = [page, ...args.map(encodeURIComponent)].join('/');
  window.location.hash = `#/${path}${search}`;
}

//! Marks the nav link of `page` as the current one.
function markNav(page) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

//! Renders the page of the current hash; a newer navigation wins over a slower older one.
async function show() {
  const mine = ++generation;
  const { page, args, query } = currentRoute();
  markNav(page);
  document.title = `${page.charAt(0).toUpperCase()}${page.slice(1)} · crm-assistant`;
  try {
    const module = await import(`./pages/${page}.js`);
    if (mine !== generation) return;
    const target = clear(root);
    target.dataset.page = page;
    await module.render(target, { args, query });
  } catch (error) {
    if (mine !== generation) return;
    clear(root).appendChild(el('p', { class: 'error', role: 'alert' }, `This page failed: ${error.message}`));
  }
}

export function refresh() {
  return show();
}

export function startRouter(element) {
  root = element;
  window.addEventListener('hashchange', show);
  return show();
}
