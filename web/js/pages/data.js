// The Data page (#/data): a placeholder until its module is written.

import { el } from '../dom.js';

export async function render(root) {
  root.appendChild(el('section', { class: 'page' },
    el('h1', {}, 'Data'),
    el('p', { class: 'muted' }, 'Coming soon.')));
}
