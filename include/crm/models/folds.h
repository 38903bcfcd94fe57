#pragma once
// Cross-validation folds that keep every group of rows (one deal seen in several monthly snapshots, one
// account) inside a single fold, so that no group is both trained on and scored, with each class of
// groups spread evenly over the folds.

#include <cstdint>
#include <span>
#include <vector>

namespace crm::models {

//! The fold (0..k'-1) of every row. Rows with the same group id share a fold; a group's label is the
//! majority label of its rows (positive on a tie). Positive groups and negative groups are each spread
//! so that every fold holds the ideal number of them within one group; within that, larger groups go
//! first to the folds with the fewest rows, which keeps folds close in size. k' = k, or the number of
//! groups when there are fewer groups than k (so no fold is empty). The same input and seed give the same
//! folds on every platform. Labels follow metrics.h; labels and groups of different length, or k < 1,
//! are bugs and throw std::invalid_argument.
std::vector<int> StratifiedGroupFolds(std::span<const float> labels, std::span<const int32_t> groups, int k,
                                      uint64_t seed);

//! The rows whose fold is `fold`, ascending.
std::vector<int32_t> RowsInFold(std::span<const int> folds, int fold);

//! The rows whose fold is not `fold`, ascending.
std::vector<int32_t> RowsNotInFold(std::span<const int> folds, int fold);

}  // namespace crm::models
