// The dataset image: Load reads it when it is usable and gives exactly the Dataset the rows give;
// otherwise it reads the rows and says why.
#include "../../../src/store/dataset_image.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "crm/store/schema.h"
#include "crm/store/sqlite.h"
#include "crm/store/store.h"
#include "old_schema.h"
#include "sample_data.h"
#include "support/test_support.h"

namespace crm::store {
namespace {

using test::SampleRecord;

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.error().message;
  return std::move(store).value();
}

Dataset LoadOrDie(const Store& store, LoadInfo* info = nullptr) {
  Result<Dataset> data = store.Load(info);
  EXPECT_TRUE(data.ok()) << data.error().message;
  return data.ok() ? std::move(data).value() : Dataset();
}

int64_t Count(const Store& store, const std::string& sql) {
  Result<int64_t> count = QueryInt64(store.connection(), sql);
  EXPECT_TRUE(count.ok()) << count.error().message;
  return count.ok() ? *count : -1;
}

void RunSql(const Store& store, const std::string& sql) {
  const Status done = Execute(store.connection(), sql.c_str());
  ASSERT_TRUE(done.ok()) << sql << ": " << done.error().message;
}

// Loads from the rows: drops the image first (which the next import writes again).
Dataset LoadFromRows(const Store& store) {
  RunSql(store, "DELETE FROM dataset_image");
  LoadInfo info;
  Dataset data = LoadOrDie(store, &info);
  EXPECT_FALSE(info.from_image);
  EXPECT_EQ(info.image_problem, "");
  return data;
}

bool SameNumber(double a, double b) {
  return HasValue(a) ? a == b && std::signbit(a) == std::signbit(b) : !HasValue(b);
}

// Every value, every dictionary code and every dictionary, in order.
void ExpectIdentical(const Dataset& a, const Dataset& b) {
  EXPECT_EQ(a.sectors.values(), b.sectors.values());
  EXPECT_EQ(a.countries.values(), b.countries.values());
  EXPECT_EQ(a.series.values(), b.series.values());
  EXPECT_EQ(a.managers.values(), b.managers.values());
  EXPECT_EQ(a.regional_offices.values(), b.regional_offices.values());
  EXPECT_EQ(a.activity_types.values(), b.activity_types.values());
  EXPECT_EQ(a.activity_subjects.values(), b.activity_subjects.values());
  ASSERT_EQ(a.accounts.size(), b.accounts.size());
  for (size_t row = 0; row < a.accounts.size(); ++row) {
    const Account& x = a.accounts[row];
    const Account& y = b.accounts[row];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.sector, y.sector);
    EXPECT_EQ(x.year_established, y.year_established);
    EXPECT_TRUE(SameNumber(x.revenue, y.revenue)) << x.name;
    EXPECT_EQ(x.employees, y.employees);
    EXPECT_EQ(x.office_location, y.office_location);
    EXPECT_EQ(x.subsidiary_of, y.subsidiary_of);
    EXPECT_EQ(x.parent, y.parent);
  }
  ASSERT_EQ(a.products.size(), b.products.size());
  for (size_t row = 0; row < a.products.size(); ++row) {
    EXPECT_EQ(a.products[row].name, b.products[row].name);
    EXPECT_EQ(a.products[row].series, b.products[row].series);
    EXPECT_TRUE(SameNumber(a.products[row].sales_price, b.products[row].sales_price));
  }
  ASSERT_EQ(a.sales_agents.size(), b.sales_agents.size());
  for (size_t row = 0; row < a.sales_agents.size(); ++row) {
    EXPECT_EQ(a.sales_agents[row].name, b.sales_agents[row].name);
    EXPECT_EQ(a.sales_agents[row].manager, b.sales_agents[row].manager);
    EXPECT_EQ(a.sales_agents[row].regional_office, b.sales_agents[row].regional_office);
  }
  const OpportunityColumns& x = a.opportunities;
  const OpportunityColumns& y = b.opportunities;
  ASSERT_EQ(x.size(), y.size());
  ASSERT_EQ(x.id.size(), y.id.size());
  for (size_t row = 0; row < x.size(); ++row) {
    ASSERT_EQ(x.id[row], y.id[row]);
    ASSERT_TRUE(SameNumber(x.close_value[row], y.close_value[row])) << row;
  }
  EXPECT_EQ(x.sales_agent, y.sales_agent);
  EXPECT_EQ(x.product, y.product);
  EXPECT_EQ(x.account, y.account);
  EXPECT_EQ(x.deal_stage, y.deal_stage);
  EXPECT_EQ(x.engage_date, y.engage_date);
  EXPECT_EQ(x.close_date, y.close_date);
  const ActivityColumns& p = a.activities;
  const ActivityColumns& q = b.activities;
  ASSERT_EQ(p.size(), q.size());
  ASSERT_EQ(p.id.size(), q.id.size());
  for (size_t row = 0; row < p.size(); ++row) ASSERT_EQ(p.id[row], q.id[row]);
  EXPECT_EQ(p.date, q.date);
  EXPECT_EQ(p.type, q.type);
  EXPECT_EQ(p.sales_agent, q.sales_agent);
  EXPECT_EQ(p.account, q.account);
  EXPECT_EQ(p.opportunity, q.opportunity);
  EXPECT_EQ(p.subject, q.subject);
  for (size_t row = 0; row < x.size(); ++row) {
    ASSERT_EQ(a.FindOpportunity(x.id[row]), b.FindOpportunity(x.id[row]));
  }
}

