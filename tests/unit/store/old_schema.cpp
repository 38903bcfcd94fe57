#include "old_schema.h"

#include "crm/store/sqlite.h"

namespace crm::store::test {

namespace {

constexpr const char* kVersion7Activities = R"sql(
CREATE TABLE activities_with_subjects (
  id INTEGER PRIMARY KEY,
  activity_id TEXT NOT NULL,
  activity_date TEXT NOT NULL,
  activity_type TEXT NOT NULL,
  sales_agent_id INTEGER NOT NULL REFERENCES sales_teams (id),
  account_id INTEGER REFERENCES accounts (id),
  opportunity_id INTEGER REFERENCES opportunities (id),
  subject TEXT NOT NULL
);
INSERT INTO activities_with_subjects
  SELECT a.id, a.activity_id, a.activity_date, a.activity_type, a.sales_agent_id, a.account_id,
         a.opportunity_id, s.subject
  FROM activities AS a JOIN activity_subjects AS s ON s.id = a.subject_id ORDER BY a.id;
DROP TABLE activities;
DROP TABLE activity_subjects;
ALTER TABLE activities_with_subjects RENAME TO activities;
CREATE TRIGGER dataset_image_stale_activities_insert AFTER INSERT ON activities
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_activities_update AFTER UPDATE ON activities
  BEGIN DELETE FROM dataset_image; END;
CREATE TRIGGER dataset_image_stale_activities_delete AFTER DELETE ON activities
  BEGIN DELETE FROM dataset_image; END;
DROP TRIGGER opportunities_unique_id_insert;
DROP TRIGGER opportunities_unique_id_update;
CREATE UNIQUE INDEX opportunities_opportunity_id ON opportunities (opportunity_id);
DELETE FROM schema_migrations WHERE version >= 8;
)sql";

}  // namespace

Status RewindToVersion7(sqlite3* db) { return Execute(db, kVersion7Activities); }

}  // namespace crm::store::test
