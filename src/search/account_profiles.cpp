#include "crm/search/account_profiles.h"

#include <algorithm>
#include <cmath>

#include "crm/analytics/fact_text.h"

namespace crm::search {

namespace {

//! Two positive amounts within a factor of two of each other count as similar.
constexpr double kSimilarRatio = 2.0;
//! Most shared products named.
constexpr size_t kNamedProducts = 4;

//! Standardises one firmographic over the accounts that have it; missing values become 0 (the mean).
std::vector<double> Standardised(const std::vector<double>& values) {
  double sum = 0.0, squares = 0.0;
  size_t count = 0;
  for (const double value : values) {
    if (!HasValue(value)) continue;
    sum += value;
    squares += value * value;
    ++count;
  }
  const double mean = count == 0 ? 0.0 : sum / count;
  const double variance = count == 0 ? 0.0 : squares / count - mean * mean;
  const double deviation = variance > 0.0 ? std::sqrt(variance) : 1.0;
  std::vector<double> scores(values.size(), 0.0);
  for (size_t i = 0; i < values.size(); ++i) {
    if (HasValue(values[i])) scores[i] = std::clamp((values[i] - mean) / deviation, -3.0, 3.0);
  }
  return scores;
}

double LogOrMissing(double value) { return HasValue(value) && value > 0.0 ? std::log(value) : kNoNumber; }

bool Similar(double a, double b) {
  return HasValue(a) && HasValue(b) && a > 0.0 && b > 0.0 && std::max(a, b) <= kSimilarRatio * std::min(a, b);
}

}  // namespace

AccountProfiles::AccountProfiles(const Dataset& data, ProfileWeights weights)
    : data_(data),
      products_(data.products.size()),
      dimension_(3 + data.sectors.size() + data.products.size()),
      deal_counts_(data.accounts.size() * data.products.size(), 0) {
  const OpportunityColumns& deals = data.opportunities;
  for (size_t row = 0; row < deals.size(); ++row) {
    if (deals.account[row] != kNoIndex) ++deal_counts_[deals.account[row] * products_ + deals.product[row]];
  }
  const size_t accounts = data.accounts.size();
  std::vector<double> revenue(accounts), employees(accounts), year(accounts);
  for (size_t row = 0; row < accounts; ++row) {
    const Account& account = data.accounts[row];
    revenue[row] = LogOrMissing(account.revenue);
    employees[row] =
        LogOrMissing(account.employees == kNoInteger ? kNoNumber : static_cast<double>(account.employees));
    year[row] = account.year_established == kNoIndex ? kNoNumber : account.year_established;
  }
  const std::vector<double> size_scores[3] = {Standardised(revenue), Standardised(employees),
                                              Standardised(year)};
  vectors_.assign(accounts * dimension_, 0.0f);
  for (size_t row = 0; row < accounts; ++row) {
    float* profile = vectors_.data() + row * dimension_;
    for (size_t part = 0; part < 3; ++part)
      profile[part] = static_cast<float>(weights.size * size_scores[part][row]);
    if (data.accounts[row].sector != kNoIndex)
      profile[3 + data.accounts[row].sector] = static_cast<float>(weights.sector);
    double mix_norm = 0.0;
    for (size_t product = 0; product < products_; ++product) {
      mix_norm += static_cast<double>(Deals(row, product)) * Deals(row, product);
    }
    for (size_t product = 0; mix_norm > 0.0 && product < products_; ++product) {
      profile[3 + data.sectors.size() + product] =
          static_cast<float>(weights.products * Deals(row, product) / std::sqrt(mix_norm));
    }
    double norm = 0.0;
    for (size_t i = 0; i < dimension_; ++i) norm += static_cast<double>(profile[i]) * profile[i];
    for (size_t i = 0; norm > 0.0 && i < dimension_; ++i)
      profile[i] = static_cast<float>(profile[i] / std::sqrt(norm));
  }
}

std::string AccountProfiles::SharedTraits(int32_t account, int32_t other) const {
  const Account& a = data_.accounts[account];
  const Account& b = data_.accounts[other];
  std::vector<std::string> traits;
  if (a.sector != kNoIndex && a.sector == b.sector)
    traits.push_back("same sector (" + data_.sectors.Value(a.sector) + ")");
  std::vector<std::string> size;
  if (Similar(a.revenue, b.revenue)) {
    size.push_back("revenue " + analytics::UsdText(b.revenue) + "M vs " + analytics::UsdText(a.revenue) +
                   "M");
  }
  const double a_staff = a.employees == kNoInteger ? kNoNumber : static_cast<double>(a.employees);
  const double b_staff = b.employees == kNoInteger ? kNoNumber : static_cast<double>(b.employees);
  if (Similar(a_staff, b_staff)) {
    size.push_back(analytics::GroupedText(b_staff) + " vs " + analytics::GroupedText(a_staff) + " employees");
  }
  if (!size.empty())
    traits.push_back("similar size (" + size.front() + (size.size() > 1 ? ", " + size[1] : "") + ")");
  // Products both bought, the ones with most deals between them first.
  std::vector<std::pair<uint32_t, size_t>> shared;
  for (size_t product = 0; product < products_; ++product) {
    if (Deals(account, product) > 0 && Deals(other, product) > 0) {
      shared.emplace_back(Deals(account, product) + Deals(other, product), product);
    }
  }
  std::stable_sort(shared.begin(), shared.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  if (!shared.empty()) {
    std::string names;
    for (size_t i = 0; i < shared.size() && i < kNamedProducts; ++i) {
      names += (i == 0 ? "" : ", ") + data_.products[shared[i].second].name;
    }
    if (shared.size() > kNamedProducts) names += ", …";
    traits.push_back("buys the same products (" + names + ")");
  }
  std::string text;
  for (const std::string& trait : traits) text += (text.empty() ? "" : "; ") + trait;
  return text;
}

}  // namespace crm::search
