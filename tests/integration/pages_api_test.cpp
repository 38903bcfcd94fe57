// The web pages' API on generated data imported into a store and trained: /api/v1/models (the model
// cards), /api/v1/imports (the history with cleaning reports), /api/v1/data/profile (distributions and
// correlations) and /api/v1/accounts/{name} (the account page), including 404s and an account whose name
// is markup.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "integration/suite_server_test.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

//! The account name that must come back as data, never as markup.
constexpr char kMarkupName[] = "<img src=x onerror=alert(1)>";

//! Renames the account `from` to `to` in every CSV file of `folder` (whole fields only).
void RenameAccount(const std::string& folder, const std::string& from, const std::string& to) {
  for (const char* file : {"accounts.csv", "sales_pipeline.csv", "activities.csv"}) {
    const std::string path = folder + "/" + file;
    if (!std::ifstream(path)) continue;
    std::istringstream lines(test::ReadFile(path));
    std::string out, line;
    while (std::getline(lines, line)) {
      std::string renamed, field;
      std::istringstream fields(line);
      bool first = true;
      while (std::getline(fields, field, ',')) {
        renamed += (first ? "" : ",") + (field == from ? to : field);
        first = false;
      }
      if (!line.empty() && line.back() == ',') renamed += ",";
      out += renamed + "\n";
    }
    test::WriteFile(path, out);
  }
}

//! The name of the first account in the demo's accounts.csv.
std::string FirstAccount(const std::string& folder) {
  std::istringstream lines(test::ReadFile(folder + "/accounts.csv"));
  std::string header, line;
  std::getline(lines, header);
  std::getline(lines, line);
  return line.substr(0, line.find(','));
}

//! One server over a small trained demo store for the whole suite.
class PagesApiTest : public test::SuiteServerTest {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    const std::string folder = dir_->File("demo");
    const std::string db = "--db " + dir_->File("crm.db");
    if (test::RunCli("demo-data --out " + folder + " --opportunities 1200 --seed 5").exit_code != 0) return;
    RenameAccount(folder, FirstAccount(folder), kMarkupName);
    if (test::RunCli(db + " import " + folder).exit_code != 0) return;
    if (test::RunCli(db + " train").exit_code != 0) return;
    StartServer(db);
  }

  //! GET `path` as JSON, expecting `status`.
  json GetJson(const std::string& path, int status = 200) {
    auto result = client_->Get(path);
    if (!result) {
      ADD_FAILURE() << "no answer to " << path;
      return nullptr;
    }
    EXPECT_EQ(result->status, status) << path << ": " << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    return json::parse(result->body, nullptr, false);
  }
};

TEST_F(PagesApiTest, ModelsShowEachCardWithItsStoredFigures) {
  const json body = GetJson("/api/v1/models");
  ASSERT_EQ(body["models"].size(), 3u) << body.dump();
  const json& win = body["models"][0];
  EXPECT_EQ(win["name"], "opportunity_win");
  ASSERT_EQ(win["status"], "trained") << win.dump();
  EXPECT_TRUE(win["metrics"]["baseline_accuracy"].is_number());
  EXPECT_TRUE(win["metrics"]["auc"].is_number());
  EXPECT_EQ(win["calibration"]["bins"].size(), 10u);
  const json& confusion = win["confusion"];
  EXPECT_EQ(confusion["tp"].get<int64_t>() + confusion["fp"].get<int64_t>() + confusion["tn"].get<int64_t>() +
                confusion["fn"].get<int64_t>(),
            win["metrics"]["n"].get<int64_t>());
  double shares = 0;
  for (const json& feature : win["importance"]) shares += feature["gain_share"].get<double>();
  EXPECT_NEAR(shares, 1.0, 1e-6);
  EXPECT_FALSE(win["fairness"]["sector"]["groups"].empty());  // recorded by `train`, read from the store
  EXPECT_FALSE(win["backtest"]["points"].empty());
  EXPECT_FALSE(win["metrics"].contains("search"));
  EXPECT_FALSE(win["verdict"].get<std::string>().empty());
  EXPECT_TRUE(win["calibrator"].is_string());  // the kind only, never the fitted points
  EXPECT_FALSE(body["limits"].empty());
  EXPECT_FALSE(body["notes"].empty());
  ASSERT_TRUE(body["forecast"].is_object()) << body["forecast"].dump();
  EXPECT_TRUE(body["forecast"].contains("quarter"));
}

