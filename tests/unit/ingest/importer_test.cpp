#include "crm/ingest/importer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "import_fixture.h"

namespace crm::ingest {
namespace {

using test_fixture::CrmFolder;

const CleaningEntry* FindCleaning(const ImportReport& report, const std::string& kind, const std::string& field) {
  for (const CleaningEntry& entry : report.cleaning) {
    if (entry.kind == kind && entry.field == field) return &entry;
  }
  return nullptr;
}

TEST(ImporterTest, ImportsAValidFolderAndKeepsMissingValuesMissing) {
  CrmFolder folder;
  auto result = folder.Import();
  ASSERT_TRUE(result.ok()) << result.error().message;
  const Dataset& data = result->data;
  EXPECT_EQ(data.sales_agents.size(), 2u);
  EXPECT_EQ(data.managers.size(), 2u);
  EXPECT_EQ(data.regional_offices.size(), 1u);
  EXPECT_EQ(data.products.size(), 2u);
  EXPECT_EQ(data.accounts.size(), 2u);
  EXPECT_EQ(data.accounts[1].parent, 0);
  ASSERT_EQ(data.opportunities.size(), 4u);
  const OpportunityColumns& deals = data.opportunities;
  EXPECT_EQ(deals.id[0], "AAAA0001");
  EXPECT_EQ(deals.close_value[0], 4800);
  EXPECT_EQ(deals.account[2], kNoIndex);
  EXPECT_EQ(deals.close_date[2], kNoDay);
  EXPECT_TRUE(std::isnan(deals.close_value[2]));
  EXPECT_EQ(deals.engage_date[3], kNoDay);
  EXPECT_EQ(deals.deal_stage[3], DealStage::kProspecting);
  EXPECT_TRUE(result->report.problems.empty());
  EXPECT_TRUE(result->report.cleaning.empty());
  ASSERT_EQ(result->report.files.size(), 4u);
  EXPECT_EQ(result->report.files[3].name, "sales_pipeline.csv");
  EXPECT_EQ(result->report.files[3].rows_kept, 4);
  EXPECT_EQ(result->report.files[3].sha256.size(), 64u);
  ASSERT_EQ(result->report.warnings.size(), 1u);
  EXPECT_NE(result->report.warnings[0].find("activities.csv not found"), std::string::npos);
}

//! A row appended to a file and the problem it must produce.
struct BadRow {
  std::string name;  //!< the rule, as the test's name
  std::string file;
  std::string row;
  std::string expected;  //!< the whole problem line
};

//! Keeps test names and logs short: a BadRow prints as its rule name.
void PrintTo(const BadRow& bad, std::ostream* out) { *out << bad.name; }

class ValidationRuleTest : public testing::TestWithParam<BadRow> {};

TEST_P(ValidationRuleTest, DropsTheRowAndNamesFileLineAndField) {
  const BadRow& bad = GetParam();
  CrmFolder folder;
  folder.Append(bad.file, bad.row);
  auto result = folder.Import();
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->report.problems.size(), 1u);
  EXPECT_EQ(result->report.problems[0].ToString(), bad.expected);
  int64_t dropped = 0;
  for (const FileReport& file : result->report.files) dropped += file.rows_dropped;
  EXPECT_EQ(dropped, 1);
  EXPECT_EQ(result->data.opportunities.size(), 4u);
}

TEST_P(ValidationRuleTest, StrictModeFailsWithTheSameLocation) {
  const BadRow& bad = GetParam();
  CrmFolder folder;
  folder.Append(bad.file, bad.row);
  auto result = folder.Import(/*strict=*/true);
  ASSERT_FALSE(result.ok());
  const std::string location = bad.expected.substr(0, bad.expected.find(';'));
  EXPECT_EQ(result.error().message.substr(0, location.size()), location) << result.error().message;
  EXPECT_NE(result.error().message.find("--strict"), std::string::npos);
}

const char* kPipeline = "sales_pipeline.csv";

INSTANTIATE_TEST_SUITE_P(
    Rules, ValidationRuleTest,
    testing::Values(
        BadRow{"BadDate", kPipeline, "AAAA0005,Moses Frase,GTX Pro,Acme Corporation,Won,2017-13-01,2017-02-01,10",
               "sales_pipeline.csv:6: engage_date: '2017-13-01' is not a date (YYYY-MM-DD); row dropped"},
        BadRow{"NotANumber", kPipeline, "AAAA0005,Moses Frase,GTX Pro,Acme Corporation,Won,2017-01-01,2017-02-01,ten",
               "sales_pipeline.csv:6: close_value: 'ten' is not a number; row dropped"},
        BadRow{"NegativeMoney", kPipeline, "AAAA0005,Moses Frase,GTX Pro,Acme Corporation,Won,2017-01-01,2017-02-01,-5",
               "sales_pipeline.csv:6: close_value: '-5' is negative; row dropped"},
        BadRow{"DuplicateIdWithOtherValues", kPipeline, "AAAA0001,Moses Frase,GTX Pro,Acme Corporation,Won,2017-01-02,2017-02-01,99",
               "sales_pipeline.csv:6: opportunity_id: 'AAAA0001' already appears on line 2 with different "
               "values; row dropped"},
        BadRow{"CloseBeforeEngage", kPipeline, "AAAA0005,Moses Frase,GTX Pro,Acme Corporation,Lost,2017-03-01,2017-02-01,0",
               "sales_pipeline.csv:6: close_date: '2017-02-01' is before engage_date 2017-03-01; row dropped"},
        BadRow{"WonWithoutValue", kPipeline, "AAAA0005,Moses Frase,GTX Pro,Acme Corporation,Won,2017-01-01,2017-02-01,",
               "sales_pipeline.csv:6: close_value: a Won deal has no close_value; row dropped"},
        BadRow{"UnknownAgent", kPipeline, "AAAA0005,Nobody Known,GTX Pro,,Engaging,2017-01-01,,",
               "sales_pipeline.csv:6: sales_agent: 'Nobody Known' is not a sales agent of sales_teams.csv; row dropped"},
        BadRow{"UnknownProduct", kPipeline, "AAAA0005,Moses Frase,Hyperdrive 9000,,Engaging,2017-01-01,,",
               "sales_pipeline.csv:6: product: 'Hyperdrive 9000' is not a product of products.csv; row dropped"},
        BadRow{"UnknownAccount", kPipeline, "AAAA0005,Moses Frase,GTX Pro,Umbrella Unknown,Engaging,2017-01-01,,",
               "sales_pipeline.csv:6: account: 'Umbrella Unknown' is not an account of accounts.csv; row dropped"},
        BadRow{"UnknownStage", kPipeline, "AAAA0005,Moses Frase,GTX Pro,,Negotiating,2017-01-01,,",
               "sales_pipeline.csv:6: deal_stage: 'Negotiating' is not a deal stage (Prospecting, Engaging, Won, "
               "Lost); row dropped"},
        BadRow{"RaggedRow", kPipeline, "AAAA0005,Moses Frase,GTX Pro,,Engaging,2017-01-01,",
               "sales_pipeline.csv:6: expected 8 fields, found 7; row dropped"},
        BadRow{"InvalidUtf8", kPipeline, "AAAA0005,Moses Frase,GTX Pro,\xC3\x28,Engaging,2017-01-01,,",
               "sales_pipeline.csv:6: field 4 is not valid UTF-8; row dropped"},
        BadRow{"NegativeHeadCount", "accounts.csv", "Cyberdyne,technology,1984,100,-3,United States,",
               "accounts.csv:4: employees: '-3' is negative; row dropped"},
        BadRow{"BadYear", "accounts.csv", "Cyberdyne,technology,nineteen,100,3,United States,",
               "accounts.csv:4: year_established: 'nineteen' is not a whole number; row dropped"},
        BadRow{"NegativePrice", "products.csv", "GTK 500,GTK,-26768", "products.csv:4: sales_price: '-26768' is negative; row dropped"},
        BadRow{"DuplicateProductWithOtherValues", "products.csv", "GTX Pro,GTX,4000",
               "products.csv:4: product: 'GTX Pro' already appears on line 2 with different values; row dropped"}),
    [](const testing::TestParamInfo<BadRow>& info) { return info.param.name; });

TEST(ImporterTest, AClosedDealWithoutCloseDateIsKeptWithAWarning) {
  CrmFolder folder;
  folder.Append(kPipeline, "AAAA0005,Moses Frase,GTX Pro,,Lost,2017-01-01,,0");
  auto result = folder.Import();
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->report.problems.size(), 1u);
  EXPECT_EQ(result->report.problems[0].ToString(),
            "sales_pipeline.csv:6: close_date: a Lost deal has no close_date; row kept");
  EXPECT_EQ(result->data.opportunities.size(), 5u);
}

