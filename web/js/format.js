// Formatting figures for people. Missing values (null, undefined, NaN) format as '' (they stay missing).
//
//   formatMoney(value, {compact})  → "$1,234,567" or, compact, "$1.2M"
//   formatPercent(fraction, digits) → 0.4567 → "45.7%"
//   formatNumber(value, digits)     → "1,234" (>= 1000: no decimals), "12.35"
//   formatDate(iso)                 → "2017-07-14" shown as "14 Jul 2017"
//   formatUnit(value, unit, {compact}) → by a ChartSpec unit: USD | percent | count | days | score
//   formatCell(value, column)       → a table cell, by its column's name (rates as percents, money, …)
//   humanize(name)                  → "win_rate" → "Win rate"

const missing = (value) => value === null || value === undefined || Number.isNaN(value);

//! Money in dollars.
export function formatMoney(value, { compact = false } = {}) {
  if (missing(value)) return '';
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    notation: compact ? 'compact' : 'standard',
    maximumFractionDigits: compact ? 1 : 0,
  }).format(value);
}

//! A fraction 0..1 as a percentage.
export function formatPercent(fraction, digits = 1) {
  if (missing(fraction)) return '';
  return `${(fraction * 100).toFixed(digits)}%`;
}

//! A number with thousands separators; small numbers keep up to `digits` decimals.
export function formatNumber(value, digits = 2) {
  if (missing(value)) return '';
  if (typeof value !== 'number') return String(value);
  const decimals = Math.abs(value) >= 1000 || Number.isInteger(value) ? 0 : digits;
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

//! An ISO date (YYYY-MM-DD) as "14 Jul 2017"; other text is returned unchanged.
export function formatDate(iso) {
  if (missing(iso) || iso === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!match) return String(iso);
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

//! A value in a ChartSpec unit.
export function formatUnit(value, unit, { compact = false } = {}) {
  if (missing(value)) return '';
  switch (unit) {
    case 'USD':
      return formatMoney(value, { compact });
    case 'percent':
      return formatPercent(value);
    case 'days':
      return `${formatNumber(value, 1)} d`;
    default:
      return formatNumber(value, 1);
  }
}

const FRACTION = /rate|probability|share|coverage_ratio/;
const MONEY = /revenue|close_value|_value$|^value$|price|amount|pipeline$/;

//! A table cell formatted by its column's name, as the CLI does (rates are fractions shown as percents).
export function formatCell(value, column = '') {
  if (missing(value)) return '';
  if (typeof value !== 'number') return String(value);
  const name = column.toLowerCase();
  if (FRACTION.test(name)) return formatPercent(value);
  if (MONEY.test(name)) return formatMoney(value);
  return formatNumber(value);
}

//! A snake_case name as words.
export function humanize(name) {
  const text = String(name).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
