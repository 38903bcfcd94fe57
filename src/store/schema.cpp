#include "crm/store/schema.h"

#include <array>

namespace crm::store {

namespace {

// Portable SQL: plain types that SQLite and PostgreSQL both accept. Dates are 'YYYY-MM-DD' text,
// missing values are NULL, references are the referenced row's id (its row index + 1).
//
// Every import drops the indexes of opportunities and activities and builds them again after the bulk
// insert, which is several times faster than maintaining them row by row. So uniqueness on those tables
// is declared with CREATE UNIQUE INDEX (an inline UNIQUE could not be dropped). A CHECK lists values
// with OR: an IN list would cost more than the rest of the insert.
constexpr const char* kCrmTables = R"sql(
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  sector TEXT,
  year_established INTEGER,
  revenue DOUBLE PRECISION,
  employees BIGINT,
  office_location TEXT,
  subsidiary_of TEXT
);
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  series TEXT,
  sales_price DOUBLE PRECISION
);
CREATE TABLE sales_teams (
  id INTEGER PRIMARY KEY,
  sales_agent TEXT NOT NULL UNIQUE,
  manager TEXT,
  regional_office TEXT
);
CREATE TABLE opportunities (
  id INTEGER PRIMARY KEY,
  opportunity_id TEXT NOT NULL,
  sales_agent_id INTEGER NOT NULL REFERENCES sales_teams (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  account_id INTEGER REFERENCES accounts (id),
  deal_stage TEXT NOT NULL CHECK (deal_stage = 'Prospecting' OR deal_stage = 'Engaging' OR deal_stage = 'Won' OR deal_stage = 'Lost'),
  engage_date TEXT,
  close_date TEXT,
  close_value DOUBLE PRECISION
);
CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  activity_id TEXT NOT NULL,
  activity_date TEXT NOT NULL,
  activity_type TEXT NOT NULL,
  sales_agent_id INTEGER NOT NULL REFERENCES sales_teams (id),
  account_id INTEGER REFERENCES accounts (id),
  opportunity_id INTEGER REFERENCES opportunities (id),
  subject TEXT NOT NULL
);
CREATE UNIQUE INDEX opportunities_opportunity_id ON opportunities (opportunity_id);
CREATE TABLE import_history (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  source TEXT NOT NULL,
  files TEXT NOT NULL,
  report TEXT NOT NULL
);
)sql";

constexpr std::array<Migration, 1> kMigrations = {{
    {1, kCrmTables},
}};

}  // namespace

std::span<const Migration> StoreMigrations() { return kMigrations; }

}  // namespace crm::store
