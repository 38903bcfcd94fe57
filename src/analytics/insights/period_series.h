#pragma once
// Values per calendar period (month or quarter index), dense over the range of periods met so far.

#include <cstdint>
#include <vector>

namespace crm::analytics {

//! A dense series of T over consecutive period indexes; grows on either side as periods are met.
template <typename T>
class PeriodSeries {
 public:
  //! The value of `period`, added (default-constructed, with any periods in between) when not yet met.
  T& At(int32_t period) {
    if (values_.empty()) {
      first_ = period;
      values_.resize(1);
    } else if (period < first_) {
      values_.insert(values_.begin(), static_cast<size_t>(first_ - period), T{});
      first_ = period;
    } else if (period >= end()) {
      values_.resize(static_cast<size_t>(period - first_ + 1));
    }
    return values_[static_cast<size_t>(period - first_)];
  }
  //! The value of a period in [first(), end()).
  const T& operator[](int32_t period) const { return values_[static_cast<size_t>(period - first_)]; }
  //! True when no period was met.
  bool empty() const { return values_.empty(); }
  //! The first period met (meaningless when empty).
  int32_t first() const { return first_; }
  //! One past the last period met (first() when empty).
  int32_t end() const { return first_ + static_cast<int32_t>(values_.size()); }

 private:
  int32_t first_ = 0;
  std::vector<T> values_;
};

}  // namespace crm::analytics
