// The Chat page (#/chat): a placeholder until its module is written.

import { el } from '../dom.js';

export async function render(root) {
  root.appendChild(el('section', { class: 'page' },
    el('h1', {}, 'Chat'),
    el('p', { class: 'muted' }, 'Coming soon.')));
}
