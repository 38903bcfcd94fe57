// The Account page (#/account/NAME): from GET /api/v1/accounts/{name} the account's record, its summary,
// its health score with the components, its opportunities with their scores and reasons, and look-alike
// accounts linking to their pages; an email composer (type, tone, product → POST /api/v1/email → preview,
// copy, download as .eml built here) and a link to the PDF report. Data is shown as text only (the
// summary's markdown goes through markdown.js).

import { ApiError, downloadBlob, getJson, postJson } from '../api.js';
import { el } from '../dom.js';
import { formatCell, formatDate, formatMoney, formatNumber, formatPercent, humanize } from '../format.js';
import { emlFilename, emlMessage } from '../eml.js';
import { renderMarkdown } from '../markdown.js';
import { showToast } from '../toast.js';

const EMAIL_TYPES = ['follow_up', 'introduction', 'proposal', 'check_in', 'closing', 're_engagement'];
const TONES = ['professional', 'friendly', 'urgent', 'consultative'];

//! The hash of an account's page.
const accountHref = (name) => `#/account/${encodeURIComponent(name)}`;

//! A labelled value for a definition list; missing values stay missing ("–").
const figure = (name, value) => [el('dt', {}, name), el('dd', {}, value === '' || value === null ? '–' : value)];

//! The record: sector, location, size, family.
function recordCard(account, asOf) {
  const links = (names) => names.map((name, i) => [i ? ', ' : '', el('a', { href: accountHref(name) }, name)]);
  return el('div', { class: 'card account-record' },
    el('dl', { class: 'figures' },
      figure('Sector', account.sector || ''),
      figure('Office location', account.office_location || ''),
      figure('Revenue', account.revenue_musd === null ? '' : `${formatMoney(account.revenue_musd)}M`),
      figure('Employees', formatNumber(account.employees)),
      figure('Established', account.year_established === null ? '' : String(account.year_established)),
      figure('Parent', account.parent ? el('a', { href: accountHref(account.parent) }, account.parent) : ''),
      figure('Subsidiaries', (account.subsidiaries || []).length ? links(account.subsidiaries) : ''),
      figure('Figures as of', formatDate(asOf))));
}

//! The health score, its band and each component as a bar with its weight.
function healthCard(health) {
  const card = el('div', { class: 'card account-health', 'data-testid': 'account-health' }, el('h2', {}, 'Health'));
  if (!health) {
    card.appendChild(el('p', { class: 'muted' }, 'No health score: the account has no deals in the data.'));
    return card;
  }
  card.appendChild(el('p', { class: 'health-score' },
    el('span', { class: 'score' }, formatNumber(health.score, 0)), ' / 100 ',
    el('span', { class: `band band-${String(health.band || '').toLowerCase().replace(/\s+/g, '-')}` }, health.band || '')));
  const list = el('ul', { class: 'components' });
  for (const [name, value] of Object.entries(health.components || {})) {
    const bar = el('span', { class: 'bar' });
    bar.style.width = value === null ? '0' : `${Math.max(0, Math.min(100, value))}%`;
    const weight = health.weights && health.weights[name];
    list.appendChild(el('li', {},
      el('span', { class: 'component-name' }, humanize(name)),
      el('span', { class: 'bar-track', role: 'img', 'aria-label': `${humanize(name)} ${value === null ? 'absent' : formatNumber(value, 0)}` }, bar),
      el('span', { class: 'component-value' }, value === null ? 'absent' : formatNumber(value, 0)),
      el('span', { class: 'muted' }, weight === undefined ? '' : `weight ${formatPercent(weight, 0)}`)));
  }
  card.appendChild(list);
  if (typeof health.risk_probability_90_days === 'number') {
    card.appendChild(el('p', {}, `Risk in the next 90 days: ${formatPercent(health.risk_probability_90_days)}`));
  }
  return card;
}

//! A deal's reasons as a list of phrases, raising ones marked +.
function factorList(score) {
  return el('ul', { class: 'factors' }, (score.factors || []).map((factor) =>
    el('li', { class: factor.impact > 0 ? 'up' : 'down' }, `${factor.impact > 0 ? '+' : '−'} ${factor.phrase || factor.feature}`)));
}

//! The opportunities with their scores: open deals first, then the most recent.
function opportunitiesCard(opportunities) {
  const card = el('div', { class: 'card', 'data-testid': 'account-opportunities' }, el('h2', {}, 'Opportunities'));
  const open = (d) => d.deal_stage === 'Engaging' || d.deal_stage === 'Prospecting';
  const deals = opportunities.slice().sort((a, b) => (open(b) - open(a))
    || String(b.close_date || b.engage_date || '').localeCompare(String(a.close_date || a.engage_date || '')));
  if (!deals.length) {
    card.appendChild(el('p', { class: 'muted' }, 'No opportunities.'));
    return card;
  }
  const rows = deals.map((deal) => el('tr', {},
    el('td', {}, deal.opportunity_id),
    el('td', {}, deal.product),
    el('td', {}, deal.deal_stage),
    el('td', {}, deal.sales_agent),
    el('td', {}, formatDate(deal.engage_date)),
    el('td', {}, formatDate(deal.close_date)),
    el('td', { class: 'num' }, formatCell(deal.close_value, 'close_value')),
    el('td', { class: 'num' }, deal.score ? formatPercent(deal.score.probability, 0) : ''),
    el('td', {}, deal.score ? deal.score.tier : (deal.score_note ? el('span', { class: 'muted' }, deal.score_note) : '')),
    el('td', {}, deal.score ? factorList(deal.score) : '')));
  card.appendChild(el('div', { class: 'table-scroll' },
    el('table', { class: 'data-table' },
      el('thead', {}, el('tr', {}, ['Id', 'Product', 'Stage', 'Agent', 'Engaged', 'Closed', 'Value',
        'Win chance', 'Tier', 'Why'].map((name) => el('th', { scope: 'col' }, name)))),
      el('tbody', {}, rows))));
  return card;
}

