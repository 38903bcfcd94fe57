// Drawing the insight engine's chart specifications with Chart.js (vendor/chart.umd.js, window.Chart).
//
//   renderChart(container, spec, {testid}) → the Chart drawn in a new <figure> appended to container.
//     spec: {id, type, title, unit, x_label, y_label, labels[], series[{name, values[], low[]?, high[]?}]}
//       type: bar | horizontal_bar | stacked_bar | line | band | funnel | histogram
//       unit: USD | percent (values 0..1) | count | days | score
//     nulls are gaps; low/high are intervals: error bars on bars, a shaded band for `band` (and `line`).
//     The canvas gets data-chart-id = spec.id and data-testid = testid (when given).

import { el } from './dom.js';
import { formatUnit, humanize } from './format.js';

const COLORS = ['#2f6fde', '#e0803a', '#2e9e6b', '#b84fc4', '#d6455d', '#7a8794', '#c9a227', '#1ba3b5'];

//! A colour with an alpha channel.
function alpha(hex, a) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

//! Draws the low–high interval of every bar of datasets that carry `intervals` (the error bars).
const errorBars = {
  id: 'crmErrorBars',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const valueScale = horizontal ? chart.scales.x : chart.scales.y;
    chart.data.datasets.forEach((dataset, d) => {
      if (!dataset.intervals || !chart.isDatasetVisible(d)) return;
      const meta = chart.getDatasetMeta(d);
      ctx.save();
      ctx.strokeStyle = '#222';
      ctx.lineWidth = 1.5;
      meta.data.forEach((bar, i) => {
        const low = dataset.intervals.low[i];
        const high = dataset.intervals.high[i];
        if (low === null || low === undefined || high === null || high === undefined) return;
        const from = valueScale.getPixelForValue(low);
        const to = valueScale.getPixelForValue(high);
        const at = horizontal ? bar.y : bar.x;
        const cap = 4;
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(from, at); ctx.lineTo(to, at);
          ctx.moveTo(from, at - cap); ctx.lineTo(from, at + cap);
          ctx.moveTo(to, at - cap); ctx.lineTo(to, at + cap);
        } else {
          ctx.moveTo(at, from); ctx.lineTo(at, to);
          ctx.moveTo(at - cap, from); ctx.lineTo(at + cap, from);
          ctx.moveTo(at - cap, to); ctx.lineTo(at + cap, to);
        }
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

//! Whether the series has an interval.
const hasInterval = (series) => Array.isArray(series.low) && Array.isArray(series.high);

//! The Chart.js datasets of a bar-like chart.
function barDatasets(spec) {
  return spec.series.map((series, i) => ({
    label: series.name,
    data: series.values,
    backgroundColor: alpha(COLORS[i % COLORS.length], 0.8),
    borderColor: COLORS[i % COLORS.length],
    borderWidth: 1,
    intervals: hasInterval(series) ? { low: series.low, high: series.high } : null,
    ...(spec.type === 'histogram' ? { barPercentage: 1, categoryPercentage: 1 } : {}),
  }));
}

//! The Chart.js datasets of a line or band chart: each interval a shaded band under its line.
function lineDatasets(spec) {
  const datasets = [];
  spec.series.forEach((series, i) => {
    const color = COLORS[i % COLORS.length];
    if (hasInterval(series)) {
      datasets.push({
        label: `${series.name} (low)`, data: series.low, borderWidth: 0, pointRadius: 0,
        fill: false, interval: true,
      });
      datasets.push({
        label: `${series.name} (range)`, data: series.high, borderWidth: 0, pointRadius: 0,
        backgroundColor: alpha(color, 0.2), fill: '-1', interval: true,
      });
    }
    datasets.push({
      label: series.name, data: series.values, borderColor: color, backgroundColor: color,
      borderWidth: 2, pointRadius: 2, spanGaps: false, fill: false,
    });
  });
  return datasets;
}

//! The Chart.js configuration of a spec.
function chartConfig(spec) {
  const lineLike = spec.type === 'line' || spec.type === 'band';
  const horizontal = spec.type === 'horizontal_bar' || spec.type === 'funnel';
  const stacked = spec.type === 'stacked_bar';
  const format = (value) => formatUnit(value, spec.unit, { compact: true });
  // x_label names the categories and y_label the values, whichever way the bars run.
  const valueAxis = {
    beginAtZero: !lineLike,
    stacked,
    title: { display: Boolean(spec.y_label), text: humanize(spec.y_label || '') },
    ticks: { callback: format },
  };
  const categoryAxis = {
    stacked,
    title: { display: Boolean(spec.x_label), text: humanize(spec.x_label || '') },
    ticks: { autoSkip: !horizontal },
  };
  const seriesShown = spec.series.length;
  return {
    type: lineLike ? 'line' : 'bar',
    data: { labels: spec.labels, datasets: lineLike ? lineDatasets(spec) : barDatasets(spec) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      interaction: { mode: 'index', intersect: false },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: {
          display: seriesShown > 1 || lineLike,
          labels: { filter: (item, data) => !data.datasets[item.datasetIndex].interval },
        },
        tooltip: {
          callbacks: {
            label(context) {
              const dataset = context.dataset;
              const value = formatUnit(context.raw, spec.unit);
              const range = dataset.intervals
                ? ` (${formatUnit(dataset.intervals.low[context.dataIndex], spec.unit)} – ${formatUnit(
                  dataset.intervals.high[context.dataIndex], spec.unit)})`
                : '';
              return `${dataset.label}: ${value === '' ? 'no data' : value}${range}`;
            },
          },
        },
      },
    },
    plugins: [errorBars],
  };
}

export function renderChart(container, spec, { testid } = {}) {
  const canvas = el('canvas', {
    role: 'img',
    'aria-label': spec.title || spec.id,
    'data-chart-id': spec.id,
    'data-testid': testid,
  });
  const figure = el('figure', { class: 'chart' },
    el('figcaption', { class: 'chart-title' }, spec.title || spec.id),
    el('div', { class: 'chart-box' }, canvas));
  container.appendChild(figure);
  if (!window.Chart) {
    figure.appendChild(el('p', { class: 'error' }, 'The chart library did not load.'));
    return null;
  }
  return new window.Chart(canvas, chartConfig(spec));
}
