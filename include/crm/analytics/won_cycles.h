#pragma once
// How long won deals took from engagement to close, per product, learned from the deals won by the
// as-of date (all deals, not only the filtered ones, so that a filter does not move the yardstick).

#include <cstdint>
#include <string>
#include <vector>

#include "crm/analytics/day_histogram.h"
#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! Engage-to-close days of the deals won by the as-of date, per product and over all products.
class WonCycles {
 public:
  //! A product needs this many wins for its own distribution; fewer fall back to all products'.
  static constexpr int64_t kMinProductWins = 20;

  //! One pass over the deals visible in `snapshot`.
  WonCycles(const Dataset& data, const PipelineSnapshot& snapshot);

  //! The distribution that stands for `product`: its own, or all products' when it has too few wins.
  const DayHistogram& For(int32_t product) const { return OwnUsed(product) ? products_[product] : all_; }
  //! True when `product` has enough wins for its own distribution.
  bool OwnUsed(int32_t product) const { return products_[product].size() >= kMinProductWins; }
  //! The product's own distribution, however small.
  const DayHistogram& Own(int32_t product) const { return products_[product]; }
  //! All products together.
  const DayHistogram& all() const { return all_; }
  //! The earliest close date of a deal won by the as-of date, kNoDay when none.
  int32_t first_won_day() const { return first_won_day_; }
  //! "product" or "all products (fewer than 20 wins)", for tables.
  std::string Basis(int32_t product) const;

 private:
  std::vector<DayHistogram> products_;
  DayHistogram all_;
  int32_t first_won_day_ = kNoDay;
};

}  // namespace crm::analytics