TEST_F(PagesApiTest, ImportsListTheHistoryWithCleaningReports) {
  const json body = GetJson("/api/v1/imports");
  ASSERT_EQ(body["imports"].size(), 1u) << body.dump();
  const json& entry = body["imports"][0];
  EXPECT_NE(entry["source"].get<std::string>().find("demo"), std::string::npos);
  EXPECT_GE(entry["files"].size(), 4u);
  for (const char* count : {"fixed", "flagged", "dropped", "problems"}) EXPECT_TRUE(entry[count].is_number());
  EXPECT_TRUE(entry["report"]["cleaning"].is_array());
  EXPECT_TRUE(entry["report"]["warnings"].is_array());
}

TEST_F(PagesApiTest, DataProfileHasHistogramsAndASquareCorrelationMatrix) {
  const json body = GetJson("/api/v1/data/profile");
  for (const char* chart : {"deal_size", "health"}) {
    EXPECT_EQ(body[chart]["type"], "histogram") << chart;
    EXPECT_EQ(body[chart]["labels"].size(), body[chart]["series"][0]["values"].size()) << chart;
  }
  const json& correlation = body["correlation"];
  const size_t fields = correlation["fields"].size();
  ASSERT_GE(fields, 5u);
  for (size_t i = 0; i < fields; ++i) {
    ASSERT_EQ(correlation["matrix"][i].size(), fields);
    for (size_t j = 0; j < fields; ++j) {
      EXPECT_EQ(correlation["n"][i][j], correlation["n"][j][i]);
      const json& r = correlation["matrix"][i][j];
      EXPECT_TRUE(r.is_null() || (r.get<double>() >= -1 && r.get<double>() <= 1));
    }
  }
}

TEST_F(PagesApiTest, AccountPageHasEverythingAndAMarkupNameStaysData) {
  const json body = GetJson("/api/v1/accounts/" + test::EncodePathSegment(kMarkupName));
  EXPECT_EQ(body["account"]["name"], kMarkupName);
  EXPECT_EQ(body["summary"]["account"], kMarkupName);
  EXPECT_FALSE(body["summary"]["markdown"].get<std::string>().empty());
  ASSERT_TRUE(body["health"].is_object());
  EXPECT_TRUE(body["health"]["components"].is_object());
  EXPECT_TRUE(body["health"]["weights"].is_object());
  ASSERT_FALSE(body["opportunities"].empty());
  for (const json& deal : body["opportunities"]) {
    EXPECT_EQ(deal["account"], kMarkupName);
    const std::string stage = deal["deal_stage"];
    if (stage == "Won" || stage == "Lost") {
      EXPECT_TRUE(deal["score"].is_null());
    } else if (!deal["score"].is_null()) {
      EXPECT_TRUE(deal["score"]["factors"].is_array());
    }
  }
  ASSERT_FALSE(body["similar"].empty());
  EXPECT_NE(body["similar"][0]["name"], kMarkupName);
  // The summary route still answers beside it.
  const json summary = GetJson("/api/v1/accounts/" + test::EncodePathSegment(kMarkupName) + "/summary");
  EXPECT_EQ(summary["account"], kMarkupName);
}

TEST_F(PagesApiTest, UnknownAccountIs404AndWrongMethodsAre405) {
  const json missing = GetJson("/api/v1/accounts/No%20Such%20Company", 404);
  ASSERT_TRUE(missing.is_object());
  EXPECT_NE(missing["error"].get<std::string>().find("No Such Company"), std::string::npos) << missing.dump();
  auto post = client_->Post("/api/v1/models", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
}

}  // namespace
}  // namespace crm
