// The Models page (#/models): the card of every model from GET /api/v1/models — cross-validated metrics
// next to the majority baseline, the calibration curve, the confusion matrix at the decision threshold,
// feature importance, fairness by group, the time-based backtest — the forecast's own backtest, and the
// plain words on what the models can and cannot do.

import { getJson } from '../api.js';
import { renderChart } from '../charts.js';
import { el } from '../dom.js';
import { formatMoney, formatNumber, formatPercent, humanize } from '../format.js';
import { renderTable } from '../table.js';

let charts = [];

//! A figure for a definition list: its name and its value.
const figure = (name, value) => [el('dt', {}, name), el('dd', {}, value === '' ? '–' : value)];

//! The metrics next to the baseline, as a definition list.
function metricsList(card) {
  const m = card.metrics || {};
  const beats = typeof m.accuracy === 'number' && typeof m.baseline_accuracy === 'number'
    ? (m.accuracy > m.baseline_accuracy ? 'beats the baseline' : 'does not beat the baseline') : '';
  return el('dl', { class: 'figures' },
    figure('AUC', formatNumber(m.auc, 3)),
    figure('Accuracy', `${formatPercent(m.accuracy)}${beats ? ` (${beats})` : ''}`),
    figure('Majority baseline', formatPercent(m.baseline_accuracy)),
    figure('Log loss', formatNumber(m.log_loss, 3)),
    figure('Brier score', formatNumber(m.brier, 3)),
    figure('Precision / recall', `${formatPercent(m.precision)} / ${formatPercent(m.recall)}`),
    figure('Rows', formatNumber(m.n)),
    figure('Positive rate', formatPercent(m.positive_rate)));
}

//! The calibration curve as a line ChartSpec: mean predicted against actual rate per bin.
function calibrationSpec(card) {
  const bins = (card.calibration && card.calibration.bins) || [];
  return {
    id: `${card.name}_calibration`,
    type: 'line',
    title: `Calibration (expected error ${formatNumber(card.calibration && card.calibration.ece, 3)})`,
    unit: 'percent',
    x_label: 'predicted probability (bin)',
    y_label: 'share',
    labels: bins.map((bin) => `${Math.round(bin.low * 100)}–${Math.round(bin.high * 100)}%`),
    series: [
      { name: 'mean predicted', values: bins.map((bin) => bin.mean_predicted) },
      { name: 'actual rate', values: bins.map((bin) => bin.actual_rate) },
    ],
  };
}

//! The confusion matrix at the decision threshold as a 2 x 2 table.
function confusionMatrix(card) {
  const c = card.confusion || {};
  const threshold = card.metrics && card.metrics.threshold;
  const outcome = card.outcome || 'positive';
  const cell = (value, label) => el('td', { class: 'num', 'aria-label': label }, formatNumber(value));
  return el('div', { class: 'confusion' },
    el('table', { class: 'data-table', 'data-testid': 'confusion-matrix' },
      el('caption', {}, `Confusion matrix at threshold ${formatPercent(threshold, 0)}`),
      el('thead', {}, el('tr', {}, el('th', {}, ''),
        el('th', { scope: 'col' }, `predicted ${outcome}`), el('th', { scope: 'col' }, 'predicted not'))),
      el('tbody', {},
        el('tr', {}, el('th', { scope: 'row' }, `actually ${outcome}`),
          cell(c.tp, 'true positives'), cell(c.fn, 'false negatives')),
        el('tr', {}, el('th', { scope: 'row' }, 'actually not'),
          cell(c.fp, 'false positives'), cell(c.tn, 'true negatives')))));
}

//! Feature importance as a horizontal bar ChartSpec (share of the gain).
function importanceSpec(card) {
  const features = (card.importance || []).slice(0, 12);
  return {
    id: `${card.name}_importance`,
    type: 'horizontal_bar',
    title: 'Feature importance (share of gain)',
    unit: 'percent',
    x_label: 'share of gain',
    y_label: '',
    labels: features.map((f) => f.feature),
    series: [{ name: 'share of gain', values: features.map((f) => f.gain_share) }],
  };
}

//! The fairness tables, one per grouping, with the largest gap in words.
function fairnessBlock(card) {
  const block = el('div', { class: 'fairness' }, el('h3', {}, 'Fairness'));
  const fairness = card.fairness || {};
  const groups = Object.keys(fairness);
  if (!groups.length) {
    block.appendChild(el('p', { class: 'muted' }, 'Not recorded for this model (train it again to record it).'));
    return block;
  }
  for (const group of groups) {
    const rows = (fairness[group].groups || []).map((g) =>
      [g.name, g.n, g.auc, g.accuracy, g.mean_predicted, g.actual_rate]);
    renderTable(block, {
      name: `fairness_by_${group}`,
      columns: [group, 'n', 'auc', 'accuracy_rate', 'mean_predicted_rate', 'actual_rate'],
      rows,
    }, { caption: `By ${humanize(group).toLowerCase()}`, maxRows: 20 });
    const gap = fairness[group].largest_gap && fairness[group].largest_gap.accuracy;
    if (gap && gap.highest_group) {
      block.appendChild(el('p', { class: 'panel-note' },
        `Largest accuracy gap ${formatPercent(gap.gap)}: ${gap.highest_group} against ${gap.lowest_group}.`));
    }
    const note = fairness[group].largest_gap && fairness[group].largest_gap.note;
    if (note) block.appendChild(el('p', { class: 'panel-note' }, note));
  }
  return block;
}

