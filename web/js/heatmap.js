// A correlation heatmap drawn as a CSS grid: one cell per pair of fields, coloured by r (blue negative,
// red positive), its value as text and n in the cell's title. Field names and values are set as text only.
//
//   renderHeatmap(container, {fields, matrix, n, descriptions}, {testid}) → the grid appended to container
//     matrix[i][j]: r in -1..1 or null (not enough rows); n[i][j]: rows with both values

import { el } from './dom.js';
import { humanize } from './format.js';

//! The background colour of r: white at 0, red towards +1, blue towards -1, grey when missing.
function colour(r) {
  if (r === null || r === undefined) return '#eceff3';
  const strength = Math.min(1, Math.abs(r));
  const [red, green, blue] = r >= 0 ? [214, 69, 93] : [47, 111, 222];
  const mix = (channel) => Math.round(255 + (channel - 255) * strength);
  return `rgb(${mix(red)}, ${mix(green)}, ${mix(blue)})`;
}

export function renderHeatmap(container, correlation, { testid } = {}) {
  const fields = correlation.fields || [];
  const descriptions = correlation.descriptions || {};
  const grid = el('div', {
    class: 'heatmap', role: 'table', 'aria-label': 'Correlations of the numeric fields', 'data-testid': testid,
  });
  grid.style.setProperty('--heatmap-columns', String(fields.length));
  const header = el('div', { class: 'heatmap-row', role: 'row' }, el('span', { class: 'heatmap-corner', role: 'columnheader' }));
  for (const field of fields) {
    header.appendChild(el('span', { class: 'heatmap-head', role: 'columnheader', title: descriptions[field] || '' },
      humanize(field)));
  }
  grid.appendChild(header);
  fields.forEach((field, i) => {
    const row = el('div', { class: 'heatmap-row', role: 'row' },
      el('span', { class: 'heatmap-head heatmap-side', role: 'rowheader', title: descriptions[field] || '' },
        humanize(field)));
    fields.forEach((other, j) => {
      const r = correlation.matrix[i][j];
      const n = correlation.n[i][j];
      const text = r === null || r === undefined ? '–' : r.toFixed(2);
      const cell = el('span', {
        class: 'heatmap-cell', role: 'cell',
        title: `${humanize(field)} × ${humanize(other)}: r = ${text}, n = ${n}`,
      }, text);
      cell.style.backgroundColor = colour(r);
      if (r !== null && Math.abs(r) > 0.6) cell.classList.add('strong');
      row.appendChild(cell);
    });
    grid.appendChild(row);
  });
  container.appendChild(grid);
  return grid;
}
