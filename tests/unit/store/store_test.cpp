#include "crm/store/store.h"

#include <gtest/gtest.h>

#include <cmath>

#include "crm/store/schema.h"
#include "crm/store/sqlite.h"
#include "old_schema.h"
#include "sample_data.h"
#include "support/test_support.h"

namespace crm::store {
namespace {

using test::Day;
using test::OtherDataset;
using test::SampleDataset;
using test::SampleRecord;

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.error().message;
  return std::move(store).value();
}

Dataset LoadOrDie(const Store& store) {
  Result<Dataset> data = store.Load();
  EXPECT_TRUE(data.ok()) << data.error().message;
  return std::move(data).value();
}

int64_t Count(const Store& store, const std::string& sql) {
  Result<int64_t> count = QueryInt64(store.connection(), sql);
  EXPECT_TRUE(count.ok()) << count.error().message;
  return count.ok() ? *count : -1;
}

std::string Text(const Store& store, const std::string& sql) {
  Result<Statement> query = Prepare(store.connection(), sql);
  EXPECT_TRUE(query.ok()) << query.error().message;
  if (!query.ok() || sqlite3_step(query->get()) != SQLITE_ROW) return "<no row>";
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(query->get(), 0));
  return text == nullptr ? "<null>" : text;
}

// Compares every value, decoding dictionary codes; missing values must be missing in both.
void ExpectSameData(const Dataset& actual, const Dataset& expected) {
  ASSERT_EQ(actual.accounts.size(), expected.accounts.size());
  for (size_t row = 0; row < expected.accounts.size(); ++row) {
    const Account& a = actual.accounts[row];
    const Account& e = expected.accounts[row];
    SCOPED_TRACE("account " + e.name);
    EXPECT_EQ(a.name, e.name);
    EXPECT_EQ(a.sector == kNoIndex, e.sector == kNoIndex);
    EXPECT_EQ(actual.sectors.Value(a.sector), expected.sectors.Value(e.sector));
    EXPECT_EQ(a.year_established, e.year_established);
    EXPECT_EQ(HasValue(a.revenue), HasValue(e.revenue));
    if (HasValue(e.revenue)) {
      EXPECT_EQ(a.revenue, e.revenue);
    }
    EXPECT_EQ(a.employees, e.employees);
    EXPECT_EQ(a.office_location == kNoIndex, e.office_location == kNoIndex);
    EXPECT_EQ(actual.countries.Value(a.office_location), expected.countries.Value(e.office_location));
    EXPECT_EQ(a.subsidiary_of, e.subsidiary_of);
  }
  ASSERT_EQ(actual.products.size(), expected.products.size());
  for (size_t row = 0; row < expected.products.size(); ++row) {
    const Product& a = actual.products[row];
    const Product& e = expected.products[row];
    SCOPED_TRACE("product " + e.name);
    EXPECT_EQ(a.name, e.name);
    EXPECT_EQ(a.series == kNoIndex, e.series == kNoIndex);
    EXPECT_EQ(actual.series.Value(a.series), expected.series.Value(e.series));
    EXPECT_EQ(HasValue(a.sales_price), HasValue(e.sales_price));
    if (HasValue(e.sales_price)) {
      EXPECT_EQ(a.sales_price, e.sales_price);
    }
  }
  ASSERT_EQ(actual.sales_agents.size(), expected.sales_agents.size());
  for (size_t row = 0; row < expected.sales_agents.size(); ++row) {
    const SalesAgent& a = actual.sales_agents[row];
    const SalesAgent& e = expected.sales_agents[row];
    SCOPED_TRACE("agent " + e.name);
    EXPECT_EQ(a.name, e.name);
    EXPECT_EQ(a.manager == kNoIndex, e.manager == kNoIndex);
    EXPECT_EQ(actual.managers.Value(a.manager), expected.managers.Value(e.manager));
    EXPECT_EQ(a.regional_office == kNoIndex, e.regional_office == kNoIndex);
    EXPECT_EQ(actual.regional_offices.Value(a.regional_office),
              expected.regional_offices.Value(e.regional_office));
  }
  const OpportunityColumns& ao = actual.opportunities;
  const OpportunityColumns& eo = expected.opportunities;
  ASSERT_EQ(ao.size(), eo.size());
  ASSERT_EQ(ao.id.size(), eo.size());
  for (size_t row = 0; row < eo.size(); ++row) {
    SCOPED_TRACE("opportunity " + std::string(eo.id[row]));
    EXPECT_EQ(ao.id[row], eo.id[row]);
    EXPECT_EQ(ao.sales_agent[row], eo.sales_agent[row]);
    EXPECT_EQ(ao.product[row], eo.product[row]);
    EXPECT_EQ(ao.account[row], eo.account[row]);
    EXPECT_EQ(ao.deal_stage[row], eo.deal_stage[row]);
    EXPECT_EQ(ao.engage_date[row], eo.engage_date[row]);
    EXPECT_EQ(ao.close_date[row], eo.close_date[row]);
    EXPECT_EQ(HasValue(ao.close_value[row]), HasValue(eo.close_value[row]));
    if (HasValue(eo.close_value[row])) {
      EXPECT_EQ(ao.close_value[row], eo.close_value[row]);
    }
  }
  const ActivityColumns& aa = actual.activities;
  const ActivityColumns& ea = expected.activities;
  ASSERT_EQ(aa.size(), ea.size());
  ASSERT_EQ(aa.id.size(), ea.size());
  for (size_t row = 0; row < ea.size(); ++row) {
    SCOPED_TRACE("activity " + std::string(ea.id[row]));
    EXPECT_EQ(aa.id[row], ea.id[row]);
    EXPECT_EQ(aa.date[row], ea.date[row]);
    EXPECT_EQ(actual.activity_types.Value(aa.type[row]), expected.activity_types.Value(ea.type[row]));
    EXPECT_EQ(aa.sales_agent[row], ea.sales_agent[row]);
    EXPECT_EQ(aa.account[row], ea.account[row]);
    EXPECT_EQ(aa.opportunity[row], ea.opportunity[row]);
    EXPECT_EQ(actual.activity_subjects.Value(aa.subject[row]),
              expected.activity_subjects.Value(ea.subject[row]));
  }
}

