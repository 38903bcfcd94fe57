// The Models page (#/models): a placeholder until its module is written.

import { el } from '../dom.js';

export async function render(root) {
  root.appendChild(el('section', { class: 'page' },
    el('h1', {}, 'Models'),
    el('p', { class: 'muted' }, 'Coming soon.')));
}
