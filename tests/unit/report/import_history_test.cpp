#include "crm/report/import_history.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace crm::report {
namespace {

store::ImportRecord Record(std::string report_json) {
  store::ImportRecord record;
  record.id = 4;
  record.started_at = "2024-05-01T10:00:00Z";
  record.finished_at = "2024-05-01T10:00:01Z";
  record.source = "demo";
  record.files = {{"accounts.csv", "ab", 10, 10, 0}, {"sales_pipeline.csv", "cd", 50, 47, 3}};
  record.report_json = std::move(report_json);
  return record;
}

TEST(ImportHistoryTest, CountsWhatWasFixedFlaggedAndDropped) {
  const nlohmann::json report = {{"source", "demo"},
                                 {"files", nlohmann::json::array()},
                                 {"cleaning",
                                  {{{"kind", "typo"},
                                    {"file", "accounts.csv"},
                                    {"field", "sector"},
                                    {"from", "technolgy"},
                                    {"to", "technology"},
                                    {"count", 3}},
                                   {{"kind", "trim"},
                                    {"file", "accounts.csv"},
                                    {"field", "account"},
                                    {"from", " A"},
                                    {"to", "A"},
                                    {"count", 1}},
                                   {{"kind", "outlier"},
                                    {"file", "sales_pipeline.csv"},
                                    {"field", "close_value"},
                                    {"from", "9"},
                                    {"to", "9"},
                                    {"count", 2}}}},
                                 {"problems",
                                  {{{"file", "sales_pipeline.csv"},
                                    {"line", 7},
                                    {"field", "close_date"},
                                    {"message", "bad"},
                                    {"dropped", true}}}},
                                 {"problems_not_listed", 2},
                                 {"warnings", {"extra column"}},
                                 {"outliers", nlohmann::json::array()},
                                 {"outliers_total", 2}};
  const nlohmann::json history = ImportHistoryJson({Record(report.dump())});
  ASSERT_EQ(history["imports"].size(), 1u);
  const nlohmann::json& entry = history["imports"][0];
  EXPECT_EQ(entry["id"], 4);
  EXPECT_EQ(entry["source"], "demo");
  EXPECT_EQ(entry["fixed"], 4);
  EXPECT_EQ(entry["flagged"], 2);
  EXPECT_EQ(entry["dropped"], 3);
  EXPECT_EQ(entry["problems"], 3);
  EXPECT_EQ(entry["files"].size(), 2u);
  EXPECT_EQ(entry["report"]["cleaning"].size(), 3u);
  EXPECT_EQ(entry["report"]["warnings"][0], "extra column");
}

TEST(ImportHistoryTest, ADamagedReportIsSaidSoAndTheFilesStillShow) {
  const nlohmann::json history = ImportHistoryJson({Record("{not json"), Record("[1, 2]")});
  for (const nlohmann::json& entry : history["imports"]) {
    EXPECT_TRUE(entry["report"].is_null());
    EXPECT_NE(entry["report_note"].get<std::string>().find("damaged"), std::string::npos);
    EXPECT_EQ(entry["dropped"], 3);
  }
  EXPECT_TRUE(ImportHistoryJson({})["imports"].empty());
}

}  // namespace
}  // namespace crm::report