TEST(StoreTest, RoundTripsEveryValueAndEveryKindOfMissingValue) {
  crm::test::TempDir dir;
  const Dataset sample = SampleDataset();
  {
    std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
    Result<int64_t> id = store->ReplaceAll(sample, SampleRecord("/data/a"));
    ASSERT_TRUE(id.ok()) << id.error().message;
    EXPECT_EQ(*id, 1);
  }
  std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
  const Dataset loaded = LoadOrDie(*store);
  ExpectSameData(loaded, sample);

  // Spot checks with literal values, so that a symmetric bug in writer and reader cannot hide.
  EXPECT_EQ(loaded.sectors.Value(loaded.accounts[0].sector), "technolgy");
  EXPECT_EQ(loaded.accounts[0].revenue, 1100.04);
  EXPECT_EQ(loaded.accounts[1].sector, kNoIndex);
  EXPECT_EQ(loaded.accounts[1].year_established, kNoIndex);
  EXPECT_FALSE(HasValue(loaded.accounts[1].revenue));
  EXPECT_EQ(loaded.accounts[1].employees, kNoInteger);
  EXPECT_EQ(loaded.accounts[1].office_location, kNoIndex);
  EXPECT_EQ(loaded.countries.Value(loaded.accounts[2].office_location), "Kenya");
  EXPECT_EQ(loaded.products[2].series, kNoIndex);
  EXPECT_FALSE(HasValue(loaded.products[1].sales_price));
  EXPECT_EQ(loaded.sales_agents[1].manager, kNoIndex);
  EXPECT_EQ(loaded.opportunities.id[3], "MV1LWRNH");
  EXPECT_EQ(loaded.opportunities.account[1], kNoIndex);
  EXPECT_EQ(loaded.opportunities.engage_date[1], kNoDay);
  EXPECT_EQ(loaded.opportunities.close_date[2], kNoDay);
  EXPECT_EQ(loaded.opportunities.engage_date[0], Day("2016-10-20"));
  EXPECT_EQ(loaded.opportunities.close_value[3], 0.0);  // a real zero is not missing
  EXPECT_EQ(loaded.opportunities.deal_stage[2], DealStage::kEngaging);
  EXPECT_EQ(loaded.activity_types.Value(loaded.activities.type[2]), "Meeting");
  EXPECT_EQ(loaded.activity_subjects.Value(loaded.activities.subject[1]), "");
  EXPECT_EQ(loaded.activity_subjects.Value(loaded.activities.subject[2]), "Démo – ünïcode ✓");
  EXPECT_EQ(loaded.activities.opportunity[1], kNoIndex);

  // The indexes are built: lookups work and the parent is resolved.
  EXPECT_EQ(loaded.FindOpportunity("EC4QE1BX"), 2);
  EXPECT_EQ(loaded.FindAccount("Cancity"), 2);
  EXPECT_EQ(loaded.FindSalesAgent("Darcel Schlecht"), 1);
  EXPECT_EQ(loaded.FindProduct("GTK 500"), 2);
  EXPECT_EQ(loaded.accounts[1].parent, 0);
  EXPECT_EQ(loaded.accounts[0].parent, kNoIndex);
}