// Saves `data`, loads it through the image, then through the rows, and expects the same Dataset.
void ExpectImageLoadsAsTheRows(const Dataset& data) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(data, SampleRecord("a")).ok());
  LoadInfo info;
  const Dataset from_image = LoadOrDie(*store, &info);
  EXPECT_TRUE(info.from_image);
  EXPECT_EQ(info.image_problem, "");
  ExpectIdentical(from_image, LoadFromRows(*store));
}

TEST(DatasetImageTest, LoadsTheSameDatasetAsTheRows) {
  ExpectImageLoadsAsTheRows(test::SampleDataset());
  ExpectImageLoadsAsTheRows(test::OtherDataset());
  ExpectImageLoadsAsTheRows(test::GeneratedDataset(1003, 517));
  ExpectImageLoadsAsTheRows(test::GeneratedDataset(0, 0));
  ExpectImageLoadsAsTheRows(Dataset());
}

TEST(DatasetImageTest, NumbersCodesAndNumbersAsTheRowsDo) {
  // Dictionaries holding values no row uses, codes not in first-use order, numbers that SQLite stores in
  // a canonical form (a NaN with a payload is NULL, -0.0 is 0).
  Dataset data = test::SampleDataset();
  Dataset odd;
  odd.sectors.Intern("unused sector");
  const int32_t retail = odd.sectors.Intern("retail");
  const int32_t technolgy = odd.sectors.Intern("technolgy");
  for (Account& account : data.accounts) {
    if (account.sector != kNoIndex) {
      account.sector = data.sectors.Value(account.sector) == "retail" ? retail : technolgy;
    }
  }
  data.sectors = odd.sectors;
  Dataset subjects;
  subjects.activity_subjects.Intern("never used");
  for (size_t row = 0; row < data.activities.size(); ++row) {
    data.activities.subject[row] = subjects.activity_subjects.Intern("S" + std::to_string(2 - row));
  }
  data.activity_subjects = subjects.activity_subjects;
  data.opportunities.close_value[0] = -0.0;
  uint64_t payload_nan = 0x7FF8000000000123ull;
  std::memcpy(&data.opportunities.close_value[3], &payload_nan, sizeof payload_nan);
  data.BuildIndexes();

  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(data, SampleRecord("a")).ok());
  LoadInfo info;
  const Dataset loaded = LoadOrDie(*store, &info);
  ASSERT_TRUE(info.from_image);
  EXPECT_EQ(loaded.sectors.values(), (std::vector<std::string>{"technolgy", "retail"}));
  EXPECT_EQ(loaded.activity_subjects.values(), (std::vector<std::string>{"S2", "S1", "S0"}));
  EXPECT_FALSE(std::signbit(loaded.opportunities.close_value[0]));
  EXPECT_FALSE(HasValue(loaded.opportunities.close_value[3]));
  ExpectIdentical(loaded, LoadFromRows(*store));
}

