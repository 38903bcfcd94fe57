// The Dashboard page (#/dashboard?regional_office=West&period=2017): KPI tiles and the insight engine's
// charts and tables, every insight fetched in parallel with the filters of the URL hash (the names of the
// API's query parameters), each panel drawn as soon as its insight arrives. Filter choices come from
// GET /api/v1/filters.

import { getJson } from '../api.js';
import { renderChart } from '../charts.js';
import { clear, el } from '../dom.js';
import { formatUnit } from '../format.js';
import { navigate } from '../router.js';
import { renderTable } from '../table.js';

const FILTERS = [
  { name: 'regional_office', label: 'Office' },
  { name: 'manager', label: 'Manager' },
  { name: 'sales_agent', label: 'Sales agent' },
  { name: 'sector', label: 'Sector' },
  { name: 'product', label: 'Product' },
  { name: 'period', label: 'Period' },
];

const KPIS = [
  { type: 'pipeline_overview', metric: 'open_deals', label: 'Open deals', unit: 'count' },
  { type: 'pipeline_overview', metric: 'open_pipeline_value', label: 'Open pipeline (estimated)', unit: 'USD' },
  { type: 'pipeline_overview', metric: 'weighted_pipeline_value', label: 'Weighted pipeline', unit: 'USD' },
  { type: 'pipeline_overview', metric: 'won_revenue', label: 'Won revenue', unit: 'USD' },
  { type: 'pipeline_overview', metric: 'win_rate', label: 'Win rate', unit: 'percent' },
  { type: 'pipeline_overview', metric: 'average_won_deal', label: 'Average won deal', unit: 'USD' },
  { type: 'pipeline_overview', metric: 'sales_cycle_median_days', label: 'Median sales cycle', unit: 'days' },
  { type: 'forecast', metric: 'next_quarter_p50', label: 'Next quarter forecast (P50)', unit: 'USD' },
];

// Each chart: the insight (with extra query parameters) and the id of its chart specification.
const CHARTS = [
  { type: 'pipeline_overview', chart: 'pipeline_funnel' },
  { type: 'industry_trends', chart: 'won_revenue_by_quarter' },
  { type: 'conversion_analysis', extra: { by: 'product' }, chart: 'win_rate_by_product' },
  { type: 'forecast', chart: 'won_revenue_forecast' },
  { type: 'forecast', chart: 'simulated_range' },
  { type: 'top_opportunities', extra: { top: '100000' }, derive: dealSizeHistogram, chart: 'deal_size_distribution',
    note: 'Open deals by estimated value (the close value is only known once a deal is won); '
      + 'derived here from the top_opportunities table.' },
  { type: 'agent_performance', chart: 'won_revenue_by_agent', wide: true },
  { type: 'conversion_analysis', extra: { by: 'product' }, chart: 'win_rate_by_month' },
  { type: 'pipeline_overview', chart: 'value_by_stage' },
];

const TABLES = [
  { type: 'at_risk_deals', caption: 'At-risk deals' },
  { type: 'at_risk_accounts', caption: 'At-risk accounts' },
  { type: 'agent_performance', caption: 'Agent leaderboard' },
];

let charts = [];

//! A histogram ChartSpec of the open deals' estimated values in the top_opportunities table.
function dealSizeHistogram(insight) {
  const table = insight.tables.find((t) => t.name === 'top_opportunities');
  const column = table ? table.columns.indexOf('estimated_value') : -1;
  if (column < 0) throw new Error('the top_opportunities table has no estimated_value column');
  const values = table.rows.map((row) => row[column]).filter((v) => typeof v === 'number');
  if (values.length === 0) throw new Error('no open deals with an estimated value');
  // Bins up to the 95th percentile; the last one holds everything above, so a few outliers do not
  // squeeze the rest into one bar.
  const sorted = values.slice().sort((x, y) => x - y);
  const upper = sorted[Math.floor(0.95 * (sorted.length - 1))] || sorted[sorted.length - 1] || 1;
  const bins = Math.min(12, Math.max(2, Math.ceil(Math.sqrt(values.length))));
  const step = 10 ** Math.floor(Math.log10(upper / bins || 1));
  const width = Math.max(1, Math.ceil(upper / bins / step) * step);
  const counts = new Array(bins + 1).fill(0);
  for (const value of values) counts[Math.min(bins, Math.floor(value / width))] += 1;
  const money = (v) => formatUnit(v, 'USD', { compact: true });
  const labels = counts.map((_, i) => (i === bins ? `${money(i * width)}+` : `${money(i * width)}–${money((i + 1) * width)}`));
  return {
    id: 'deal_size_distribution',
    type: 'histogram',
    title: `Open deal size distribution (${values.length} deals)`,
    unit: 'count',
    x_label: 'estimated value',
    y_label: 'deals',
    labels,
    series: [{ name: 'open deals', values: counts }],
  };
}

