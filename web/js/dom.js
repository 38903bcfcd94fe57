// Building DOM safely. Text is always set through text nodes (textContent), never innerHTML: data from
// the server cannot become markup here. The only producer of HTML from text is markdown.js.
//
//   el(tag, attrs, ...children) → Element
//     attrs: {class: 'a b', id, 'aria-label', 'data-testid', ...} set as attributes;
//            onclick/oninput/... (functions) become event listeners;
//            value, checked, disabled, selected, hidden are set as properties;
//            null, undefined and false values are skipped, true sets an empty attribute.
//     children: strings and numbers (as text), Nodes, arrays of them; null/undefined/false are skipped.
//   clear(node) → node, emptied.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'hidden']);

//! Appends children (text, nodes, nested arrays) to `parent`.
function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
}

//! A new element with attributes, listeners and children.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (PROPERTIES.has(name)) {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

//! Removes every child of `node`; returns it.
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}
