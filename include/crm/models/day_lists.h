#pragma once
// Days grouped by an owner (a deal, an account), each owner's days sorted: "how many by day T" and
// "the last one by day T" in a binary search.

#include <cstdint>
#include <span>
#include <vector>

namespace crm::models {

//! Sorted day lists of owners 0..n-1, stored contiguously (one offsets array, one days array).
class DayLists {
 public:
  DayLists() = default;
  //! Groups `days[i]` under `owners[i]` (owners < 0 are skipped) for `owner_count` owners.
  DayLists(std::span<const int32_t> owners, std::span<const int32_t> days, size_t owner_count);

  //! The owner's days, sorted.
  std::span<const int32_t> Of(int32_t owner) const {
    return {days_.data() + offsets_[owner], days_.data() + offsets_[owner + 1]};
  }
  //! Number of the owner's days on or before `day`.
  int64_t CountUpTo(int32_t owner, int32_t day) const;
  //! Number of the owner's days in (`after`, `up_to`].
  int64_t CountBetween(int32_t owner, int32_t after, int32_t up_to) const {
    return CountUpTo(owner, up_to) - CountUpTo(owner, after);
  }
  //! The owner's latest day on or before `day`, or kNoDay.
  int32_t LastUpTo(int32_t owner, int32_t day) const;
  //! True when no owner has any day.
  bool empty() const { return days_.empty(); }

 private:
  std::vector<int64_t> offsets_;
  std::vector<int32_t> days_;
};

}  // namespace crm::models