//! The time-based backtest: one row per date, and the pooled figures.
function backtestBlock(card) {
  const block = el('div', { class: 'backtest' }, el('h3', {}, 'Time-based backtest'));
  const backtest = card.backtest;
  if (!backtest || !Array.isArray(backtest.points)) {
    const why = backtest && backtest.skipped ? backtest.skipped : 'Not recorded for this model (train it again).';
    block.appendChild(el('p', { class: 'muted' }, why));
    return block;
  }
  const rows = backtest.points.map((p) => (p.skipped
    ? [p.as_of, null, null, null, null, null, p.skipped]
    : [p.as_of, p.n_train, p.n_test, p.auc, p.accuracy, p.baseline_accuracy, '']));
  const pooled = backtest.pooled || {};
  rows.push(['all dates', null, backtest.n_test, pooled.auc, pooled.accuracy, pooled.baseline_accuracy, '']);
  renderTable(block, {
    name: `${card.name}_backtest`,
    columns: ['as_of', 'n_train', 'n_test', 'auc', 'accuracy_rate', 'baseline_rate', 'note'],
    rows,
  }, { caption: 'Trained on what was known at each date, scored on what was open then', maxRows: 20 });
  if (backtest.method) block.appendChild(el('p', { class: 'panel-note' }, backtest.method));
  return block;
}

//! One model's card.
function modelCard(card) {
  const article = el('article', { class: 'card model-card', 'data-testid': 'model-card', 'data-model': card.name },
    el('h2', {}, humanize(card.name)),
    el('p', { class: 'muted' }, `Predicts: ${card.outcome}.`));
  if (card.status !== 'trained') {
    article.appendChild(el('p', { class: 'notice' }, `${humanize(card.status)}: ${card.note || 'no model'}`));
    return article;
  }
  article.appendChild(el('p', { class: 'verdict' }, card.verdict));
  article.appendChild(el('p', { class: 'muted' },
    `${card.model_version}, trained ${card.created_at} on ${formatNumber(card.n_train)} rows known by `
    + `${card.known_by}; ${card.validation || ''}`));
  const grid = el('div', { class: 'model-grid' });
  article.appendChild(grid);
  grid.appendChild(el('div', {}, el('h3', {}, 'Cross-validated'), metricsList(card), confusionMatrix(card)));
  const calibration = el('div', { class: 'chart-cell' });
  grid.appendChild(calibration);
  charts.push(renderChart(calibration, calibrationSpec(card), { testid: 'calibration-chart' }));
  const importance = el('div', { class: 'chart-cell' });
  grid.appendChild(importance);
  charts.push(renderChart(importance, importanceSpec(card), { testid: 'importance-chart' }));
  article.appendChild(backtestBlock(card));
  article.appendChild(fairnessBlock(card));
  return article;
}

//! How the revenue forecast did on its own backtest.
function forecastCard(forecast) {
  const article = el('article', { class: 'card', 'data-testid': 'forecast-accuracy' }, el('h2', {}, 'Revenue forecast'));
  if (!forecast) {
    article.appendChild(el('p', { class: 'muted' }, 'No backtest: the data has too little history.'));
    return article;
  }
  article.appendChild(el('dl', { class: 'figures' },
    figure('Backtest quarter', forecast.quarter || ''),
    figure('Projected', formatMoney(forecast.projected)),
    figure('Actual won', formatMoney(forecast.actual)),
    figure('Error', formatPercent(forecast.error_rate))));
  for (const [name, how] of Object.entries(forecast.definitions || {})) {
    article.appendChild(el('p', { class: 'panel-note' }, `${humanize(name)}: ${how}`));
  }
  return article;
}

export async function render(root) {
  for (const chart of charts) chart.destroy();
  charts = [];
  const page = el('section', { class: 'page models-page' }, el('h1', {}, 'Models'),
    el('p', { class: 'muted' }, 'Loading…'));
  root.appendChild(page);
  const body = await getJson('/api/v1/models');
  page.lastChild.remove();
  page.appendChild(el('div', { class: 'card honest' },
    el('h2', {}, 'What the models can and cannot do'),
    el('ul', {}, (body.limits || []).map((text) => el('li', {}, text))),
    el('ul', { class: 'muted' }, (body.notes || []).map((text) => el('li', {}, text)))));
  for (const card of body.models || []) page.appendChild(modelCard(card));
  page.appendChild(forecastCard(body.forecast));
}