TEST(StoreTest, RoundTripsTablesLargerThanOneInsertBatch) {
  crm::test::TempDir dir;
  const Dataset generated = test::GeneratedDataset(1003, 517);  // whole batches and a remainder
  {
    std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
    ASSERT_TRUE(store->ReplaceAll(generated, SampleRecord("generated")).ok());
  }
  std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
  const Dataset loaded = LoadOrDie(*store);
  ExpectSameData(loaded, generated);
  EXPECT_EQ(loaded.opportunities.size(), 1003u);
  EXPECT_EQ(loaded.activities.size(), 517u);
  EXPECT_EQ(loaded.opportunities.id[1002], "OPP01002");
  EXPECT_EQ(loaded.opportunities.engage_date[1001], Day("2017-01-01") + 1001);
  EXPECT_EQ(loaded.opportunities.close_value[1002], 100.5 * 1002);
  EXPECT_EQ(loaded.FindOpportunity("OPP00500"), 500);
  EXPECT_EQ(loaded.activities.opportunity[516], kNoIndex);
  EXPECT_EQ(loaded.activities.opportunity[515], 515 % 1003);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM opportunities WHERE account_id IS NULL"), 201);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM opportunities WHERE close_value IS NULL"), 502);
}

TEST(StoreTest, StoresMissingValuesAsNullAndReferencesAsIds) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(SampleDataset(), SampleRecord("x")).ok());
  EXPECT_EQ(Count(*store,
                  "SELECT COUNT(*) FROM accounts WHERE sector IS NULL AND year_established IS NULL "
                  "AND revenue IS NULL AND employees IS NULL AND office_location IS NULL"),
            1);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM accounts WHERE subsidiary_of IS NULL"), 2);
  EXPECT_EQ(Text(*store, "SELECT subsidiary_of FROM accounts WHERE name = 'Betasoloin'"), "Acme Corporation");
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM products WHERE series IS NULL"), 1);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM products WHERE sales_price IS NULL"), 1);
  EXPECT_EQ(
      Count(*store, "SELECT COUNT(*) FROM sales_teams WHERE manager IS NULL AND regional_office IS NULL"), 1);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM opportunities WHERE account_id IS NULL"), 1);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM opportunities WHERE engage_date IS NULL"), 1);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM opportunities WHERE close_date IS NULL"), 2);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM opportunities WHERE close_value IS NULL"), 2);
  EXPECT_EQ(
      Count(*store, "SELECT COUNT(*) FROM activities WHERE account_id IS NULL AND opportunity_id IS NULL"),
      1);
  EXPECT_EQ(Count(*store, "SELECT account_id FROM opportunities WHERE opportunity_id = '1C1I7A6R'"), 3);
  EXPECT_EQ(Count(*store, "SELECT id FROM opportunities WHERE opportunity_id = 'MV1LWRNH'"), 4);
  EXPECT_EQ(Count(*store, "SELECT opportunity_id FROM activities WHERE activity_id = 'ACT-3'"), 3);
  EXPECT_EQ(Text(*store, "SELECT engage_date FROM opportunities WHERE id = 1"), "2016-10-20");
  EXPECT_EQ(Text(*store, "SELECT deal_stage FROM opportunities WHERE id = 2"), "Prospecting");
  EXPECT_EQ(Text(*store, "SELECT sector FROM accounts WHERE id = 3"), "retail");
  EXPECT_EQ(Text(*store, "SELECT activity_type FROM activities WHERE id = 2"), "Email");
}

