#pragma once
// Invented customer accounts with firmographics shaped like the real data set's.

#include <cstdint>
#include <string>
#include <vector>

namespace crm::demo {

//! One invented customer account.
struct Account {
  std::string name;       //!< unique, made of syllables (never a name of the real data set)
  int sector;             //!< index into kSectors
  int year_established;   //!< 1979..2017
  int64_t revenue_cents;  //!< annual revenue in millions of USD, times 100
  int employees;          //!< headcount
  int country;            //!< index into kCountries
  int32_t parent;         //!< index of the parent account in the same vector, or -1 when independent
  double deal_weight;     //!< relative share of the pipeline's deals (1 to 4)
};

//! Number of accounts for `opportunities` deals: 85 up to 8,800 deals, then one more per 100 deals.
uint64_t AccountCount(uint64_t opportunities);

//! Invents `count` accounts from `seed`, sorted by name.
std::vector<Account> MakeAccounts(uint64_t count, uint64_t seed);

}  // namespace crm::demo
