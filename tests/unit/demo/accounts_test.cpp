#include "crm/demo/accounts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>

#include "crm/demo/catalog.h"

namespace crm::demo {
namespace {

TEST(AccountsTest, CountGrowsByOnePerHundredDealsBeyondTheRealSize) {
  EXPECT_EQ(AccountCount(1), 85u);
  EXPECT_EQ(AccountCount(8800), 85u);
  EXPECT_EQ(AccountCount(8899), 85u);
  EXPECT_EQ(AccountCount(8900), 86u);
  EXPECT_EQ(AccountCount(1'000'000), 85u + 9912u);
  EXPECT_EQ(AccountCount(10'000'000), 99997u);
}

TEST(AccountsTest, RealSizeHasTheRealSectorCountryAndSubsidiaryMix) {
  const std::vector<Account> accounts = MakeAccounts(85, 42);
  ASSERT_EQ(accounts.size(), 85u);
  std::array<int, kSectors.size()> sectors{};
  std::array<int, kCountries.size()> countries{};
  int subsidiaries = 0;
  std::set<int32_t> parents;
  for (const Account& account : accounts) {
    ++sectors[account.sector];
    ++countries[account.country];
    if (account.parent >= 0) {
      ++subsidiaries;
      parents.insert(account.parent);
    }
  }
  for (size_t s = 0; s < kSectors.size(); ++s) EXPECT_EQ(sectors[s], kSectors[s].account_share) << s;
  EXPECT_EQ(countries[0], 71);
  for (size_t c = 1; c < kCountries.size(); ++c) EXPECT_EQ(countries[c], 1) << kCountries[c].name;
  EXPECT_EQ(subsidiaries, 15);
  EXPECT_LE(parents.size(), 7u);
  for (int32_t parent : parents) EXPECT_EQ(accounts[parent].parent, -1) << "a parent is itself a subsidiary";
}

TEST(AccountsTest, NamesAreUniqueSortedAndFirmographicsPlausible) {
  const std::vector<Account> accounts = MakeAccounts(5000, 9);
  for (size_t i = 1; i < accounts.size(); ++i) ASSERT_LT(accounts[i - 1].name, accounts[i].name);
  int word_names = 0;
  for (const Account& account : accounts) {
    word_names += account.name.find(' ') != std::string::npos;
    EXPECT_GE(account.year_established, 1979);
    EXPECT_LE(account.year_established, 2017);
    EXPECT_GE(account.employees, 5);
    EXPECT_LE(account.employees, 80000);
    const double revenue_per_employee = account.revenue_cents / 100.0 / account.employees;
    EXPECT_GE(revenue_per_employee, 0.249);
    EXPECT_LE(revenue_per_employee, 0.651);
    EXPECT_GE(account.deal_weight, 1.0);
    EXPECT_LT(account.deal_weight, 4.0);
    if (account.parent >= 0) {
      EXPECT_NE(accounts[account.parent].name, account.name);
    }
  }
  EXPECT_NEAR(word_names / 5000.0, 0.1, 0.02);
}

TEST(AccountsTest, SameSeedRepeatsOtherSeedDiffers) {
  const std::vector<Account> a = MakeAccounts(300, 1), b = MakeAccounts(300, 1), c = MakeAccounts(300, 2);
  int same_names = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].revenue_cents, b[i].revenue_cents);
    same_names += a[i].name == c[i].name;
  }
  EXPECT_LT(same_names, 30);
}

TEST(AccountsTest, LargeCountsStayUniqueBeyondTheNameCapacity) {
  const std::vector<Account> accounts = MakeAccounts(200000, 3);
  for (size_t i = 1; i < accounts.size(); ++i) ASSERT_LT(accounts[i - 1].name, accounts[i].name);
}

}  // namespace
}  // namespace crm::demo