TEST(StoreTest, EmptyStoreLoadsEmptyDataset) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  const Dataset loaded = LoadOrDie(*store);
  EXPECT_EQ(loaded.accounts.size(), 0u);
  EXPECT_EQ(loaded.products.size(), 0u);
  EXPECT_EQ(loaded.sales_agents.size(), 0u);
  EXPECT_EQ(loaded.opportunities.size(), 0u);
  EXPECT_EQ(loaded.opportunities.id.size(), 0u);
  EXPECT_EQ(loaded.activities.size(), 0u);
  EXPECT_EQ(loaded.sectors.size(), 0u);
  EXPECT_EQ(loaded.FindOpportunity("1C1I7A6R"), kNoIndex);
  Result<std::vector<ImportRecord>> history = store->ImportHistory();
  ASSERT_TRUE(history.ok()) << history.error().message;
  EXPECT_TRUE(history->empty());
}

TEST(StoreTest, ReportsSchemaVersionAndDoesNotReapplyMigrationsOnReopen) {
  crm::test::TempDir dir;
  const std::string path = dir.File("crm.db");
  std::string applied_at;
  {
    std::unique_ptr<Store> store = OpenOrDie(path);
    EXPECT_EQ(store->SchemaVersion(), 8);
    EXPECT_EQ(store->SchemaVersion(), static_cast<int>(StoreMigrations().size()));
    EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM schema_migrations"), 8);
    applied_at = Text(*store, "SELECT applied_at FROM schema_migrations WHERE version = 1");
    EXPECT_EQ(applied_at.size(), 20u) << applied_at;  // 2024-05-01T12:34:56Z
    EXPECT_EQ(Text(*store, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(Count(*store, "PRAGMA foreign_keys"), 1);
    ASSERT_TRUE(store->ReplaceAll(SampleDataset(), SampleRecord("first")).ok());
  }
  std::unique_ptr<Store> store = OpenOrDie(path);  // re-running migration 1 would fail: tables exist
  EXPECT_EQ(store->SchemaVersion(), 8);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM schema_migrations"), 8);
  EXPECT_EQ(Text(*store, "SELECT applied_at FROM schema_migrations WHERE version = 1"), applied_at);
  EXPECT_EQ(LoadOrDie(*store).opportunities.size(), 4u);
}

TEST(StoreTest, ActivitiesReferToTheirSubjects) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(SampleDataset(), SampleRecord("a")).ok());
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM activity_subjects"), 3);
  EXPECT_EQ(Text(*store,
                 "SELECT s.subject FROM activities AS a JOIN activity_subjects AS s ON s.id = a.subject_id "
                 "WHERE a.activity_id = 'ACT-3'"),
            "Démo – ünïcode ✓");
  const Status dangling = Execute(store->connection(),
                                  "INSERT INTO activities (activity_id, activity_date, activity_type, "
                                  "sales_agent_id, subject_id) VALUES ('ACT-9', '2017-01-01', 'Call', 1, 9)");
  ASSERT_FALSE(dangling.ok());
  EXPECT_EQ(dangling.error().message, "FOREIGN KEY constraint failed");
}

