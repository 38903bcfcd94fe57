// DuckDB side of the analytics benchmark: the five group-by queries on a joined deals table.
//
// Usage: node bench/duckdb_analytics.mjs DIR [--runs N]   (after `npm ci --prefix bench`)
//
// Loads the demo CSV files into an in-memory DuckDB and joins the pipeline with accounts, products and
// sales teams into one table (not timed: the engine's dataset has its joins resolved at load too),
// then times the five queries: won revenue by sector, won revenue by agent, win rate by product, won
// revenue by month, count by stage. Prints one JSON line per query and a last line "five_queries"
// with the sum (best of N runs each, ms; results fully materialized).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance, version } from '@duckdb/node-api';

const literal = (text) => `'${text.replaceAll("'", "''")}'`;

const QUERIES = {
  won_revenue_by_sector:
    "SELECT sector, sum(close_value) FROM deals WHERE deal_stage = 'Won' GROUP BY sector",
  won_revenue_by_agent:
    "SELECT sales_agent, sum(close_value) FROM deals WHERE deal_stage = 'Won' GROUP BY sales_agent",
  win_rate_by_product:
    "SELECT product, avg(CASE WHEN deal_stage = 'Won' THEN 1 ELSE 0 END) FROM deals " +
    "WHERE deal_stage IN ('Won', 'Lost') GROUP BY product",
  won_revenue_by_month:
    "SELECT date_trunc('month', close_date) AS month, sum(close_value) FROM deals " +
    "WHERE deal_stage = 'Won' GROUP BY month",
  count_by_stage: 'SELECT deal_stage, count(*) FROM deals GROUP BY deal_stage',
};

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '5' } },
  });
  if (positionals.length !== 1) throw new Error('usage: node bench/duckdb_analytics.mjs DIR [--runs N]');
  const folder = positionals[0];
  const runs = Number(values.runs);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const csv = (file) => `read_csv(${literal(join(folder, file))}, header = true)`;
  await connection.run(`CREATE TABLE deals AS
    SELECT d.*, t.manager, t.regional_office, p.series, p.sales_price, a.sector
    FROM ${csv('sales_pipeline.csv')} d
    LEFT JOIN ${csv('sales_teams.csv')} t ON t.sales_agent = d.sales_agent
    LEFT JOIN ${csv('products.csv')} p ON p.product = trim(d.product)
    LEFT JOIN ${csv('accounts.csv')} a ON a.account = d.account`);
  const rows = Number((await connection.runAndReadAll('SELECT count(*)::BIGINT AS n FROM deals')).getRowObjects()[0].n);
  let total = 0;
  for (const [name, sql] of Object.entries(QUERIES)) {
    let best = Infinity;
    for (let run = 0; run < runs; run++) {
      const start = process.hrtime.bigint();
      await connection.runAndReadAll(sql);
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    total += best;
    console.log(JSON.stringify({ engine: 'duckdb', query: name, ms: Math.round(best * 1000) / 1000, rows }));
  }
  console.log(JSON.stringify({ engine: 'duckdb', query: 'five_queries', ms: Math.round(total * 1000) / 1000, rows,
    duckdb: version() }));
  connection.closeSync();
}

await main();
