// The Data page (#/data): the import history from GET /api/v1/imports, each import's cleaning report
// (fixed, flagged, dropped) behind a disclosure, and from GET /api/v1/data/profile the deal size and
// account health distributions and a heatmap of the correlations between the numeric fields.

import { getJson } from '../api.js';
import { renderChart } from '../charts.js';
import { el } from '../dom.js';
import { formatNumber } from '../format.js';
import { renderHeatmap } from '../heatmap.js';
import { renderTable } from '../table.js';

let charts = [];

//! The cleaning report of one import: files, cleaning applied, problems, warnings, outliers.
function reportBody(entry) {
  const body = el('div', { class: 'import-report' });
  renderTable(body, {
    name: 'files',
    columns: ['file', 'rows_read', 'rows_kept', 'rows_dropped', 'sha256'],
    rows: (entry.files || []).map((f) => [f.name, f.rows_read, f.rows_kept, f.rows_dropped, f.sha256]),
  }, { caption: 'Files' });
  const report = entry.report;
  if (!report) {
    body.appendChild(el('p', { class: 'error' }, entry.report_note || 'No cleaning report.'));
    return body;
  }
  const cleaning = report.cleaning || [];
  if (cleaning.length) {
    renderTable(body, {
      name: 'cleaning',
      columns: ['kind', 'file', 'field', 'from', 'to', 'count'],
      rows: cleaning.map((c) => [c.kind, c.file, c.field, c.from, c.to, c.count]),
    }, { caption: 'Cleaning applied (outliers are flagged, never altered)', exportable: true });
  } else {
    body.appendChild(el('p', { class: 'muted' }, 'Nothing needed cleaning.'));
  }
  const problems = report.problems || [];
  if (problems.length) {
    renderTable(body, {
      name: 'problems',
      columns: ['file', 'line', 'field', 'message', 'dropped'],
      rows: problems.map((p) => [p.file, p.line, p.field, p.message, p.dropped ? 'dropped' : 'kept']),
    }, { caption: 'Row problems' });
    if (report.problems_not_listed) {
      body.appendChild(el('p', { class: 'panel-note' }, `${formatNumber(report.problems_not_listed)} more not listed.`));
    }
  }
  const outliers = report.outliers || [];
  if (outliers.length) {
    renderTable(body, {
      name: 'outliers',
      columns: ['file', 'line', 'field', 'record', 'group', 'observed', 'low_fence', 'high_fence'],
      rows: outliers.map((o) => [o.file, o.line, o.field, o.record, o.group, o.value, o.low_fence, o.high_fence]),
    }, { caption: `Outliers flagged (${formatNumber(report.outliers_total)} in all)` });
  }
  if ((report.warnings || []).length) {
    body.appendChild(el('h4', {}, 'Warnings'));
    body.appendChild(el('ul', {}, report.warnings.map((w) => el('li', {}, w))));
  }
  return body;
}

//! One import as an expandable row: when, from where, and what its cleaning did.
function importRow(entry) {
  const counts = entry.report
    ? `${formatNumber(entry.fixed)} fixed · ${formatNumber(entry.flagged)} flagged · `
      + `${formatNumber(entry.dropped)} rows dropped`
    : `${formatNumber(entry.dropped)} rows dropped`;
  return el('details', { class: 'card import-row', 'data-testid': 'import-row' },
    el('summary', {},
      el('strong', {}, `Import ${entry.id}`), ' ',
      el('span', {}, entry.finished_at || entry.started_at || ''), ' ',
      el('span', { class: 'muted' }, `from ${entry.source}`), ' — ',
      el('span', {}, counts)),
    reportBody(entry));
}

//! The import history section.
async function drawImports(section) {
  const body = await getJson('/api/v1/imports');
  const imports = body.imports || [];
  if (!imports.length) {
    section.appendChild(el('p', { class: 'muted' }, 'No import is recorded in the store.'));
    return;
  }
  for (const entry of imports) section.appendChild(importRow(entry));
}

//! The distributions and the heatmap.
async function drawProfile(section) {
  const profile = await getJson('/api/v1/data/profile');
  const grid = el('div', { class: 'dashboard-grid' });
  section.appendChild(grid);
  for (const spec of [profile.deal_size, profile.health]) {
    const card = el('div', { class: 'card' });
    grid.appendChild(card);
    charts.push(renderChart(card, spec, { testid: 'distribution-chart' }));
  }
  const heat = el('div', { class: 'card wide' }, el('h2', {}, 'Correlations of the numeric fields'));
  grid.appendChild(heat);
  renderHeatmap(heat, profile.correlation, { testid: 'correlation-heatmap' });
  if (profile.correlation.rows) heat.appendChild(el('p', { class: 'panel-note' }, `Rows: ${profile.correlation.rows}.`));
  for (const note of profile.notes || []) heat.appendChild(el('p', { class: 'panel-note' }, note));
}

//! Runs `draw` into `section`, showing its error there instead of failing the page.
async function guarded(section, draw) {
  try {
    await draw(section);
  } catch (error) {
    section.appendChild(el('p', { class: 'error', role: 'alert' }, `Not available: ${error.message}`));
  }
}

export async function render(root) {
  for (const chart of charts) chart.destroy();
  charts = [];
  const history = el('section', { class: 'imports', 'aria-label': 'Import history' }, el('h2', {}, 'Import history'));
  const profile = el('section', { class: 'profile', 'aria-label': 'Data profile' }, el('h2', {}, 'Distributions'));
  root.appendChild(el('section', { class: 'page data-page' }, el('h1', {}, 'Data'), history, profile));
  await Promise.all([guarded(history, drawImports), guarded(profile, drawProfile)]);
}