TEST(StoreTest, AStoreAtVersionSevenMovesToTheBulkImportLayout) {
  crm::test::TempDir dir;
  const std::string path = dir.File("crm.db");
  const Dataset generated = test::GeneratedDataset(300, 200);
  {
    std::unique_ptr<Store> store = OpenOrDie(path);
    ASSERT_TRUE(store->ReplaceAll(generated, SampleRecord("a")).ok());
    ASSERT_TRUE(test::RewindToVersion7(store->connection()).ok());
    EXPECT_EQ(Text(*store, "SELECT subject FROM activities WHERE id = 2"), "Follow-up");
  }
  std::unique_ptr<Store> store = OpenOrDie(path);
  EXPECT_EQ(store->SchemaVersion(), 8);
  // Numbered in order of first use: the first activity's subject is empty.
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM activity_subjects"), 2);
  EXPECT_EQ(Text(*store, "SELECT subject FROM activity_subjects WHERE id = 1"), "");
  EXPECT_EQ(Count(*store, "SELECT subject_id FROM activities WHERE id = 2"), 2);
  EXPECT_EQ(Text(*store, "PRAGMA foreign_key_check"), "<no row>");
  EXPECT_EQ(Count(*store,
                  "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND "
                  "(tbl_name = 'activities' OR tbl_name = 'activity_subjects')"),
            6);
  EXPECT_EQ(
      Count(*store, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'opportunities'"),
      0);  // the ids are kept unique by triggers
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM sqlite_master WHERE name GLOB 'opportunities_unique_id_*'"),
            2);
  ExpectSameData(LoadOrDie(*store), generated);  // from the image, which the migration keeps
  ASSERT_TRUE(Execute(store->connection(), "DELETE FROM dataset_image").ok());
  ExpectSameData(LoadOrDie(*store), generated);  // and from the rows
}

TEST(StoreTest, OpenNamesThePathWhenItFails) {
  crm::test::TempDir dir;
  const std::string missing_folder = dir.File("no/such/folder/crm.db");
  Result<std::unique_ptr<Store>> store = Store::Open(missing_folder);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().message,
            "cannot open the store at '" + missing_folder + "': unable to open database file");

  const std::string not_a_database = dir.File("notes.txt");
  crm::test::WriteFile(not_a_database, std::string(4096, 'x'));
  store = Store::Open(not_a_database);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().message,
            "cannot open the store at '" + not_a_database + "': file is not a database");
}

TEST(StoreTest, RecordsImportHistoryNewestFirst) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ImportRecord first = SampleRecord("/data/first");
  ImportRecord second = SampleRecord("/data/second");
  second.started_at = "2024-06-01T08:00:00Z";
  second.finished_at = "2024-06-01T08:00:03Z";
  second.files = {{"sales_pipeline.csv", std::string(64, 'c'), 3, 2, 1}};
  second.id = 99;  // ignored: the store assigns ids
  Result<int64_t> first_id = store->ReplaceAll(SampleDataset(), first);
  Result<int64_t> second_id = store->ReplaceAll(OtherDataset(), second);
  ASSERT_TRUE(first_id.ok()) << first_id.error().message;
  ASSERT_TRUE(second_id.ok()) << second_id.error().message;
  EXPECT_EQ(*first_id, 1);
  EXPECT_EQ(*second_id, 2);

  Result<std::vector<ImportRecord>> history = store->ImportHistory();
  ASSERT_TRUE(history.ok()) << history.error().message;
  ASSERT_EQ(history->size(), 2u);
  first.id = 1;
  second.id = 2;
  EXPECT_EQ((*history)[0], second);
  EXPECT_EQ((*history)[1], first);
  EXPECT_EQ((*history)[1].files[1].name, "sales_pipeline.csv");
  EXPECT_EQ((*history)[1].files[1].sha256, std::string(64, 'b'));
  EXPECT_EQ((*history)[1].files[1].rows_read, 8800);
  EXPECT_EQ((*history)[1].files[1].rows_kept, 8790);
  EXPECT_EQ((*history)[1].files[1].rows_dropped, 10);
  EXPECT_EQ((*history)[0].report_json, R"({"source":"/data/second","problems":[]})");
}

