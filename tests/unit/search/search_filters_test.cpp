#include "crm/search/search_filters.h"

#include <gtest/gtest.h>

#include "search_sample.h"

namespace crm::search {
namespace {

ResolvedFilters ResolveOrDie(const SearchFilters& filters, const Dataset& data) {
  Result<ResolvedFilters> resolved = ResolvedFilters::Resolve(filters, data);
  EXPECT_TRUE(resolved.ok()) << resolved.error().message;
  return std::move(resolved).value();
}

//! Names of the accounts that pass.
std::vector<std::string> Accounts(const SearchFilters& filters, const Dataset& data) {
  const ResolvedFilters resolved = ResolveOrDie(filters, data);
  std::vector<std::string> names;
  for (size_t row = 0; row < data.accounts.size(); ++row) {
    if (resolved.AccountPasses(static_cast<int32_t>(row), nullptr)) names.push_back(data.accounts[row].name);
  }
  return names;
}

//! Ids of the deals that pass, except the shared-text ones.
std::vector<std::string> Deals(const SearchFilters& filters, const Dataset& data) {
  const ResolvedFilters resolved = ResolveOrDie(filters, data);
  std::vector<std::string> ids;
  for (size_t row = 0; row < data.opportunities.size(); ++row) {
    const std::string id(data.opportunities.id[row]);
    if (id.starts_with("DUP")) continue;
    if (resolved.OpportunityPasses(static_cast<int32_t>(row), nullptr)) ids.push_back(id);
  }
  return ids;
}

using Names = std::vector<std::string>;

TEST(SearchFiltersTest, EachNameFilter) {
  const Dataset data = test::SearchSample();
  EXPECT_EQ(Accounts({.sector = "retail"}, data), (Names{"Zumma", "Cheapmart"}));
  EXPECT_EQ(Accounts({.country = "United States"}, data), (Names{"Kan-code", "Cheapmart"}));
  EXPECT_EQ(Deals({.deal_stage = "Engaging"}, data), (Names{"KAN00002", "CHE00002"}));
  EXPECT_EQ(Deals({.product = "GTK 500"}, data), (Names{"KAN00002", "KON00003"}));
  EXPECT_EQ(Deals({.sales_agent = "Darcel Schlecht"}, data).size(), 5u);
  // Deals pass account filters through their account; a deal without one passes none.
  EXPECT_EQ(Deals({.sector = "retail", .deal_stage = "Won"}, data),
            (Names{"ZUM00001", "CHE00001", "CHE00003"}));
  EXPECT_EQ(Deals({.country = "Germany"}, data), (Names{"BLU00001"}));
}

TEST(SearchFiltersTest, NamesResolveWithoutCaseOrAccents) {
  const Dataset data = test::SearchSample();
  EXPECT_EQ(Accounts({.sector = "SOFTWARE"}, data), (Names{"Kan-code", "Konex"}));
  EXPECT_EQ(Deals({.deal_stage = "won", .product = "gtx pro"}, data), (Names{"KON00001", "KON00002"}));
}

TEST(SearchFiltersTest, NumericConditionsBothWays) {
  const Dataset data = test::SearchSample();
  const auto with = [](AccountField field, char op, double value) {
    return SearchFilters{.numeric = {{field, op, value}}};
  };
  // Missing values (Nullcorp) never pass.
  EXPECT_EQ(Accounts(with(AccountField::kEmployees, '>', 2500), data), (Names{"Kan-code", "Konex"}));
  EXPECT_EQ(Accounts(with(AccountField::kEmployees, '<', 2500), data), (Names{"Zumma", "Cheapmart"}));
  EXPECT_EQ(Accounts(with(AccountField::kRevenue, '>', 800), data), (Names{"Kan-code", "Konex"}));
  EXPECT_EQ(Accounts(with(AccountField::kRevenue, '<', 100), data), (Names{"Zumma", "Cheapmart"}));
  EXPECT_EQ(Accounts(with(AccountField::kYearEstablished, '<', 1990), data), (Names{"Kan-code", "Konex"}));
  EXPECT_EQ(Accounts(with(AccountField::kYearEstablished, '>', 2000), data), (Names{"Zumma", "Cheapmart"}));
  SearchFilters both = with(AccountField::kEmployees, '>', 100);
  both.numeric.push_back({AccountField::kEmployees, '<', 1000});
  EXPECT_EQ(Accounts(both, data), (Names{"Zumma", "Cheapmart"}));
}

TEST(SearchFiltersTest, ReasonsNameWhatPassed) {
  const Dataset data = test::SearchSample();
  const ResolvedFilters filters =
      ResolveOrDie({.sector = "software", .numeric = {{AccountField::kEmployees, '>', 1000}}}, data);
  std::vector<std::string> reasons;
  ASSERT_TRUE(filters.AccountPasses(0, &reasons));
  EXPECT_EQ(reasons, (Names{"software", "34,288 employees > 1,000"}));
}

TEST(SearchFiltersTest, UnknownValuesListTheKnownOnes) {
  const Dataset data = test::SearchSample();
  Result<ResolvedFilters> sector = ResolvedFilters::Resolve({.sector = "banking"}, data);
  ASSERT_FALSE(sector.ok());
  EXPECT_EQ(sector.error().message, "unknown sector 'banking'; known sectors: software, retail, medical");
  Result<ResolvedFilters> product = ResolvedFilters::Resolve({.product = "GTX Ultra"}, data);
  ASSERT_FALSE(product.ok());
  EXPECT_NE(product.error().message.find("GTX Pro, MG Special, GTK 500"), std::string::npos);
  EXPECT_FALSE(ResolvedFilters::Resolve({.deal_stage = "Closed"}, data).ok());
  EXPECT_FALSE(ResolvedFilters::Resolve({.sales_agent = "Nobody"}, data).ok());
  EXPECT_FALSE(ResolvedFilters::Resolve({.country = "Atlantis"}, data).ok());
  EXPECT_FALSE(ResolvedFilters::Resolve({.numeric = {{AccountField::kRevenue, '=', 1}}}, data).ok());
  EXPECT_FALSE(ResolvedFilters::Resolve({.numeric = {{AccountField::kRevenue, '<', kNoNumber}}}, data).ok());
}

TEST(SearchFiltersTest, FieldNamesRoundTrip) {
  for (const AccountField field :
       {AccountField::kEmployees, AccountField::kRevenue, AccountField::kYearEstablished}) {
    EXPECT_EQ(AccountFieldFromName(AccountFieldName(field)), field);
  }
  EXPECT_EQ(AccountFieldFromName("founded"), std::nullopt);
}

}  // namespace
}  // namespace crm::search