TEST(DatasetImageTest, AnImageInManyPartsLoadsTheSame) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  const Dataset data = test::GeneratedDataset(300, 200);
  Result<int64_t> id = store->ReplaceAll(data, SampleRecord("a"));
  ASSERT_TRUE(id.ok());
  RunSql(*store, "BEGIN IMMEDIATE");
  ASSERT_TRUE(WriteDatasetImage(store->connection(), *id, data, 100).ok());
  RunSql(*store, "COMMIT");
  EXPECT_GT(Count(*store, "SELECT COUNT(*) FROM dataset_image"), 50);
  EXPECT_EQ(Count(*store, "SELECT MAX(length(bytes)) FROM dataset_image WHERE part > 0"), 100);
  LoadInfo info;
  const Dataset loaded = LoadOrDie(*store, &info);
  EXPECT_TRUE(info.from_image) << info.image_problem;
  ExpectIdentical(loaded, LoadFromRows(*store));
}

// Damages the stored image in one way (given its last part's number) and returns the problem Load
// should then report.
struct Damage {
  const char* name;
  std::function<std::string(Store&, int last_part)> apply;
};

// Flips one bit of the byte at `at` of part `part` (a negative `at` counts from the end).
void FlipByte(Store& store, int part, int at) {
  sqlite3* db = store.connection();
  Result<Statement> read = Prepare(db, "SELECT bytes FROM dataset_image WHERE part = ?1");
  ASSERT_TRUE(read.ok());
  sqlite3_bind_int(read->get(), 1, part);
  ASSERT_EQ(sqlite3_step(read->get()), SQLITE_ROW);
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(read->get(), 0));
  std::string copy(bytes, sqlite3_column_bytes(read->get(), 0));
  copy[at < 0 ? copy.size() + at : at] ^= 0x04;
  Result<Statement> write = Prepare(db, "UPDATE dataset_image SET bytes = ?1 WHERE part = ?2");
  ASSERT_TRUE(write.ok());
  sqlite3_bind_blob(write->get(), 1, copy.data(), static_cast<int>(copy.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int(write->get(), 2, part);
  ASSERT_EQ(sqlite3_step(write->get()), SQLITE_DONE);
}

TEST(DatasetImageTest, ADamagedOrOutdatedImageFallsBackToTheRowsAndSaysWhy) {
  const std::vector<Damage> damages = {
      {"first data byte",
       [](Store& s, int) {
         FlipByte(s, 1, 0);
         return std::string("part 1 fails its checksum");
       }},
      {"last data byte",
       [](Store& s, int last) {
         FlipByte(s, last, -1);
         return "part " + std::to_string(last) + " fails its checksum";
       }},
      {"header",
       [](Store& s, int) {
         FlipByte(s, 0, 20);
         return std::string("its header fails its checksum");
       }},
      {"missing part",
       [](Store& s, int) {
         RunSql(s, "DELETE FROM dataset_image WHERE part = 4");
         return std::string("part 4 is missing");
       }},
      {"extra part",
       [](Store& s, int last) {
         RunSql(s, "INSERT INTO dataset_image VALUES (1, 1, " + std::to_string(last + 1) + ", x'00')");
         return "part " + std::to_string(last + 1) + " is unexpected";
       }},
      {"truncated part",
       [](Store& s, int) {
         RunSql(s, "UPDATE dataset_image SET bytes = substr(bytes, 2) WHERE part = 3");
         return std::string("part 3 has the wrong size");
       }},
      {"other version",
       [](Store& s, int) {
         RunSql(s, "UPDATE dataset_image SET format_version = 99 WHERE part = 0");
         return std::string("it has format version 99 where this program reads version 1");
       }},
  };
  const Dataset data = test::GeneratedDataset(300, 200);
  for (const Damage& damage : damages) {
    SCOPED_TRACE(damage.name);
    std::unique_ptr<Store> store = OpenOrDie(":memory:");
    Result<int64_t> id = store->ReplaceAll(data, SampleRecord("a"));
    ASSERT_TRUE(id.ok());
    RunSql(*store, "BEGIN IMMEDIATE");
    ASSERT_TRUE(WriteDatasetImage(store->connection(), *id, data, 1000).ok());
    RunSql(*store, "COMMIT");
    const int last = static_cast<int>(Count(*store, "SELECT MAX(part) FROM dataset_image"));
    ASSERT_GE(last, 5);
    const std::string problem = damage.apply(*store, last);
    LoadInfo info;
    const Dataset loaded = LoadOrDie(*store, &info);
    EXPECT_FALSE(info.from_image);
    EXPECT_EQ(info.image_problem, "the image of import 1 is unusable: " + problem);
    ExpectIdentical(loaded, LoadFromRows(*store));
  }
}

TEST(DatasetImageTest, ChangingACrmRowOutsideAnImportDiscardsTheImage) {
  const std::vector<std::string> changes = {
      "UPDATE accounts SET name = 'Renamed' WHERE id = 1",
      "UPDATE products SET sales_price = 1 WHERE id = 1",
      "UPDATE sales_teams SET manager = NULL WHERE id = 1",
      "UPDATE opportunities SET close_value = 7 WHERE id = 1",
      "DELETE FROM activities WHERE id = 3",
      "INSERT INTO activities VALUES (4, 'ACT-4', '2017-07-01', 'Call', 1, NULL, NULL, 1)",
      "UPDATE activity_subjects SET subject = 'Renamed' WHERE id = 1",
      "INSERT INTO activity_subjects (subject) VALUES ('Unused')",
      "INSERT INTO accounts (id, name) VALUES (4, 'Newco')",
      "DELETE FROM opportunities WHERE id = 4",
  };
  for (const std::string& change : changes) {
    SCOPED_TRACE(change);
    std::unique_ptr<Store> store = OpenOrDie(":memory:");
    ASSERT_TRUE(store->ReplaceAll(test::SampleDataset(), SampleRecord("a")).ok());
    ASSERT_GT(Count(*store, "SELECT COUNT(*) FROM dataset_image"), 0);
    RunSql(*store, change);
    EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM dataset_image"), 0);
    LoadInfo info;
    const Dataset loaded = LoadOrDie(*store, &info);
    EXPECT_FALSE(info.from_image);
    EXPECT_EQ(info.image_problem, "");
  }
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(test::SampleDataset(), SampleRecord("a")).ok());
  RunSql(*store, "UPDATE accounts SET name = 'Renamed' WHERE id = 1");
  EXPECT_EQ(LoadOrDie(*store).accounts[0].name, "Renamed");
}