TEST(StoreTest, SecondImportReplacesTheFirst) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(SampleDataset(), SampleRecord("a")).ok());
  const Dataset other = OtherDataset();
  ASSERT_TRUE(store->ReplaceAll(other, SampleRecord("b")).ok());
  const Dataset loaded = LoadOrDie(*store);
  ExpectSameData(loaded, other);
  EXPECT_EQ(loaded.opportunities.id[0], "NEW00001");
  EXPECT_EQ(loaded.FindOpportunity("1C1I7A6R"), kNoIndex);
  EXPECT_EQ(loaded.sectors.size(), 1u);  // only what the second import holds
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM accounts"), 1);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM products"), 1);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM sales_teams"), 1);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM opportunities"), 2);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM activities"), 0);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM import_history"), 2);
}

TEST(StoreTest, ImportKeepsConstraintsForLaterWrites) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(SampleDataset(), SampleRecord("a")).ok());
  ASSERT_TRUE(store->ReplaceAll(SampleDataset(), SampleRecord("b")).ok());
  EXPECT_EQ(Count(*store, "PRAGMA foreign_keys"), 1);
  const Status dangling =
      Execute(store->connection(),
              "INSERT INTO opportunities (id, opportunity_id, sales_agent_id, product_id, "
              "deal_stage) VALUES (99, 'NEWONE01', 1, 42, 'Won')");
  ASSERT_FALSE(dangling.ok());
  EXPECT_EQ(dangling.error().message, "FOREIGN KEY constraint failed");
  const Status duplicate =
      Execute(store->connection(),
              "INSERT INTO opportunities (id, opportunity_id, sales_agent_id, product_id, "
              "deal_stage) VALUES (99, '1C1I7A6R', 1, 1, 'Won')");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().message, "UNIQUE constraint failed: opportunities.opportunity_id");
  const Status renamed =
      Execute(store->connection(), "UPDATE opportunities SET opportunity_id = '1C1I7A6R' WHERE id = 2");
  ASSERT_FALSE(renamed.ok());
  EXPECT_EQ(renamed.error().message, "UNIQUE constraint failed: opportunities.opportunity_id");
  EXPECT_TRUE(Execute(store->connection(),
                      "UPDATE opportunities SET opportunity_id = '1C1I7A6R', close_value = 1 WHERE id = 1")
                  .ok());  // a row keeps its own id
  EXPECT_TRUE(Execute(store->connection(),
                      "INSERT INTO opportunities (id, opportunity_id, sales_agent_id, product_id, "
                      "deal_stage) VALUES (99, 'NEWONE01', 1, 1, 'Won')")
                  .ok());
}