TEST(ImporterTest, AppliesAndRecordsTheCleaningRules) {
  CrmFolder folder;
  folder.files["accounts.csv"] =
      "account,sector,year_established,revenue,employees,office_location,subsidiary_of\r\n"
      "Acme Corporation,technolgy,1996,1100.04,2822,Philipines,\r\n"
      "Bluth Company,technolgy,1993,1242.32,3027,United States,Acme Corporation\r\n";
  folder.Append(kPipeline, "AAAA0005,  Moses Frase ,GTXPro,,won,2017-01-01,2017-02-01,4700");
  folder.Append(kPipeline, "AAAA0005,  Moses Frase ,GTXPro,,won,2017-01-01,2017-02-01,4700");
  auto result = folder.Import();
  ASSERT_TRUE(result.ok()) << result.error().message;
  const ImportReport& report = result->report;
  EXPECT_TRUE(report.problems.empty());
  const CleaningEntry* sector = FindCleaning(report, "typo", "sector");
  ASSERT_NE(sector, nullptr);
  EXPECT_EQ(sector->from, "technolgy");
  EXPECT_EQ(sector->to, "technology");
  EXPECT_EQ(sector->count, 2);
  const CleaningEntry* country = FindCleaning(report, "typo", "office_location");
  ASSERT_NE(country, nullptr);
  EXPECT_EQ(country->to, "Philippines");
  const CleaningEntry* product = FindCleaning(report, "reference", "product");
  ASSERT_NE(product, nullptr);
  EXPECT_EQ(product->from, "GTXPro");
  EXPECT_EQ(product->to, "GTX Pro");
  EXPECT_EQ(product->count, 2);
  const CleaningEntry* stage = FindCleaning(report, "canonical_stage", "deal_stage");
  ASSERT_NE(stage, nullptr);
  EXPECT_EQ(stage->from, "won");
  EXPECT_EQ(stage->to, "Won");
  const CleaningEntry* trim = FindCleaning(report, "trim", "sales_agent");
  ASSERT_NE(trim, nullptr);
  EXPECT_EQ(trim->count, 2);
  const CleaningEntry* duplicate = FindCleaning(report, "duplicate_row", "(whole row)");
  ASSERT_NE(duplicate, nullptr);
  EXPECT_EQ(duplicate->count, 1);
  EXPECT_EQ(result->data.opportunities.size(), 5u);
  EXPECT_EQ(result->data.sectors.Value(result->data.accounts[0].sector), "technology");
  EXPECT_EQ(result->data.countries.Value(result->data.accounts[0].office_location), "Philippines");
}

