// The demo CSV files a test server imported, read back to pick the people and deals a test is about.
//
//   readCsv(dataDir, file) → the rows of dataDir/file as objects keyed by the header (RFC 4180 quoting)
//   scopeCase(dataDir)     → {agentA, agentB, deal, account}: agentA has the most deals; `deal` is an open
//                            deal of agentB with `account`, an account agentA neither sells to nor has an
//                            activity with

import fs from 'node:fs';
import path from 'node:path';

export function readCsv(dataDir, file) {
  const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      if (record.some((value) => value !== '')) records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  record.push(field);
  if (record.some((value) => value !== '')) records.push(record);
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(header.map((name, c) => [name, row[c] ?? ''])));
}

export function scopeCase(dataDir) {
  const deals = readCsv(dataDir, 'sales_pipeline.csv');
  const counts = new Map();
  for (const deal of deals) counts.set(deal.sales_agent, (counts.get(deal.sales_agent) || 0) + 1);
  const agentA = [...counts.entries()].sort((x, y) => y[1] - x[1])[0][0];
  const worked = new Set([...deals, ...readCsv(dataDir, 'activities.csv')]
    .filter((row) => row.sales_agent === agentA).map((row) => row.account));
  const deal = deals.find((row) => row.sales_agent !== agentA && row.account && !worked.has(row.account)
    && ['Engaging', 'Prospecting'].includes(row.deal_stage));
  if (!deal) throw new Error(`the demo data has no open deal outside the accounts ${agentA} works`);
  return { agentA, agentB: deal.sales_agent, deal: deal.opportunity_id, account: deal.account };
}