//! The active filters of the hash.
function activeFilters(query) {
  const filters = {};
  for (const { name } of FILTERS) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

//! The filter selects; changing one re-renders the dashboard through the hash.
function filterBar(filters, choices) {
  const selects = FILTERS.map(({ name, label }) => {
    const values = (choices && choices[name]) || [];
    const option = (value) => el('option', { value, selected: filters[name] === value }, value);
    let options = values.map(option);
    if (name === 'period') {
      const group = (title, test) => el('optgroup', { label: title }, values.filter(test).map(option));
      options = [group('Years', (v) => /^\d{4}$/.test(v)), group('Quarters', (v) => /Q/.test(v)),
        group('Months', (v) => /^\d{4}-\d{2}$/.test(v))];
    }
    if (filters[name] && !values.includes(filters[name])) options.push(option(filters[name]));
    const select = el('select', {
      id: `filter-${name}`, name, 'data-testid': `filter-${name}`,
      onchange: (event) => navigate('dashboard', [], { ...filters, [name]: event.target.value }),
    }, el('option', { value: '' }, 'All'), options);
    return el('div', { class: 'filter' }, el('label', { for: `filter-${name}` }, label), select);
  });
  return el('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (e) => e.preventDefault() },
    selects,
    el('button', { type: 'button', class: 'button', 'data-testid': 'filter-reset',
      onclick: () => navigate('dashboard', [], {}) }, 'Clear filters'));
}

//! A card that shows "Loading…" until `draw` has drawn into it, or the error.
function panel(grid, { wide = false } = {}) {
  const card = el('div', { class: `card panel${wide ? ' wide' : ''}`, 'aria-busy': 'true' },
    el('p', { class: 'muted' }, 'Loading…'));
  grid.appendChild(card);
  return {
    card,
    async fill(draw) {
      try {
        const content = el('div');
        await draw(content);
        clear(card).appendChild(content);
      } catch (error) {
        clear(card).appendChild(el('p', { class: 'error', role: 'alert' }, `Not available: ${error.message}`));
      } finally {
        card.setAttribute('aria-busy', 'false');
      }
    },
  };
}

export async function render(root, { query }) {
  for (const chart of charts) chart.destroy();
  charts = [];
  const filters = activeFilters(query);
  const requests = new Map();
  const insight = (type, extra = {}) => {
    const params = new URLSearchParams({ ...filters, ...extra }).toString();
    const path = `/api/v1/insights/${type}${params ? `?${params}` : ''}`;
    if (!requests.has(path)) requests.set(path, getJson(path));
    return requests.get(path);
  };

  const filterBox = el('div', {}, filterBar(filters, null));
  const kpis = el('div', { class: 'kpis', role: 'list', 'aria-label': 'Key figures' });
  const grid = el('div', { class: 'dashboard-grid' });
  const tables = el('div', { class: 'dashboard-grid' });
  root.appendChild(el('section', { class: 'page dashboard' },
    el('h1', {}, 'Dashboard'), filterBox, kpis, grid, el('h2', { class: 'section-title' }, 'Tables'), tables));

  const focused = document.activeElement && document.activeElement.id;
  const work = [];
  work.push(getJson('/api/v1/filters').then((choices) => {
    clear(filterBox).appendChild(filterBar(filters, choices));
  }).catch(() => {}).then(() => {
    if (focused && focused.startsWith('filter-')) document.getElementById(focused)?.focus();
  }));

  for (const kpi of KPIS) {
    const value = el('div', { class: 'kpi-value' }, '…');
    kpis.appendChild(el('div', { class: 'card kpi', role: 'listitem' },
      value, el('div', { class: 'kpi-label' }, kpi.label)));
    work.push(insight(kpi.type).then((data) => {
      const metric = data.metrics ? data.metrics[kpi.metric] : null;
      value.textContent = metric === null || metric === undefined ? '–' : formatUnit(metric, kpi.unit, { compact: true });
      value.title = metric === null || metric === undefined ? 'not available' : formatUnit(metric, kpi.unit);
    }).catch(() => {
      value.textContent = '–';
      value.title = 'not available';
    }));
  }

  for (const spec of CHARTS) {
    const box = panel(grid, spec);
    work.push(box.fill(async (content) => {
      const data = await insight(spec.type, spec.extra);
      const chart = spec.derive ? spec.derive(data) : data.charts.find((c) => c.id === spec.chart);
      if (!chart) throw new Error(`the ${spec.type} insight has no ${spec.chart} chart for these filters`);
      const drawn = renderChart(content, chart, { testid: 'dashboard-chart' });
      if (drawn) charts.push(drawn);
      if (spec.note) content.appendChild(el('p', { class: 'panel-note' }, spec.note));
    }));
  }

  for (const spec of TABLES) {
    const box = panel(tables, { wide: true });
    work.push(box.fill(async (content) => {
      const data = await insight(spec.type);
      if (!data.tables.length) throw new Error('no table');
      renderTable(content, data.tables[0], { exportable: { type: spec.type, filters }, caption: spec.caption,
        maxRows: 10 });
    }));
  }
  await Promise.all(work);
}
