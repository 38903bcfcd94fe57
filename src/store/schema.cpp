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

// The columnar image of the latest import that Load reads instead of the rows (see
// src/store/dataset_image.h): a cache of the SQLite backend, never the source of truth (BLOB would be
// BYTEA in PostgreSQL). Any change to a CRM row outside an import deletes the image, so that Load never
// returns stale data; an import drops these triggers for its bulk write and creates them again in the same
// transaction.
constexpr const char* kDatasetImage = R"sql(
CREATE TABLE dataset_image (
  import_id INTEGER NOT NULL REFERENCES import_history (id),
  format_version INTEGER NOT NULL,
  part INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (import_id, part)
);
CREATE TRIGGER dataset_image_stale_accounts_insert AFTER INSERT ON accounts
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_accounts_update AFTER UPDATE ON accounts
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_accounts_delete AFTER DELETE ON accounts
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_products_insert AFTER INSERT ON products
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_products_update AFTER UPDATE ON products
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_products_delete AFTER DELETE ON products
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_sales_teams_insert AFTER INSERT ON sales_teams
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_sales_teams_update AFTER UPDATE ON sales_teams
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_sales_teams_delete AFTER DELETE ON sales_teams
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_opportunities_insert AFTER INSERT ON opportunities
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_opportunities_update AFTER UPDATE ON opportunities
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_opportunities_delete AFTER DELETE ON opportunities
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_activities_insert AFTER INSERT ON activities
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_activities_update AFTER UPDATE ON activities
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_activities_delete AFTER DELETE ON activities
  BEGIN DELETE FROM dataset_image; END;
)sql";

// The model registry (src/store/model_registry.cpp): each name's versions, the fingerprint of the data
// each was trained on, its metadata as JSON and its booster's bytes (NULL for a model that refused to
// train; BLOB would be BYTEA in PostgreSQL).
constexpr const char* kModels = R"sql(
CREATE TABLE models (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  data_hash TEXT NOT NULL,
  metadata TEXT NOT NULL,
  booster BLOB,
  UNIQUE (name, version)
);
)sql";

// The search indexes (src/search/index_storage.cpp): the BM25 text of every search document in an FTS5
// table (contentless: the texts travel in the documents part; rowid is the document's number), and the
// other parts of the index as sealed blobs, each with the fingerprint of the data and the embedder it
// was built from; search_vocabulary gives each word's document count, to leave out of a query the words
// so common that ranking their matches would cost more than it tells. FTS5 is SQLite's own: a
// PostgreSQL backend would use a tsvector column instead.
constexpr const char* kSearch = R"sql(
CREATE VIRTUAL TABLE search_text USING fts5(
  body, content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_text, row);
CREATE TABLE search_index_parts (
  name TEXT PRIMARY KEY,
  data_hash TEXT NOT NULL,
  embedder TEXT NOT NULL,
  bytes BLOB NOT NULL
);
)sql";

// Chat threads (src/store/chat_threads.cpp): every answered turn of a session, so that a follow-up in a
// later process continues the thread; `continuable` marks turns a follow-up may build on.
constexpr const char* kChatTurns = R"sql(
CREATE TABLE chat_turns (
  session TEXT NOT NULL,
  turn INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  question TEXT NOT NULL,
  intent TEXT NOT NULL,
  entities TEXT NOT NULL,
  answer TEXT NOT NULL,
  continuable INTEGER NOT NULL,
  PRIMARY KEY (session, turn)
);
)sql";

// The sentence vectors of texts already embedded (src/embed/cached_embedder.cpp), by model name and the
// SHA-256 of the text, so that a restart does not embed them again (BLOB would be BYTEA in PostgreSQL).
constexpr const char* kEmbeddingCache = R"sql(
CREATE TABLE embedding_cache (
  model TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  vector BLOB NOT NULL,
  PRIMARY KEY (model, text_hash)
);
)sql";