TEST(ImporterTest, AMissingRequiredColumnIsAnErrorNamingFileAndColumn) {
  CrmFolder folder;
  folder.files[kPipeline] =
      "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date\r\n"
      "AAAA0001,Moses Frase,GTX Pro,,Engaging,2017-01-02,\r\n";
  auto result = folder.Import();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "sales_pipeline.csv:1: missing required column 'close_value'");
}

TEST(ImporterTest, ColumnsAreFoundByNameInAnyOrderAndExtraColumnsAreIgnoredWithAWarning) {
  CrmFolder folder;
  folder.files["products.csv"] = "\xEF\xBB\xBFsales_price,Product,notes,series\n4821,GTX Pro,\"big, fast\",GTX\n55,MG Special,,MG\n";
  auto result = folder.Import();
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->data.products.size(), 2u);
  EXPECT_EQ(result->data.products[0].name, "GTX Pro");
  EXPECT_EQ(result->data.products[0].sales_price, 4821);
  EXPECT_EQ(result->data.series.Value(result->data.products[1].series), "MG");
  bool warned = false;
  for (const std::string& warning : result->report.warnings) {
    warned = warned || warning == "products.csv: column 'notes' is not used and was ignored";
  }
  EXPECT_TRUE(warned);
}

TEST(ImporterTest, AMissingFileOrFolderIsAnError) {
  CrmFolder folder;
  folder.files.erase("products.csv");
  auto result = folder.Import();
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("products.csv: missing"), std::string::npos);
  EXPECT_EQ(ImportFolder("/no/such/folder").error().message, "/no/such/folder: no such folder");
}

