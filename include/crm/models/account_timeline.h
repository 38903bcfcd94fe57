#pragma once
// The dated events of every account (won deals, engagements, activities …) in one flat array grouped by
// account and sorted by day (CSR layout), so that "how many, and how much, in these days" is two binary
// searches whatever the size of the tables.

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "crm/common/date.h"
#include "crm/data/string_dictionary.h"

namespace crm::models {

//! Events per account in day order: account a's events are the positions [offsets[a], offsets[a + 1]).
class AccountTimeline {
 public:
  //! Groups the rows whose account is not kNoIndex and whose day is not kNoDay, by account then day
  //! (a linear two-pass counting sort); `accounts` and `days` are indexed by row.
  AccountTimeline(size_t account_count, std::span<const int32_t> accounts, std::span<const int32_t> days);

  //! Number of events kept.
  size_t size() const { return days_.size(); }
  //! The source row of the event at `position`.
  int32_t Row(size_t position) const { return rows_[position]; }
  //! Position just past the events of `account` dated on or before `day`.
  int32_t End(int32_t account, int32_t day) const {
    const auto first = days_.begin() + offsets_[account], last = days_.begin() + offsets_[account + 1];
    return static_cast<int32_t>(std::upper_bound(first, last, day) - days_.begin());
  }
  //! Events of `account` dated in (from, to].
  int32_t Count(int32_t account, int32_t from, int32_t to) const {
    return End(account, to) - End(account, from);
  }
  //! Events of `account` dated on or before `day`.
  int32_t CountUpTo(int32_t account, int32_t day) const { return End(account, day) - offsets_[account]; }
  //! Day of the latest event of `account` dated on or before `day`, or kNoDay.
  int32_t LastDay(int32_t account, int32_t day) const {
    const int32_t end = End(account, day);
    return end > offsets_[account] ? days_[end - 1] : kNoDay;
  }

  //! Running totals of `value_of_row(row)` in event order (size() + 1 entries), for Sum and SumUpTo.
  template <typename ValueOfRow>
  std::vector<double> Cumulate(ValueOfRow value_of_row) const {
    std::vector<double> totals(rows_.size() + 1, 0.0);
    for (size_t i = 0; i < rows_.size(); ++i) totals[i + 1] = totals[i] + value_of_row(rows_[i]);
    return totals;
  }
  //! Total of the cumulated values over the events of `account` dated in (from, to].
  double Sum(std::span<const double> totals, int32_t account, int32_t from, int32_t to) const {
    return totals[End(account, to)] - totals[End(account, from)];
  }
  //! Total of the cumulated values over the events of `account` dated on or before `day`.
  double SumUpTo(std::span<const double> totals, int32_t account, int32_t day) const {
    return totals[End(account, day)] - totals[offsets_[account]];
  }

 private:
  std::vector<int32_t> offsets_;  //!< account_count + 1 entries
  std::vector<int32_t> days_;
  std::vector<int32_t> rows_;
};

}  // namespace crm::models
