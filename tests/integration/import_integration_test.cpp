// The CLI's import and stats on the real Kaggle data, on generated data and on corrupt inputs.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "crm/store/sqlite.h"
#include "crm/store/store.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

json StatsJson(const std::string& args) {
  auto run = test::RunCli(args + " --json stats");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return json::parse(run.out);
}

bool HasCleaning(const json& stats, const std::string& field, const std::string& from, const std::string& to,
                 int64_t count) {
  for (const json& entry : stats["cleaning"]) {
    if (entry["field"] == field && entry["from"] == from && entry["to"] == to && entry["count"] == count)
      return true;
  }
  return false;
}

TEST(ImportIntegrationTest, KaggleDataGivesTheExactCountsAndTheThreeFixes) {
  CRM_REQUIRE_SHARED_DATA();
  const json stats = StatsJson("--data " + test::SharedDataDir());
  EXPECT_EQ(stats["accounts"], 85);
  EXPECT_EQ(stats["products"], 7);
  EXPECT_EQ(stats["sales_agents"], 35);
  EXPECT_EQ(stats["managers"], 6);
  EXPECT_EQ(stats["regional_offices"], 3);
  EXPECT_EQ(stats["opportunities"], 8800);
  EXPECT_EQ(stats["by_stage"],
            (json{{"Won", 4238}, {"Lost", 2473}, {"Engaging", 1589}, {"Prospecting", 500}}));
  EXPECT_EQ(stats["won_revenue"], 10005534);
  EXPECT_EQ(stats["rows_dropped"], 0);
  EXPECT_TRUE(HasCleaning(stats, "sector", "technolgy", "technology", 12));
  EXPECT_TRUE(HasCleaning(stats, "office_location", "Philipines", "Philippines", 1));
  EXPECT_TRUE(HasCleaning(stats, "product", "GTXPro", "GTX Pro", 1480));
  EXPECT_TRUE(stats["warnings"].is_array());
}

TEST(ImportIntegrationTest, ImportStoresTheDataAndStatsReadsItBack) {
  CRM_REQUIRE_SHARED_DATA();
  test::TempDir dir;
  const std::string db = "--db " + dir.File("crm.db");
  auto imported = test::RunCli(db + " --json import " + test::SharedDataDir());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const json from_import = json::parse(imported.out);
  const json from_store = StatsJson(db);
  for (const char* key : {"accounts", "products", "sales_agents", "managers", "regional_offices",
                          "opportunities", "by_stage", "cleaning", "warnings", "won_revenue"}) {
    EXPECT_EQ(from_import[key], from_store[key]) << key;
  }
  EXPECT_EQ(from_store["files"][3]["sha256"].get<std::string>().size(), 64u);
}

TEST(ImportIntegrationTest, GeneratedDemoDataImportsCleanlyWithItsPlantedDirtFixed) {
  test::TempDir dir;
  auto generated = test::RunCli("demo-data --out " + dir.File("demo") + " --seed 7 --opportunities 5000");
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const json stats = StatsJson("--data " + dir.File("demo"));
  EXPECT_EQ(stats["opportunities"], 5000);
  EXPECT_EQ(stats["rows_dropped"], 0);
  EXPECT_EQ(stats["sales_agents"], 35);
  EXPECT_EQ(stats["regional_offices"], 3);
  EXPECT_GT(stats["activities"].get<int64_t>(), 0);
  int64_t deals = 0;
  for (const auto& [stage, count] : stats["by_stage"].items()) deals += count.get<int64_t>();
  EXPECT_EQ(deals, 5000);
  bool product_fixed = false, sector_fixed = false;
  for (const json& entry : stats["cleaning"]) {
    product_fixed = product_fixed || (entry["field"] == "product" && entry["to"] == "GTX Pro");
    sector_fixed = sector_fixed || (entry["field"] == "sector" && entry["kind"] == "typo");
  }
  EXPECT_TRUE(product_fixed);
  EXPECT_TRUE(sector_fixed);
}

