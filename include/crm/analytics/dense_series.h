#pragma once
// Values over consecutive integer keys (month or quarter indexes, days), dense over the range met so far.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace crm::analytics {

//! A dense series of T over consecutive integer keys ("periods"); grows on either side as keys are met.
template <typename T>
class DenseSeries {
 public:
  //! The value of `period`, added (default-constructed, with any periods in between) when not yet met.
  T& At(int32_t period) {
    const auto offset = static_cast<size_t>(static_cast<uint32_t>(period - first_));
    return offset < values_.size() ? values_[offset] : Grow(period);
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
  //! At() for a period outside the range met so far.
  T& Grow(int32_t period) {
    if (values_.empty()) {
      first_ = period;
      values_.resize(1);
    } else if (period < first_) {
      values_.insert(values_.begin(), static_cast<size_t>(first_ - period), T{});
      first_ = period;
    } else {
      values_.resize(static_cast<size_t>(period - first_ + 1));
    }
    return values_[static_cast<size_t>(period - first_)];
  }

  int32_t first_ = 0;
  std::vector<T> values_;
};

}  // namespace crm::analytics
