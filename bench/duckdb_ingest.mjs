// DuckDB side of the data-layer benchmark: read + clean + join of a crm-assistant CSV folder in SQL.
//
// Usage: node bench/duckdb_ingest.mjs DIR [--runs N]   (after `npm ci --prefix bench`)
//
// The same work as pandas_ingest.py, in an in-memory DuckDB with its default settings (2 threads
// here) except preserve_insertion_order = false: read_csv with typed columns (numbers parsed by the
// reader), trim every text field, trim then parse the dates, fix misspelled sectors and countries
// (edit distance to cleaning_vocabulary.json), resolve product spelling variants, keep one row per key
// (id or name: the first column) as the importer does, and materialize the pipeline joined with
// sales_teams, products, accounts and activity counts as a table.
// Prints one JSON line: seconds (wall clock, best of N runs), cpu_seconds (of that run, all threads),
// rows kept (all tables), peak_rss_mb (whole process).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance, version } from '@duckdb/node-api';

const vocabulary = JSON.parse(readFileSync(new URL('./cleaning_vocabulary.json', import.meta.url), 'utf8'));

/** `value` rounded to `decimals` places, for readable JSON. */
const round = (value, decimals) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** A SQL string literal. */
const literal = (text) => `'${text.replaceAll("'", "''")}'`;

/** read_csv of one file with its column types; dates are read as text, to be trimmed before parsing. */
const readCsv = (folder, file, columns) => {
  const types = Object.entries(columns).map(
    ([name, type]) => `${literal(name)}: ${literal(type === 'DATE' ? 'VARCHAR' : type)}`);
  return `read_csv(${literal(join(folder, file))}, header = true, columns = {${types.join(', ')}})`;
};

/** The select list that trims the text columns, trims and parses the dates, and keeps the numbers. */
const trimmed = (columns) =>
  Object.entries(columns)
    .map(([name, type]) => {
      if (type === 'VARCHAR') return `trim(${name}) AS ${name}`;
      if (type === 'DATE') return `CAST(nullif(trim(${name}), '') AS DATE) AS ${name}`;
      return name;
    })
    .join(', ');

/** CREATE TABLE `table` from the cleaned rows of `file`, one row per key (its first column). */
const cleanTable = (table, folder, file, columns) =>
  `CREATE OR REPLACE TABLE ${table} AS SELECT DISTINCT ON (${Object.keys(columns)[0]}) ${trimmed(columns)}
   FROM ${readCsv(folder, file, columns)};`;

const TEAMS = { sales_agent: 'VARCHAR', manager: 'VARCHAR', regional_office: 'VARCHAR' };
const PRODUCTS = { product: 'VARCHAR', series: 'VARCHAR', sales_price: 'DOUBLE' };
const ACCOUNTS = {
  account: 'VARCHAR', sector: 'VARCHAR', year_established: 'INTEGER', revenue: 'DOUBLE',
  employees: 'BIGINT', office_location: 'VARCHAR', subsidiary_of: 'VARCHAR',
};
const PIPELINE = {
  opportunity_id: 'VARCHAR', sales_agent: 'VARCHAR', product: 'VARCHAR', account: 'VARCHAR',
  deal_stage: 'VARCHAR', engage_date: 'DATE', close_date: 'DATE', close_value: 'DOUBLE',
};
const ACTIVITIES = {
  activity_id: 'VARCHAR', activity_date: 'DATE', activity_type: 'VARCHAR', sales_agent: 'VARCHAR',
  account: 'VARCHAR', opportunity_id: 'VARCHAR', subject: 'VARCHAR',
};

/** Rows of (field, word) for the typo rule. */
const vocabularyRows = ['sector', 'office_location']
  .flatMap((field) => vocabulary[field].map((word) => `(${literal(field)}, ${literal(word)})`))
  .join(', ');

/** Maps each distinct value of accounts_raw.field that is no word to its unique nearest word. */
const typoFixes = (field) => `
  CREATE OR REPLACE TEMP TABLE ${field}_fixes AS
  WITH distances AS (
    SELECT v.value, w.word, levenshtein(v.value, w.word) AS distance
    FROM (SELECT DISTINCT ${field} AS value FROM accounts_raw WHERE ${field} IS NOT NULL) v
    JOIN vocabulary w ON w.field = '${field}'),
  best AS (
    SELECT value, min(distance) AS distance FROM distances GROUP BY value
    HAVING min(distance) BETWEEN 1 AND ${vocabulary.max_distance})
  SELECT d.value AS raw, any_value(d.word) AS fixed FROM distances d JOIN best USING (value, distance)
  GROUP BY d.value HAVING count(*) = 1;`;