TEST(DatasetImageTest, ImportsKeepOneImageAndItsTriggers) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  const std::string triggers =
      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'dataset_image_stale_*'";
  EXPECT_EQ(Count(*store, triggers), 18);  // three per CRM table
  ASSERT_TRUE(store->ReplaceAll(test::SampleDataset(), SampleRecord("a")).ok());
  ASSERT_TRUE(store->ReplaceAll(test::OtherDataset(), SampleRecord("b")).ok());
  EXPECT_EQ(Count(*store, triggers), 18);
  EXPECT_EQ(Count(*store, "SELECT COUNT(DISTINCT import_id) FROM dataset_image"), 1);
  EXPECT_EQ(Count(*store, "SELECT MIN(import_id) FROM dataset_image"), 2);
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM dataset_image WHERE format_version <> " +
                              std::to_string(kImageFormatVersion)),
            0);
}

TEST(DatasetImageTest, AnImageOfAnOlderImportIsNotRead) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_TRUE(store->ReplaceAll(test::SampleDataset(), SampleRecord("a")).ok());
  // A history entry written without the store (the image is then not the latest import's).
  RunSql(*store,
         "INSERT INTO import_history (started_at, finished_at, source, files, report) "
         "VALUES ('2024-01-01T00:00:00Z', '2024-01-01T00:00:01Z', 'elsewhere', '[]', '{}')");
  LoadInfo info;
  const Dataset loaded = LoadOrDie(*store, &info);
  EXPECT_FALSE(info.from_image);
  EXPECT_EQ(info.image_problem, "");
  EXPECT_EQ(loaded.opportunities.size(), 4u);
}

