#include "crm/data/dataset_fingerprint.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "crm/store/sqlite.h"
#include "crm/store/store.h"
#include "support/test_support.h"
#include "unit/ingest/import_fixture.h"
#include "unit/store/sample_data.h"

namespace crm {
namespace {

using store::test::Day;
using store::test::SampleDataset;

TEST(DatasetFingerprintTest, SameDataSameHexDigest) {
  const std::string fingerprint = DatasetFingerprint(SampleDataset());
  EXPECT_EQ(fingerprint.size(), 64u);
  EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(DatasetFingerprint(SampleDataset()), fingerprint);
  EXPECT_NE(DatasetFingerprint(Dataset()), fingerprint);
}

TEST(DatasetFingerprintTest, StaysWhenTheColumnsNarrow) {
  // Stored models and search indexes are keyed by the fingerprint: a new column layout must not change it.
  // The value below was computed before activity types and agents were narrowed to 8 and 16 bits (commit
  // 8742b30); 300,000 activities make the agents' column more than one digest block.
  EXPECT_EQ(DatasetFingerprint(store::test::GeneratedDataset(2000, 300000)),
            "4d882ee59dcf8a666266b0ac7de40341ca8a208ceb7765265fbd2b6b67c60f45");
}

TEST(DatasetFingerprintTest, AnyChangedValueChangesIt) {
  const std::string original = DatasetFingerprint(SampleDataset());
  const std::vector<std::pair<const char*, std::function<void(Dataset&)>>> changes = {
      {"close value", [](Dataset& d) { d.opportunities.close_value[0] = 1055; }},
      {"stage", [](Dataset& d) { d.opportunities.deal_stage[2] = DealStage::kWon; }},
      {"engage date", [](Dataset& d) { d.opportunities.engage_date[0] += 1; }},
      {"deal's account", [](Dataset& d) { d.opportunities.account[1] = 0; }},
      {"account name", [](Dataset& d) { d.accounts[2].name = "Cancity Ltd"; }},
      {"revenue now missing", [](Dataset& d) { d.accounts[0].revenue = kNoNumber; }},
      {"sector text",
       [](Dataset& d) {
         d.sectors = StringDictionary();  // "technolgy" (code 0) becomes "technology"
         d.sectors.Intern("technology");
         d.sectors.Intern("retail");
       }},
      {"sector code", [](Dataset& d) { d.accounts[0].sector = d.accounts[2].sector; }},
      {"parent removed", [](Dataset& d) { d.accounts[1].subsidiary_of = ""; }},
      {"product price", [](Dataset& d) { d.products[0].sales_price = 551; }},
      {"agent's office", [](Dataset& d) { d.sales_agents[1].regional_office = 0; }},
      {"activity subject",
       [](Dataset& d) { d.activities.subject[1] = d.activity_subjects.Intern("Intro call"); }},
      {"activity type", [](Dataset& d) { d.activities.type[0] = d.activity_types.Intern("Email"); }},
      {"activity date", [](Dataset& d) { d.activities.date[2] = Day("2017-06-03"); }},
      {"one activity fewer", [](Dataset& d) { d.activities.EraseRows({2}); }},
  };
  for (const auto& [what, change] : changes) {
    Dataset data = SampleDataset();
    change(data);
    EXPECT_NE(DatasetFingerprint(data), original) << what;
  }
}

TEST(DatasetFingerprintTest, DictionaryCodesAndSignedZeroDoNotMatter) {
  const Dataset original = SampleDataset();
  Dataset recoded = SampleDataset();
  // The same activity types and subjects coded the other way round, with values no row uses.
  recoded.activity_types = StringDictionary();
  recoded.activity_types.Intern("Unused");
  recoded.activity_subjects = StringDictionary();
  for (auto value = original.activity_subjects.values().rbegin();
       value != original.activity_subjects.values().rend(); ++value) {
    recoded.activity_subjects.Intern(*value);
  }
  for (size_t row = 0; row < recoded.activities.size(); ++row) {
    recoded.activities.type[row] =
        recoded.activity_types.Intern(original.activity_types.Value(original.activities.type[row]));
    recoded.activities.subject[row] =
        recoded.activity_subjects.Find(original.activity_subjects.Value(original.activities.subject[row]));
  }
  ASSERT_NE(recoded.activities.type, original.activities.type);
  // A lost deal's zero as -0, a missing price as another NaN.
  recoded.opportunities.close_value[3] = -0.0;
  recoded.products[1].sales_price = -std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(DatasetFingerprint(recoded), DatasetFingerprint(original));
}

TEST(DatasetFingerprintTest, TheStoreGivesBackTheSameFingerprint) {
  crm::test::TempDir dir;
  const Dataset sample = store::test::GeneratedDataset(300, 700);
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(dir.File("crm.db"));
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  store::Store& crm_store = **opened;
  ASSERT_TRUE(crm_store.ReplaceAll(sample, store::test::SampleRecord("a")).ok());
  store::LoadInfo info;
  Result<Dataset> from_image = crm_store.Load(&info);
  ASSERT_TRUE(from_image.ok()) << from_image.error().message;
  EXPECT_TRUE(info.from_image);
  EXPECT_EQ(DatasetFingerprint(*from_image), DatasetFingerprint(sample));
  ASSERT_TRUE(store::Execute(crm_store.connection(), "DELETE FROM dataset_image").ok());
  Result<Dataset> from_rows = crm_store.Load(&info);
  ASSERT_TRUE(from_rows.ok()) << from_rows.error().message;
  EXPECT_FALSE(info.from_image);
  EXPECT_EQ(DatasetFingerprint(*from_rows), DatasetFingerprint(sample));
}

TEST(DatasetFingerprintTest, ImportedFromCsvOrLoadedFromTheStoreTheSame) {
  ingest::test_fixture::CrmFolder folder;
  // The last activity is dropped (unknown deal) after its type and subject were read.
  folder.files["activities.csv"] =
      "activity_id,activity_date,activity_type,sales_agent,account,opportunity_id,subject\r\n"
      "ACT1,2017-01-05,call,Moses Frase,Acme Corporation,AAAA0001,\"Call about GTX Pro, pricing\"\r\n"
      "ACT2,2017-03-05,email,Moses Frase,,AAAA0003,Follow-up\r\n"
      "ACT3,2017-03-06,demo,Moses Frase,,ZZZZ9999,Demo\r\n";
  Result<ingest::ImportResult> imported = folder.Import();
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  ASSERT_EQ(imported->data.activities.size(), 2u);
  crm::test::TempDir dir;
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(dir.File("crm.db"));
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  ASSERT_TRUE((*opened)->ReplaceAll(imported->data, store::test::SampleRecord("csv")).ok());
  ASSERT_TRUE(store::Execute((*opened)->connection(), "DELETE FROM dataset_image").ok());
  Result<Dataset> loaded = (*opened)->Load();
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(DatasetFingerprint(*loaded), DatasetFingerprint(imported->data));
}

}  // namespace
}  // namespace crm