/** The statements of one run, in order. */
function statements(folder) {
  const withActivities = existsSync(join(folder, 'activities.csv'));
  const matchKey = (name) => `regexp_replace(lower(${name}), '[^a-z0-9]', '', 'g')`;
  const list = [
    cleanTable('sales_teams', folder, 'sales_teams.csv', TEAMS),
    cleanTable('products', folder, 'products.csv', PRODUCTS),
    cleanTable('accounts_raw', folder, 'accounts.csv', ACCOUNTS),
    `CREATE OR REPLACE TEMP TABLE vocabulary AS SELECT * FROM (VALUES ${vocabularyRows}) t(field, word);`,
    typoFixes('sector'),
    typoFixes('office_location'),
    `CREATE OR REPLACE TABLE accounts AS
     SELECT a.* REPLACE (coalesce(s.fixed, a.sector) AS sector,
                         coalesce(o.fixed, a.office_location) AS office_location)
     FROM accounts_raw a LEFT JOIN sector_fixes s ON s.raw = a.sector
     LEFT JOIN office_location_fixes o ON o.raw = a.office_location;`,
    cleanTable('pipeline', folder, 'sales_pipeline.csv', PIPELINE),
    `CREATE OR REPLACE TEMP TABLE product_names AS
     SELECT v.product AS raw, p.product AS name
     FROM (SELECT DISTINCT product FROM pipeline) v
     JOIN products p ON ${matchKey('v.product')} = ${matchKey('p.product')};`,
  ];
  if (withActivities) list.push(cleanTable('activities', folder, 'activities.csv', ACTIVITIES));
  const counts = withActivities
    ? `LEFT JOIN (SELECT opportunity_id, count(*) AS activity_count FROM activities GROUP BY opportunity_id) c
       ON c.opportunity_id = d.opportunity_id`
    : '';
  const activityCount = withActivities ? 'coalesce(c.activity_count, 0)' : '0';
  list.push(`CREATE OR REPLACE TABLE deals AS
    SELECT d.opportunity_id, d.sales_agent, t.manager, t.regional_office, n.name AS product, p.series,
           p.sales_price, d.account, a.sector, a.year_established, a.revenue, a.employees, a.office_location,
           a.subsidiary_of, d.deal_stage, d.engage_date, d.close_date, d.close_value,
           ${activityCount} AS activity_count
    FROM pipeline d
    LEFT JOIN sales_teams t ON t.sales_agent = d.sales_agent
    LEFT JOIN product_names n ON n.raw = d.product
    LEFT JOIN products p ON p.product = n.name
    LEFT JOIN accounts a ON a.account = d.account
    ${counts};`);
  list.push('DROP TABLE pipeline;', 'DROP TABLE accounts_raw;');
  const tables = ['sales_teams', 'products', 'accounts', 'deals', ...(withActivities ? ['activities'] : [])];
  return { list, tables };
}

/** Total rows of the kept tables. */
async function rowCount(connection, tables) {
  const sql = tables.map((table) => `SELECT count(*) AS n FROM ${table}`).join(' UNION ALL ');
  const reader = await connection.runAndReadAll(`SELECT sum(n)::BIGINT AS rows FROM (${sql})`);
  return Number(reader.getRowObjects()[0].rows);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '3' } },
  });
  if (positionals.length !== 1) throw new Error('usage: node bench/duckdb_ingest.mjs DIR [--runs N]');
  const runs = Number(values.runs);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // DuckDB's advice for large loads: the tables are not used in file order, so let it drop the order.
  await connection.run('SET preserve_insertion_order = false;');
  const { list, tables } = statements(positionals[0]);
  let best = { seconds: Infinity, cpuSeconds: 0 };
  for (let run = 0; run < runs; run++) {
    // Frees the previous run's tables first, as the other benchmarks free their previous result.
    for (const table of tables) await connection.run(`DROP TABLE IF EXISTS ${table};`);
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    for (const sql of list) await connection.run(sql);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(startCpu);
    if (seconds < best.seconds) best = { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  }
  const rows = await rowCount(connection, tables);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({
    phase: 'duckdb', seconds: round(best.seconds, 3), cpu_seconds: round(best.cpuSeconds, 3), rows, runs,
    duckdb: version(),
    peak_rss_mb: round(peakMb, 1),
  }));
  connection.closeSync();
}

await main();
