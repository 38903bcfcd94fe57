#pragma once
// Large passes over deals or activities on the machine's two cores: one half on a helper thread, each
// half into its own partial result, merged at the end. Small passes stay on the calling thread.

#include <cstddef>
#include <thread>
#include <utility>

namespace crm::analytics {

//! Passes over at least this many rows run on two threads.
inline constexpr size_t kParallelFrom = size_t{1} << 18;

//! Runs `first()` and `second()`, which pass over `count` rows together: with count >= kParallelFrom,
//! `second()` on a helper thread while `first()` runs on this one; else one after the other.
template <typename First, typename Second>
void RunBoth(size_t count, First&& first, Second&& second) {
  if (count < kParallelFrom) {
    first();
    second();
    return;
  }
  std::thread helper(std::forward<Second>(second));
  first();
  helper.join();
}

//! Folds rows [0, count) into `make()`: with count >= kParallelFrom, rows [0, middle) on this thread and
//! [middle, count) on a helper into a second partial, merged by `merge(first, second)`; else in one pass.
//! `fold(partial, begin, end)` must touch nothing shared but what it only reads.
template <typename Make, typename Fold, typename Merge>
auto FoldInTwo(size_t count, size_t middle, Make make, Fold fold, Merge merge) {
  auto first = make();
  if (count < kParallelFrom) {
    fold(first, size_t{0}, count);
    return first;
  }
  auto second = make();
  RunBoth(
      count, [&] { fold(first, size_t{0}, middle); }, [&] { fold(second, middle, count); });
  merge(first, second);
  return first;
}

//! FoldInTwo split in the middle.
template <typename Make, typename Fold, typename Merge>
auto FoldInTwo(size_t count, Make make, Fold fold, Merge merge) {
  return FoldInTwo(count, count / 2, std::move(make), std::move(fold), std::move(merge));
}

}  // namespace crm::analytics
