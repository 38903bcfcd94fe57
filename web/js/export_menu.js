// The export menu of a table or an answer: CSV, XLSX, JSON, Markdown, made by the server.
//
//   exportMenu(source) → a <details> element with one button per format (data-testid export-<format>)
//     source: {insight: {type, filters, table}}  → GET /api/v1/insights/{type}/export?format=…&table=…
//             {title, markdown, tables[]}        → POST /api/v1/export {format, title, markdown, tables}

import { download, postDownload } from './api.js';
import { el } from './dom.js';
import { showToast } from './toast.js';

const FORMATS = [
  { format: 'csv', label: 'CSV', extension: 'csv' },
  { format: 'xlsx', label: 'Excel (XLSX)', extension: 'xlsx' },
  { format: 'json', label: 'JSON', extension: 'json' },
  { format: 'md', label: 'Markdown', extension: 'md' },
];

//! A file name from a title.
function fileName(title, extension) {
  const base = String(title || 'export').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${base || 'export'}.${extension}`;
}

//! Downloads `source` in `format`.
async function exportAs(source, { format, extension }) {
  if (source.insight) {
    const { type, filters = {}, table } = source.insight;
    const query = new URLSearchParams({ ...filters, format, ...(table ? { table } : {}) });
    await download(`/api/v1/insights/${encodeURIComponent(type)}/export?${query}`,
      fileName(table || type, extension));
    return;
  }
  await postDownload('/api/v1/export',
    { format, title: source.title || '', markdown: source.markdown || '', tables: source.tables || [] },
    fileName(source.title, extension));
}

export function exportMenu(source) {
  const buttons = FORMATS.map((entry) => el('button', {
    type: 'button',
    class: 'menu-item',
    'data-testid': `export-${entry.format}`,
    onclick: async (event) => {
      event.currentTarget.closest('details').open = false;
      try {
        await exportAs(source, entry);
      } catch (error) {
        showToast(`Export failed: ${error.message}`, true);
      }
    },
  }, entry.label));
  return el('details', { class: 'export-menu' },
    el('summary', { class: 'button small', 'aria-label': 'Export' }, 'Export'),
    el('div', { class: 'menu', role: 'group', 'aria-label': 'Export formats' }, buttons));
}