//! A store holding the Kaggle-shaped fixture, and corrupt folders to throw at it.
class CorruptInputTest : public testing::Test {
 protected:
  void SetUp() override {
    WriteFolder(dir_.File("good"), kPipeline);
    auto run = test::RunCli(db_ + " import " + dir_.File("good"));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    before_ = StatsJson(db_);
  }
  static void WriteFolder(const std::string& folder, const std::string& pipeline) {
    std::filesystem::create_directories(folder);
    test::WriteFile(folder + "/sales_teams.csv",
                    "sales_agent,manager,regional_office\nMoses Frase,Dustin Brinkmann,Central\n");
    test::WriteFile(folder + "/products.csv", "product,series,sales_price\nGTX Pro,GTX,4821\n");
    test::WriteFile(folder + "/accounts.csv",
                    "account,sector,year_established,revenue,employees,office_location,subsidiary_of\n"
                    "Acme Corporation,technology,1996,1100.04,2822,United States,\n");
    test::WriteFile(folder + "/sales_pipeline.csv", pipeline);
  }
  //! Imports `pipeline` with `flags`; expects failure with `message` and the store unchanged.
  void ExpectRejected(const std::string& pipeline, const std::string& flags, const std::string& message) {
    WriteFolder(dir_.File("bad"), pipeline);
    auto run = test::RunCli(db_ + " import " + flags + " " + dir_.File("bad"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err, "error: " + message + "\n");
    EXPECT_EQ(StatsJson(db_), before_);
  }

  static constexpr const char* kPipeline =
      "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
      "AAAA0001,Moses Frase,GTX Pro,Acme Corporation,Won,2017-01-02,2017-02-01,4800\n";
  test::TempDir dir_;
  std::string db_ = "--db " + dir_.File("crm.db");
  json before_;
};

TEST_F(CorruptInputTest, StrictImportOfABadRowChangesNothing) {
  ExpectRejected(
      std::string(kPipeline) + "AAAA0002,Moses Frase,GTX Pro,,Won,2017-02-30,,\n", "--strict",
      "sales_pipeline.csv:3: engage_date: '2017-02-30' is not a date (YYYY-MM-DD) (--strict: import "
      "stopped, nothing changed)");
}

TEST_F(CorruptInputTest, AMissingColumnChangesNothing) {
  ExpectRejected("opportunity_id,sales_agent,product\nAAAA0001,Moses Frase,GTX Pro\n", "",
                 "sales_pipeline.csv:1: missing required column 'account'");
}

TEST_F(CorruptInputTest, AnUnterminatedQuoteChangesNothing) {
  ExpectRejected(std::string(kPipeline) + "AAAA0002,\"Moses Frase,GTX Pro,,Engaging,2017-01-01,,\n", "",
                 "sales_pipeline.csv:3: unterminated quoted field");
}

TEST_F(CorruptInputTest, AFolderThatDoesNotExistChangesNothing) {
  auto run = test::RunCli(db_ + " import " + dir_.File("nowhere"));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, "error: " + dir_.File("nowhere") + ": no such folder\n");
  EXPECT_EQ(StatsJson(db_), before_);
}

TEST_F(CorruptInputTest, AnImportKilledWhileWritingLeavesThePreviousData) {
  auto generated = test::RunCli("demo-data --out " + dir_.File("big") + " --opportunities 400000 --seed 3");
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const std::string wal = dir_.File("crm.db") + "-wal";
  // Killed at three points of its bulk write: the pages that do not fit the import's 64 MiB cache are
  // spilled to the WAL as it goes, tens of MB of them before it commits (at about 120 MB, well past 56 MB).
  for (uintmax_t wal_bytes : {uintmax_t{4} << 20, uintmax_t{24} << 20, uintmax_t{56} << 20}) {
    SCOPED_TRACE("killed once the WAL held " + std::to_string(wal_bytes >> 20) + " MB");
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      execl(CRM_CLI_PATH, CRM_CLI_PATH, "--db", dir_.File("crm.db").c_str(), "import",
            dir_.File("big").c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    // Wait until the import has written that much, then kill it hard.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::error_code error;
    while (std::chrono::steady_clock::now() < deadline &&
           (!std::filesystem::exists(wal, error) || std::filesystem::file_size(wal, error) < wal_bytes)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it could be killed";
    EXPECT_EQ(StatsJson(db_), before_);
    auto store = store::Store::Open(dir_.File("crm.db"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    store::LoadInfo info;
    ASSERT_TRUE((*store)->Load(&info).ok());
    EXPECT_TRUE(info.from_image) << info.image_problem;  // the previous import's image, intact
    auto history = (*store)->ImportHistory();
    ASSERT_TRUE(history.ok());
    EXPECT_EQ(history->size(), 1u);
    auto check = store::Prepare((*store)->connection(), "PRAGMA integrity_check");
    ASSERT_TRUE(check.ok());
    ASSERT_EQ(sqlite3_step(check->get()), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(check->get(), 0)), "ok");
  }
  // And the store takes the next import.
  auto run = test::RunCli(db_ + " import " + dir_.File("big"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(StatsJson(db_)["opportunities"], 400000);
}

}  // namespace
}  // namespace crm
