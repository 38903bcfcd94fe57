// One chat answer drawn from the final JSON of POST /api/v1/ask: the markdown (markdown.js), the data's
// charts and tables, the sources (collapsible), the suggested follow-ups as buttons, a copy button on
// drafted emails and the answer's export menu.
//
//   renderAnswer(article, answer, {question, onAsk(question)}) → fills `article` (emptied first)

import { renderChart } from './charts.js';
import { clear, el } from './dom.js';
import { exportMenu } from './export_menu.js';
import { formatPercent, humanize } from './format.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';
import { showToast } from './toast.js';

//! What a source says, in a line of text; accounts link to their page.
function sourceItem(source) {
  if (source.kind === 'account' && source.id) {
    return el('li', {}, 'Account ', el('a', { href: `#/account/${encodeURIComponent(source.id)}` }, source.id));
  }
  const parts = [humanize(source.kind || 'source'), source.id ? ` ${source.id}` : ''];
  if (source.as_of) parts.push(` as of ${source.as_of}`);
  const filters = Object.entries(source.filters || {}).map(([name, value]) => `${name}=${value}`);
  if (filters.length) parts.push(` (${filters.join(', ')})`);
  return el('li', {}, parts.join(''));
}

//! The sources, collapsed.
function sourcesBlock(sources) {
  if (!Array.isArray(sources) || sources.length === 0) return null;
  return el('details', { class: 'sources' },
    el('summary', {}, `Sources (${sources.length})`),
    el('ul', {}, sources.map(sourceItem)));
}

//! A button that copies a drafted email.
function copyEmailButton(data) {
  const text = `Subject: ${data.subject || ''}\n\n${data.body || ''}`;
  return el('button', {
    type: 'button', class: 'button small', 'data-testid': 'copy-email',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(text);
        showToast('Email copied');
      } catch {
        showToast('The browser did not allow copying', true);
      }
    },
  }, 'Copy email');
}

export function renderAnswer(article, answer, { question = '', onAsk } = {}) {
  clear(article);
  const data = answer.data && typeof answer.data === 'object' ? answer.data : {};
  const charts = Array.isArray(data.charts) ? data.charts : [];
  const tables = Array.isArray(data.tables) ? data.tables : [];
  const isEmail = answer.intent === 'email_draft' && typeof data.body === 'string';

  article.appendChild(renderMarkdown(el('div', { class: 'answer-text' }), answer.answer || ''));
  if (data.fallback_reason) {
    article.appendChild(el('p', { class: 'muted' }, `Written by the offline writer: ${data.fallback_reason}`));
  }
  if (charts.length) {
    const box = el('div', { class: 'answer-charts' });
    article.appendChild(box);
    for (const spec of charts) renderChart(box, spec, { testid: 'answer-chart' });
  }
  for (const table of tables) renderTable(article, table, { exportable: true, maxRows: 10 });
  const sources = sourcesBlock(answer.sources);
  if (sources) article.appendChild(sources);
  if (Array.isArray(answer.suggestions) && answer.suggestions.length && onAsk) {
    article.appendChild(el('div', { class: 'suggestions', role: 'group', 'aria-label': 'Suggested follow-ups' },
      answer.suggestions.map((text) => el('button', {
        type: 'button', class: 'chip', 'data-testid': 'chat-suggestion', onclick: () => onAsk(text),
      }, text))));
  }
  article.appendChild(el('div', { class: 'answer-meta' },
    el('span', {}, humanize(answer.intent || 'answer')),
    typeof answer.confidence === 'number' ? el('span', {}, `confidence ${formatPercent(answer.confidence, 0)}`) : null,
    isEmail ? copyEmailButton(data) : null,
    exportMenu({ title: question || 'answer', markdown: answer.answer || '', tables })));
}