TEST(ImporterTest, ReadsActivitiesWhenPresentAndDropsThoseWithUnknownDeals) {
  CrmFolder folder;
  folder.files["activities.csv"] =
      "activity_id,activity_date,activity_type,sales_agent,account,opportunity_id,subject\r\n"
      "ACT1,2017-01-05,call,Moses Frase,Acme Corporation,AAAA0001,\"Call about GTX Pro, pricing\"\r\n"
      "ACT2,2017-03-05,email,Moses Frase,,AAAA0003,Follow-up\r\n"
      "ACT3,2017-03-06,demo,Moses Frase,,ZZZZ9999,Demo\r\n";
  auto result = folder.Import();
  ASSERT_TRUE(result.ok()) << result.error().message;
  const ActivityColumns& activities = result->data.activities;
  ASSERT_EQ(activities.size(), 2u);
  EXPECT_EQ(result->data.activity_subjects.Value(activities.subject[0]), "Call about GTX Pro, pricing");
  EXPECT_EQ(activities.opportunity[1], 2);
  EXPECT_EQ(activities.account[1], kNoIndex);
  EXPECT_EQ(result->data.activity_types.Value(activities.type[0]), "call");
  ASSERT_EQ(result->report.problems.size(), 1u);
  EXPECT_EQ(result->report.problems[0].ToString(),
            "activities.csv:4: opportunity_id: 'ZZZZ9999' is not an opportunity of sales_pipeline.csv; row dropped");
  EXPECT_TRUE(result->report.warnings.empty());
}

TEST(ImporterTest, RemovesRepeatedActivityIds) {
  CrmFolder folder;
  folder.files["activities.csv"] =
      "activity_id,activity_date,activity_type,sales_agent,account,opportunity_id,subject\r\n"
      "ACT1,2017-01-05,call,Moses Frase,,AAAA0001,Call\r\n"
      "ACT2,2017-01-06,email,Moses Frase,,AAAA0001,Mail\r\n"
      "ACT1,2017-01-05,call,Moses Frase,,AAAA0001,Call\r\n"
      "ACT2,2017-01-07,email,Moses Frase,,AAAA0001,Mail\r\n";
  auto result = folder.Import();
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->data.activities.size(), 2u);
  ASSERT_EQ(result->report.problems.size(), 1u);
  EXPECT_EQ(result->report.problems[0].ToString(),
            "activities.csv:5: activity_id: 'ACT2' already appears on line 3 with different values; row dropped");
  const CleaningEntry* duplicate = FindCleaning(result->report, "duplicate_row", "(whole row)");
  ASSERT_NE(duplicate, nullptr);
  EXPECT_EQ(duplicate->file, "activities.csv");
  EXPECT_EQ(duplicate->count, 1);
  EXPECT_EQ(result->report.files.back().rows_kept, 2);
  EXPECT_EQ(result->report.files.back().rows_dropped, 2);
}

TEST(ImporterTest, FlagsOutliersWithoutChangingThem) {
  CrmFolder folder;
  for (int i = 0; i < 9; ++i) {
    folder.Append(kPipeline, "BBBB000" + std::to_string(i) + ",Moses Frase,GTX Pro,,Won,2017-01-01,2017-02-01," +
                                 std::to_string(4700 + 10 * i));
  }
  folder.Append(kPipeline, "CCCC0001,Moses Frase,GTX Pro,,Won,2017-01-01,2017-02-01,90000");
  auto result = folder.Import();
  ASSERT_TRUE(result.ok());
  const ImportReport& report = result->report;
  ASSERT_EQ(report.outliers_total, 1);
  EXPECT_EQ(report.outliers[0].record, "CCCC0001");
  EXPECT_EQ(report.outliers[0].line, 15);
  EXPECT_EQ(report.outliers[0].value, 90000);
  const CleaningEntry* outlier = FindCleaning(report, "outlier", "close_value");
  ASSERT_NE(outlier, nullptr);
  EXPECT_EQ(outlier->to, "flagged, unchanged");
  const int32_t row = result->data.FindOpportunity("CCCC0001");
  ASSERT_NE(row, kNoIndex);
  EXPECT_EQ(result->data.opportunities.close_value[row], 90000);
}

}  // namespace
}  // namespace crm::ingest