TEST(StoreTest, NewStoresUseLargePagesAndAnImportRestoresTheSettingsItChanges) {
  crm::test::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
  EXPECT_EQ(Count(*store, "PRAGMA page_size"), 32768);
  ASSERT_TRUE(store->ReplaceAll(test::GeneratedDataset(300, 200), SampleRecord("a")).ok());
  EXPECT_EQ(Count(*store, "PRAGMA temp_store"), 2);  // MEMORY
  EXPECT_EQ(Count(*store, "PRAGMA cache_size"), -65536);
  EXPECT_EQ(Count(*store, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(Text(*store, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(Count(*store, "PRAGMA wal_checkpoint"), 0);  // not busy: the import's checkpoint emptied the WAL
  EXPECT_EQ(Text(*store, "PRAGMA integrity_check"), "ok");
}

TEST(StoreTest, AnExistingStoreKeepsItsPageSize) {
  crm::test::TempDir dir;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(dir.File("crm.db").c_str(), &db), SQLITE_OK);
    ASSERT_TRUE(Execute(db, "PRAGMA page_size = 4096; CREATE TABLE earlier (x INTEGER)").ok());
    sqlite3_close(db);
  }
  std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
  EXPECT_EQ(Count(*store, "PRAGMA page_size"), 4096);
  ASSERT_TRUE(store->ReplaceAll(SampleDataset(), SampleRecord("a")).ok());
  ExpectSameData(LoadOrDie(*store), SampleDataset());
}

TEST(StoreTest, AReimportNumbersTheRowsFromOneAgain) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(test::GeneratedDataset(1003, 517), SampleRecord("a")).ok());
  const Dataset smaller = test::GeneratedDataset(300, 200);
  ASSERT_TRUE(store->ReplaceAll(smaller, SampleRecord("b")).ok());
  EXPECT_EQ(Count(*store, "SELECT MIN(id) FROM opportunities"), 1);
  EXPECT_EQ(Count(*store, "SELECT MAX(id) FROM opportunities"), 300);
  EXPECT_EQ(Count(*store, "SELECT MAX(id) FROM activities"), 200);
  EXPECT_EQ(Count(*store, "SELECT id FROM opportunities WHERE opportunity_id = 'OPP00123'"), 124);
  EXPECT_EQ(Count(*store, "SELECT opportunity_id FROM activities WHERE activity_id = 'ACT00151'"), 152);
  ASSERT_TRUE(Execute(store->connection(), "DELETE FROM dataset_image").ok());  // load the rows themselves
  ExpectSameData(LoadOrDie(*store), smaller);
}

TEST(StoreTest, TheBulkWriteTableCannotBeReadFromSql) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(SampleDataset(), SampleRecord("a")).ok());
  // Only a pointer bound by the store reaches it; anything else reads as no rows.
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM crm_rows(1)"), 0);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM crm_rows('x')"), 0);
  EXPECT_FALSE(Execute(store->connection(), "SELECT * FROM crm_rows").ok());
}

// Saves the sample, then checks that a failing import leaves data and history exactly as they were.
class FailedImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(dir_.File("crm.db"));
    ASSERT_TRUE(store_->ReplaceAll(SampleDataset(), SampleRecord("good")).ok());
  }

  void ExpectFailsAndChangesNothing(const Dataset& bad, const std::string& expected_message) {
    Result<int64_t> id = store_->ReplaceAll(bad, SampleRecord("bad"));
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().message,
              "cannot save to the store at '" + dir_.File("crm.db") + "': " + expected_message);
    EXPECT_EQ(Count(*store_, "PRAGMA foreign_keys"), 1);  // suspended for the write only
    ExpectUnchanged(*store_);
    store_.reset();
    ExpectUnchanged(*OpenOrDie(dir_.File("crm.db")));  // and nothing half-written reaches the file
  }

  static void ExpectUnchanged(const Store& store) {
    LoadInfo info;
    Result<Dataset> loaded = store.Load(&info);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_TRUE(info.from_image) << info.image_problem;  // the previous import's image is intact
    ExpectSameData(*loaded, SampleDataset());
    Result<std::vector<ImportRecord>> history = store.ImportHistory();
    ASSERT_TRUE(history.ok()) << history.error().message;
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].source, "good");
    EXPECT_EQ(Count(store, "SELECT COUNT(*) FROM sqlite_master WHERE name GLOB 'opportunities_unique_id_*'"),
              2);
  }

  crm::test::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(FailedImportTest, DuplicateOpportunityId) {
  Dataset bad = OtherDataset();
  bad.opportunities.id = StringColumn();
  bad.opportunities.id.Append("SAME0001");
  bad.opportunities.id.Append("SAME0001");
  ExpectFailsAndChangesNothing(bad, "opportunity 'SAME0001' occurs more than once");
}