TEST(DatasetImageTest, AStoreFromBeforeTheImageUpgradesAndLoadsFromItsRows) {
  crm::test::TempDir dir;
  {
    // A store as schema version 1 left it: data, no image table, no triggers.
    std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
    ASSERT_TRUE(store->ReplaceAll(test::SampleDataset(), SampleRecord("a")).ok());
    ASSERT_TRUE(test::RewindToVersion7(store->connection()).ok());
    RunSql(*store,
           "DROP TABLE dataset_image; DROP TABLE models; DROP TABLE search_vocabulary;"
           " DROP TABLE search_text; DROP TABLE search_index_parts; DROP TABLE chat_turns; DROP TABLE "
           "embedding_cache;"
           " DROP TABLE sessions; DROP TABLE api_tokens; DROP TABLE audit_log; DROP TABLE users;"
           " DELETE FROM schema_migrations WHERE version >= 2");
    Result<Statement> triggers =
        Prepare(store->connection(), "SELECT name FROM sqlite_master WHERE type = 'trigger'");
    ASSERT_TRUE(triggers.ok());
    std::vector<std::string> names;
    while (sqlite3_step(triggers->get()) == SQLITE_ROW) {
      names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(triggers->get(), 0)));
    }
    for (const std::string& name : names) RunSql(*store, "DROP TRIGGER " + name);
  }
  std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
  EXPECT_EQ(store->SchemaVersion(), static_cast<int>(StoreMigrations().size()));
  LoadInfo info;
  const Dataset loaded = LoadOrDie(*store, &info);
  EXPECT_FALSE(info.from_image);
  EXPECT_EQ(info.image_problem, "");
  EXPECT_EQ(loaded.opportunities.size(), 4u);
  ASSERT_TRUE(store->ReplaceAll(loaded, SampleRecord("b")).ok());  // the next import writes the image
  ExpectIdentical(LoadOrDie(*store, &info), loaded);
  EXPECT_TRUE(info.from_image);
}

TEST(DatasetImageTest, AReaderKeepsItsSnapshotOfImageAndRowsWhileAnImportCommits) {
  crm::test::TempDir dir;
  std::unique_ptr<Store> writer = OpenOrDie(dir.File("crm.db"));
  ASSERT_TRUE(writer->ReplaceAll(test::SampleDataset(), SampleRecord("a")).ok());
  std::unique_ptr<Store> reader = OpenOrDie(dir.File("crm.db"));
  RunSql(*reader, "BEGIN");
  ASSERT_EQ(Count(*reader, "SELECT COUNT(*) FROM opportunities"), 4);  // the snapshot starts here
  // The import neither waits for the reader (its checkpoint gives up at once) nor disturbs it.
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(writer->ReplaceAll(test::OtherDataset(), SampleRecord("b")).ok());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  ImageRead old = ReadDatasetImage(reader->connection(), 1);
  ASSERT_TRUE(old.data.has_value()) << old.problem;
  EXPECT_EQ(old.data->opportunities.size(), 4u);
  EXPECT_EQ(Count(*reader, "SELECT COUNT(*) FROM opportunities"), 4);
  RunSql(*reader, "COMMIT");
  LoadInfo info;
  const Dataset now = LoadOrDie(*reader, &info);
  EXPECT_TRUE(info.from_image);
  EXPECT_EQ(now.opportunities.size(), 2u);
  EXPECT_EQ(now.opportunities.id[0], "NEW00001");
}

}  // namespace
}  // namespace crm::store
