// Tables of the API's shape {name, columns[], rows[][]}: numbers formatted by column name and right
// aligned, missing cells left empty, headers that sort on click (or Enter), long tables shown in pages.
//
//   renderTable(container, table, {exportable, caption, maxRows}) → the <table> appended to container
//     exportable: false | true (POST /api/v1/export of this table) | {type, filters} (the insight's export)
//     caption: shown above (default: the table's name in words); maxRows: rows shown before "Show all"

import { clear, el } from './dom.js';
import { exportMenu } from './export_menu.js';
import { formatCell, humanize } from './format.js';

//! Characters beyond which a text cell is folded to two lines.
const LONG_TEXT = 90;
const missing = (value) => value === null || value === undefined || value === '';

//! Compares two cells: missing last, numbers numerically, text alphabetically.
function compareCells(a, b) {
  if (missing(a) || missing(b)) return missing(a) - missing(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

//! The export source of a table.
function exportSource(table, exportable) {
  if (exportable === true) return { title: humanize(table.name), tables: [table] };
  return { insight: { type: exportable.type, filters: exportable.filters || {}, table: table.name } };
}

export function renderTable(container, table, { exportable = false, caption, maxRows = 50 } = {}) {
  const columns = table.columns || [];
  const numeric = columns.map((_, c) => (table.rows || []).some((row) => typeof row[c] === 'number'));
  let rows = (table.rows || []).slice();
  let sorted = { column: -1, ascending: true };
  let showAll = rows.length <= maxRows;

  const body = el('tbody');
  const more = el('button', { type: 'button', class: 'button small' });
  const headers = columns.map((column, c) => el('th', { scope: 'col', 'aria-sort': 'none' },
    el('button', { type: 'button', class: 'sort', onclick: () => sortBy(c) }, humanize(column))));

  //! A cell; long text shows two lines until hovered or focused (tab to it), so rows stay short.
  function cell(text, isNumber) {
    if (isNumber || String(text).length <= LONG_TEXT) return el('td', { class: isNumber ? 'num' : null }, text);
    return el('td', { class: 'long', tabindex: '0', title: text }, el('span', {}, text));
  }

  function draw() {
    clear(body);
    const shown = showAll ? rows : rows.slice(0, maxRows);
    for (const row of shown) {
      body.appendChild(el('tr', {}, columns.map((column, c) => cell(formatCell(row[c], column), numeric[c]))));
    }
    more.hidden = showAll;
    more.textContent = `Show all ${rows.length} rows`;
  }

  function sortBy(c) {
    const ascending = sorted.column === c ? !sorted.ascending : !numeric[c];
    sorted = { column: c, ascending };
    rows.sort((a, b) => (ascending ? 1 : -1) * compareCells(a[c], b[c]));
    headers.forEach((th, i) => th.setAttribute('aria-sort',
      i === c ? (ascending ? 'ascending' : 'descending') : 'none'));
    draw();
  }

  more.addEventListener('click', () => {
    showAll = true;
    draw();
  });

  const element = el('table', { class: 'data-table', 'data-testid': 'data-table', 'data-table-name': table.name },
    el('thead', {}, el('tr', {}, headers)), body);
  const header = el('div', { class: 'table-header' },
    el('h3', { class: 'table-caption' }, caption ?? humanize(table.name)),
    exportable ? exportMenu(exportSource(table, exportable)) : null);
  const wrapper = el('div', { class: 'table-block' }, header,
    rows.length === 0 ? el('p', { class: 'muted' }, 'No rows.') : el('div', { class: 'table-scroll' }, element),
    more);
  draw();
  container.appendChild(wrapper);
  return element;
}