//! Look-alike accounts, each a link to its page with what it shares.
function similarCard(similar) {
  return el('div', { class: 'card', 'data-testid': 'similar-accounts' }, el('h2', {}, 'Similar accounts'),
    similar.length
      ? el('ul', { class: 'similar' }, similar.map((s) => el('li', {},
        el('a', { href: accountHref(s.name) }, s.name),
        s.why ? el('span', { class: 'muted' }, ` — ${s.why}`) : '')))
      : el('p', { class: 'muted' }, 'None found.'));
}

//! A labelled select of `values`.
function select(id, label, values, testid, names = humanize) {
  const control = el('select', { id, 'data-testid': testid },
    values.map((value) => el('option', { value }, value === '' ? '(none)' : names(value))));
  return [control, el('div', { class: 'filter' }, el('label', { for: id }, label), control)];
}

//! The email composer: draft through the API, preview, copy, download as .eml.
function emailCard(name, products) {
  const [type, typeBox] = select('email-type', 'Type', EMAIL_TYPES, 'email-type');
  const [tone, toneBox] = select('email-tone', 'Tone', TONES, 'email-tone');
  const [product, productBox] = select('email-product', 'Product', ['', ...products], 'email-product', String);
  const preview = el('div', { class: 'email-preview', 'data-testid': 'email-preview', 'aria-live': 'polite' });
  const actions = el('div', { class: 'email-actions', hidden: true });
  let draft = null;
  const copy = el('button', { type: 'button', class: 'button', 'data-testid': 'email-copy',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(`Subject: ${draft.subject}\n\n${draft.body}`);
        showToast('Copied');
      } catch {
        showToast('Copying is not allowed here');
      }
    } }, 'Copy');
  const download = el('button', { type: 'button', class: 'button', 'data-testid': 'email-download',
    onclick: () => {
      const recipient = (draft.facts && draft.facts.recipient) || {};
      const message = emlMessage({ sender: draft.sender, to: recipient.to || recipient.team || draft.account,
        subject: draft.subject, body: draft.body, id: `${draft.account}.${draft.email_type}.${draft.tone}` });
      downloadBlob(new Blob([message], { type: 'message/rfc822' }), emlFilename(draft));
    } }, 'Download .eml');
  actions.append(copy, download);
  const write = el('button', { type: 'submit', class: 'button primary', 'data-testid': 'email-draft' }, 'Draft');
  const form = el('form', { class: 'filters', onsubmit: async (event) => {
    event.preventDefault();
    write.disabled = true;
    preview.replaceChildren(el('p', { class: 'muted' }, 'Writing…'));
    try {
      const body = { account: name, type: type.value, tone: tone.value };
      if (product.value) body.product = product.value;
      draft = await postJson('/api/v1/email', body);
      preview.replaceChildren(
        el('p', { class: 'email-subject' }, el('strong', {}, 'Subject: '), draft.subject),
        el('pre', { class: 'email-body' }, draft.body),
        el('p', { class: 'panel-note' }, `Written by ${draft.writer}; from ${draft.sender}.`));
      actions.hidden = false;
    } catch (error) {
      preview.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
      actions.hidden = true;
    } finally {
      write.disabled = false;
    }
  } }, typeBox, toneBox, productBox, write);
  return el('div', { class: 'card email-composer' }, el('h2', {}, 'Write an email'), form, preview, actions);
}

//! The products the composer offers: those of the account's deals and its whitespace.
function productsOf(page) {
  const names = new Set(page.opportunities.map((d) => d.product));
  const facts = (page.summary && page.summary.facts) || {};
  for (const entry of [...(facts.products_bought || []), ...(facts.whitespace || [])]) {
    if (entry && entry.product) names.add(entry.product);
  }
  return [...names].sort();
}

export async function render(root, { args }) {
  const name = args[0] || '';
  const page = el('section', { class: 'page account-page' }, el('h1', {}, name || 'Account'));
  root.appendChild(page);
  if (!name) {
    page.appendChild(el('p', { class: 'muted' }, 'Open an account from the dashboard, the chat or a search.'));
    return;
  }
  let data;
  try {
    data = await getJson(`/api/v1/accounts/${encodeURIComponent(name)}`);
  } catch (error) {
    const text = error instanceof ApiError && error.status === 404 ? error.message : `Not available: ${error.message}`;
    page.appendChild(el('p', { class: 'error', role: 'alert' }, text));
    return;
  }
  page.firstChild.textContent = data.account.name;
  page.appendChild(el('p', {},
    el('a', { href: `/api/v1/accounts/${encodeURIComponent(data.account.name)}/report.pdf`, 'data-testid': 'report-pdf',
      class: 'button', download: '' }, 'PDF report')));
  const summary = el('div', { class: 'card account-summary', 'data-testid': 'account-summary' }, el('h2', {}, 'Summary'));
  renderMarkdown(summary.appendChild(el('div', { class: 'answer-text' })), data.summary.markdown);
  const grid = el('div', { class: 'account-grid' },
    recordCard(data.account, data.as_of), healthCard(data.health), summary,
    emailCard(data.account.name, productsOf(data)), similarCard(data.similar || []));
  page.appendChild(grid);
  page.appendChild(opportunitiesCard(data.opportunities || []));
}
