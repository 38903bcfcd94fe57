#include "crm/demo/accounts.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "crm/demo/account_names.h"
#include "crm/demo/catalog.h"
#include "crm/demo/random.h"

namespace crm::demo {

namespace {

// Shares of the real 85 accounts: 14 outside the United States, 7 parents of 15 subsidiaries.
constexpr double kForeignShare = 14.0 / 85;
constexpr double kParentShare = 7.0 / 85;
constexpr double kSubsidiaryShare = 15.0 / 85;
constexpr double kSameSectorParent = 0.7;  // chance a subsidiary's parent is chosen in its own sector
constexpr double kWordNameShare = 0.1;     // share of names with a word after the syllables

// A seeded bijection of [0, size): i -> (a * i + b) mod size with a coprime to size.
class AffinePermutation {
 public:
  AffinePermutation(uint64_t size, Rng& rng) : size_(size), offset_(rng.Below(size)) {
    multiplier_ = rng.Below(size) | 1;
    while (std::gcd(multiplier_, size_) != 1) multiplier_ += 2;
  }
  uint64_t operator()(uint64_t i) const { return (multiplier_ * i + offset_) % size_; }

 private:
  uint64_t size_, offset_, multiplier_;
};

// Distinct name indexes: about kWordNameShare of them with a word, the rest single words, then numbered.
std::vector<uint64_t> DrawNameIndexes(uint64_t count, Rng& rng) {
  constexpr uint64_t kWordNames = kAccountNameCapacity - kSingleWordNames;
  const AffinePermutation single(kSingleWordNames, rng), worded(kWordNames, rng);
  uint64_t used_single = 0, used_worded = 0, numbered = 0;
  std::vector<uint64_t> indexes;
  indexes.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    const bool wants_word = rng.Chance(kWordNameShare);
    if (used_single < kSingleWordNames && (!wants_word || used_worded == kWordNames)) {
      indexes.push_back(single(used_single++));
    } else if (used_worded < kWordNames) {
      indexes.push_back(kSingleWordNames + worded(used_worded++));
    } else {
      indexes.push_back(kAccountNameCapacity + numbered++);
    }
  }
  return indexes;
}

template <typename T>
void Shuffle(std::vector<T>& values, Rng& rng) {
  for (uint64_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[rng.Below(i)]);
}

// Sector of each account: exact quotas from the real shares (largest remainder), in random order.
std::vector<int> DrawSectors(uint64_t count, Rng& rng) {
  int total_share = 0;
  for (const Sector& sector : kSectors) total_share += sector.account_share;
  std::vector<uint64_t> quota(kSectors.size());
  std::vector<std::pair<double, int>> remainders;
  uint64_t assigned = 0;
  for (int s = 0; s < static_cast<int>(kSectors.size()); ++s) {
    const double exact = static_cast<double>(count) * kSectors[s].account_share / total_share;
    quota[s] = static_cast<uint64_t>(exact);
    assigned += quota[s];
    remainders.emplace_back(-(exact - static_cast<double>(quota[s])), s);
  }
  std::sort(remainders.begin(), remainders.end());
  for (uint64_t i = 0; assigned < count; ++i, ++assigned) ++quota[remainders[i].second];
  std::vector<int> sectors;
  sectors.reserve(count);
  for (int s = 0; s < static_cast<int>(kSectors.size()); ++s) sectors.insert(sectors.end(), quota[s], s);
  Shuffle(sectors, rng);
  return sectors;
}

// Country of each account: kForeignShare abroad, cycling through the foreign countries, in random order.
std::vector<int> DrawCountries(uint64_t count, Rng& rng) {
  const auto foreign = static_cast<uint64_t>(std::llround(static_cast<double>(count) * kForeignShare));
  std::vector<int> countries(count, 0);
  for (uint64_t i = 0; i < foreign; ++i) countries[i] = 1 + static_cast<int>(i % (kCountries.size() - 1));
  Shuffle(countries, rng);
  return countries;
}

// Parents first (never subsidiaries themselves), then subsidiaries, each pointing at a parent.
void LinkSubsidiaries(std::vector<Account>& accounts, Rng& rng) {
  const uint64_t count = accounts.size();
  if (count < 2) return;
  const auto parents = std::max<uint64_t>(1, std::llround(static_cast<double>(count) * kParentShare));
  const auto subsidiaries =
      static_cast<uint64_t>(std::llround(static_cast<double>(count) * kSubsidiaryShare));
  std::vector<uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  Shuffle(order, rng);
  std::vector<std::vector<uint32_t>> parents_by_sector(kSectors.size());
  for (uint64_t i = 0; i < parents; ++i) parents_by_sector[accounts[order[i]].sector].push_back(order[i]);
  for (uint64_t i = parents; i < std::min(count, parents + subsidiaries); ++i) {
    Account& child = accounts[order[i]];
    const auto& same_sector = parents_by_sector[child.sector];
    child.parent = !same_sector.empty() && rng.Chance(kSameSectorParent)
                       ? static_cast<int32_t>(same_sector[rng.Below(same_sector.size())])
                       : static_cast<int32_t>(order[rng.Below(parents)]);
  }
}

}  // namespace

uint64_t AccountCount(uint64_t opportunities) {
  constexpr uint64_t kBaseDeals = 8800, kBaseAccounts = 85, kDealsPerExtraAccount = 100;
  return opportunities <= kBaseDeals ? kBaseAccounts
                                     : kBaseAccounts + (opportunities - kBaseDeals) / kDealsPerExtraAccount;
}

std::vector<Account> MakeAccounts(uint64_t count, uint64_t seed) {
  Rng rng(seed, 1);
  const std::vector<uint64_t> names = DrawNameIndexes(count, rng);
  const std::vector<int> sectors = DrawSectors(count, rng);
  const std::vector<int> countries = DrawCountries(count, rng);
  std::vector<Account> accounts(count);
  for (uint64_t i = 0; i < count; ++i) {
    Account& account = accounts[i];
    account.name = AccountName(names[i]);
    account.sector = sectors[i];
    account.country = countries[i];
    account.year_established = static_cast<int>(rng.Between(1979, 2017));
    // Log-normal headcount, older firms larger: median 2,500 for 1998, spread e^±1 per standard deviation.
    const double median = 2500.0 * std::exp(0.04 * (1998 - account.year_established));
    account.employees =
        static_cast<int>(std::clamp(std::llround(median * std::exp(rng.Bell())), 5LL, 80000LL));
    // 0.25 to 0.65 million USD of revenue per employee.
    account.revenue_cents = std::llround(account.employees * (0.25 + 0.4 * rng.Unit()) * 100.0);
    account.parent = -1;
    account.deal_weight = 1.0 + 3.0 * rng.Unit();
  }
  LinkSubsidiaries(accounts, rng);

  // Sort by name and renumber the parent links.
  std::vector<uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return accounts[a].name < accounts[b].name; });
  std::vector<int32_t> new_index(count);
  for (uint64_t i = 0; i < count; ++i) new_index[order[i]] = static_cast<int32_t>(i);
  std::vector<Account> sorted;
  sorted.reserve(count);
  for (uint32_t old_index : order) {
    sorted.push_back(std::move(accounts[old_index]));
    if (sorted.back().parent >= 0) sorted.back().parent = new_index[sorted.back().parent];
  }
  return sorted;
}

}  // namespace crm::demo
