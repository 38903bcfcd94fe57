#include "crm/ingest/reference_resolver.h"

#include <gtest/gtest.h>

namespace crm::ingest {
namespace {

TEST(ReferenceResolverTest, ResolvesExactNamesAndSpellingVariantsAndReportsTheVariants) {
  ReferenceResolver products({"GTX Basic", "GTX Pro", "MG Special"});
  EXPECT_EQ(products.Resolve("GTX Pro"), 1);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(products.Resolve("GTXPro"), 1);
  EXPECT_EQ(products.Resolve("mg special"), 2);
  std::vector<CleaningEntry> cleaning;
  products.ReportVariants("sales_pipeline.csv", "product", cleaning);
  ASSERT_EQ(cleaning.size(), 2u);
  EXPECT_EQ(cleaning[0].kind, "reference");
  EXPECT_EQ(cleaning[0].from, "GTXPro");
  EXPECT_EQ(cleaning[0].to, "GTX Pro");
  EXPECT_EQ(cleaning[0].count, 3);
  EXPECT_EQ(cleaning[1].from, "mg special");
  EXPECT_EQ(cleaning[1].count, 1);
}

TEST(ReferenceResolverTest, ResolvesATypoInALongNameOnlyWhenUnambiguous) {
  ReferenceResolver accounts({"Acme Corporation", "Betasoloin", "Betasoloim"});
  EXPECT_EQ(accounts.Resolve("Acme Corporaton"), 0);
  EXPECT_EQ(accounts.Resolve("Betasoloi"), kNoIndex);  // one edit from two accounts
}

TEST(ReferenceResolverTest, UnknownNamesStayUnknown) {
  ReferenceResolver agents({"Moses Frase", "Darcel Schlecht"});
  EXPECT_EQ(agents.Resolve("Nobody Atall"), kNoIndex);
  EXPECT_EQ(agents.Resolve(""), kNoIndex);
  EXPECT_EQ(agents.Resolve("Moses"), kNoIndex);
  std::vector<CleaningEntry> cleaning;
  agents.ReportVariants("f.csv", "sales_agent", cleaning);
  EXPECT_TRUE(cleaning.empty());
}

}  // namespace
}  // namespace crm::ingest