TEST_F(FailedImportTest, ActivityPointsAtMissingOpportunity) {
  Dataset bad = SampleDataset();
  bad.activities.opportunity.back() = 40;  // the last row of the last table
  ExpectFailsAndChangesNothing(bad, "activity 'ACT-3': its opportunity (row 40) does not exist");
}

TEST_F(FailedImportTest, ConstraintInTheMiddleOfAnInsertBatchNamesTheRow) {
  Dataset bad = test::GeneratedDataset(100, 0);
  bad.opportunities.sales_agent[37] = kNoIndex;  // inside the third batch of sixteen
  ExpectFailsAndChangesNothing(
      bad, "opportunity 'OPP00037': NOT NULL constraint failed: opportunities.sales_agent_id");
}

TEST_F(FailedImportTest, LaterTableWouldPointAtAReplacedRow) {
  // A later migration's table that refers to accounts by id: replacing the accounts would orphan it.
  ASSERT_TRUE(
      Execute(store_->connection(),
              "CREATE TABLE notes (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts (id));"
              "INSERT INTO notes VALUES (1, 1), (2, 3)")
          .ok());
  ExpectFailsAndChangesNothing(OtherDataset(), "notes row 2 refers to a missing row of accounts");
}

TEST_F(FailedImportTest, OpportunityPointsAtMissingAccount) {
  Dataset bad = SampleDataset();
  bad.opportunities.account[1] = 3;  // there are three accounts: rows 0-2
  ExpectFailsAndChangesNothing(bad, "opportunity 'Z063OYW0': its account (row 3) does not exist");
}

TEST_F(FailedImportTest, OpportunityWithoutSalesAgent) {
  Dataset bad = SampleDataset();
  bad.opportunities.sales_agent[2] = kNoIndex;
  ExpectFailsAndChangesNothing(
      bad, "opportunity 'EC4QE1BX': NOT NULL constraint failed: opportunities.sales_agent_id");
}

TEST_F(FailedImportTest, DuplicateAccountName) {
  Dataset bad = SampleDataset();
  bad.accounts[2].name = "Acme Corporation";
  ExpectFailsAndChangesNothing(bad, "account 'Acme Corporation': UNIQUE constraint failed: accounts.name");
}

TEST_F(FailedImportTest, UnknownDictionaryCode) {
  Dataset bad = SampleDataset();
  bad.products[0].series = 7;
  ExpectFailsAndChangesNothing(bad, "product 'GTX Basic': series code 7 is unknown");
}

TEST_F(FailedImportTest, ColumnsOfDifferentLengths) {
  Dataset bad = SampleDataset();
  bad.opportunities.close_value.pop_back();
  ExpectFailsAndChangesNothing(bad, "the opportunity columns have different lengths");
}

TEST(StoreLoadTest, RejectsIdsWithGapsInsteadOfShiftingReferences) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(OtherDataset(), SampleRecord("a")).ok());
  ASSERT_TRUE(Execute(store->connection(), "UPDATE opportunities SET id = 5 WHERE id = 2").ok());
  Result<Dataset> loaded = store->Load();
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message,
            "cannot load from the store at ':memory:': table opportunities has id 5 where 2 was expected "
            "(ids must be 1, 2, 3, …)");
}

TEST(StoreLoadTest, RejectsMalformedDatesInsteadOfGuessing) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(OtherDataset(), SampleRecord("a")).ok());
  ASSERT_TRUE(
      Execute(store->connection(), "UPDATE opportunities SET close_date = '2018-02-30' WHERE id = 1").ok());
  Result<Dataset> loaded = store->Load();
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message,
            "cannot load from the store at ':memory:': opportunity 'NEW00001': close_date is not a "
            "YYYY-MM-DD date");
}

}  // namespace
}  // namespace crm::store