// Users, their sign-in sessions and API tokens, and the audit log (src/auth/): passwords as argon2id
// strings, sessions and tokens only as the SHA-256 of their secret. Removing a user removes their
// sessions and tokens; the audit log keeps the name as it was given (also for failed sign-ins).
constexpr const char* kAuth = R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role = 'admin' OR role = 'manager' OR role = 'rep'),
  sales_agent TEXT,
  manager TEXT,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
)sql";

// A lighter layout for bulk imports (issue #2's 3-second save of a million deals):
// - Activity subjects as a reference table: a subject repeats on many activities (125,238 distinct for
//   3.1M activities in the 1M-deal demo data), so each activity stores the subject's id instead of its
//   text, which made the subject about 100 MB of a 232 MB activities table. Existing rows move over
//   (subjects numbered in order of first use); the activities' image triggers, which DROP TABLE removed,
//   are created again, and the new table gets its own. activity_subjects declares no UNIQUE: an import
//   writes the dataset's dictionary, whose values are distinct, and an index would cost every import.
// - Opportunity ids stay unique through triggers instead of a UNIQUE index: rebuilding that index was a
//   quarter of an import's time. An import checks the ids itself and suspends the triggers; any other
//   write is checked by them (a scan of the table: writes outside an import are rare). Nothing looks
//   deals up by opportunity_id in SQL (Load reads whole tables).
constexpr const char* kBulkImportLayout = R"sql(
CREATE TABLE activity_subjects (
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL
);
INSERT INTO activity_subjects (subject) SELECT subject FROM activities GROUP BY subject ORDER BY MIN(id);
CREATE INDEX activity_subjects_migration ON activity_subjects (subject);
CREATE TABLE activities_with_subject_ids (
  id INTEGER PRIMARY KEY,
  activity_id TEXT NOT NULL,
  activity_date TEXT NOT NULL,
  activity_type TEXT NOT NULL,
  sales_agent_id INTEGER NOT NULL REFERENCES sales_teams (id),
  account_id INTEGER REFERENCES accounts (id),
  opportunity_id INTEGER REFERENCES opportunities (id),
  subject_id INTEGER NOT NULL REFERENCES activity_subjects (id)
);
INSERT INTO activities_with_subject_ids
  SELECT a.id, a.activity_id, a.activity_date, a.activity_type, a.sales_agent_id, a.account_id,
         a.opportunity_id, s.id
  FROM activities AS a JOIN activity_subjects AS s ON s.subject = a.subject ORDER BY a.id;
DROP INDEX activity_subjects_migration;
DROP TABLE activities;
ALTER TABLE activities_with_subject_ids RENAME TO activities;
CREATE TRIGGER dataset_image_stale_activities_insert AFTER INSERT ON activities
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_activities_update AFTER UPDATE ON activities
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_activities_delete AFTER DELETE ON activities
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_activity_subjects_insert AFTER INSERT ON activity_subjects
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_activity_subjects_update AFTER UPDATE ON activity_subjects
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_activity_subjects_delete AFTER DELETE ON activity_subjects
  BEGIN DELETE FROM dataset_image; END;
DROP INDEX opportunities_opportunity_id;
CREATE TRIGGER opportunities_unique_id_insert BEFORE INSERT ON opportunities
  WHEN EXISTS (SELECT 1 FROM opportunities WHERE opportunity_id = NEW.opportunity_id)
  BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: opportunities.opportunity_id'); END;
CREATE TRIGGER opportunities_unique_id_update BEFORE UPDATE OF opportunity_id ON opportunities
  WHEN EXISTS (SELECT 1 FROM opportunities WHERE opportunity_id = NEW.opportunity_id AND id <> OLD.id)
  BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: opportunities.opportunity_id'); END;
)sql";

constexpr std::array<Migration, 8> kMigrations = {{
    {1, kCrmTables},
    {2, kDatasetImage},
    {3, kModels},
    {4, kSearch},
    {5, kChatTurns},
    {6, kEmbeddingCache},
    {7, kAuth},
    {8, kBulkImportLayout},
}};

}  // namespace

std::span<const Migration> StoreMigrations() { return kMigrations; }

}  // namespace crm::store
