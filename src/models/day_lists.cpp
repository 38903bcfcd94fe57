#include "crm/models/day_lists.h"

#include <algorithm>

#include "crm/common/date.h"

namespace crm::models {

DayLists::DayLists(std::span<const int32_t> owners, std::span<const int32_t> days, size_t owner_count)
    : offsets_(owner_count + 1, 0) {
  for (int32_t owner : owners) {
    if (owner >= 0) ++offsets_[static_cast<size_t>(owner) + 1];
  }
  for (size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
  days_.resize(static_cast<size_t>(offsets_.back()));
  std::vector<int64_t> next(offsets_.begin(), offsets_.end() - 1);
  for (size_t i = 0; i < owners.size(); ++i) {
    if (owners[i] >= 0) days_[static_cast<size_t>(next[owners[i]]++)] = days[i];
  }
  for (size_t owner = 0; owner < owner_count; ++owner) {
    auto begin = days_.begin() + offsets_[owner];
    auto end = days_.begin() + offsets_[owner + 1];
    if (!std::is_sorted(begin, end)) std::sort(begin, end);
  }
}

int64_t DayLists::CountUpTo(int32_t owner, int32_t day) const {
  const std::span<const int32_t> days = Of(owner);
  return std::upper_bound(days.begin(), days.end(), day) - days.begin();
}

int32_t DayLists::LastUpTo(int32_t owner, int32_t day) const {
  const std::span<const int32_t> days = Of(owner);
  auto it = std::upper_bound(days.begin(), days.end(), day);
  return it == days.begin() ? kNoDay : *(it - 1);
}

}  // namespace crm::models
