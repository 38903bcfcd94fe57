// Markdown to safe HTML: raw HTML in the markdown is escaped to text, marked renders, DOMPurify sanitizes.
// The ONLY place in the UI where HTML is made from text; everything else uses textContent (dom.js).
//
//   renderMarkdown(container, text) → fills container with the sanitized HTML of `text` (links open in a
//                                     new tab without referrer)
//   markdownToHtml(text)            → the sanitized HTML string

import { marked } from '../vendor/marked.esm.js';
import DOMPurify from '../vendor/purify.es.mjs';

marked.setOptions({ gfm: true, breaks: false });

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const PURIFY = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'img', 'iframe', 'object', 'embed'],
  FORBID_ATTR: ['style'],
};

// Code (fenced blocks, spans whose opening backtick is not escaped) is left alone: marked escapes it.
const CODE = /(```[\s\S]*?(?:```|$)|(?<!\\)`[^`\n]*`)/;
// A `<` or `&` after an even number of backslashes is raw (an odd number already escapes it).
const RAW = /(\\*)([<&])/g;

//! `text` with every raw `<` and `&` outside code written as an entity, so that markup from the data
//! (an account named `<img src=x onerror=…>`) shows as text instead of being dropped by DOMPurify.
function escapeRawHtml(text) {
  return text.split(CODE).map((part, i) => (i % 2 ? part : part.replace(RAW, (match, slashes, c) => (
    slashes.length % 2 ? match : `${slashes}${c === '<' ? '&lt;' : '&amp;'}`)))).join('');
}

export function markdownToHtml(text) {
  return DOMPurify.sanitize(marked.parse(escapeRawHtml(String(text ?? ''))), PURIFY);
}

export function renderMarkdown(container, text) {
  container.innerHTML = markdownToHtml(text);
  for (const table of container.querySelectorAll('table')) {
    table.classList.add('md-table');
    const wrapper = document.createElement('div');
    wrapper.className = 'table-scroll';
    table.replaceWith(wrapper);
    wrapper.appendChild(table);
  }
  return container;
}
