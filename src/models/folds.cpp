#include "crm/models/folds.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <stdexcept>

#include "crm/models/metrics.h"

namespace crm::models {
namespace {

//! The rows of one group and how many of them are positive.
struct GroupTally {
  int64_t rows = 0;
  int64_t positives = 0;
};

//! Groups numbered 0..count-1 in ascending id order, and the number of every row's group.
struct DenseGroups {
  std::vector<int32_t> of_row;
  size_t count = 0;
};

DenseGroups NumberGroups(std::span<const int32_t> groups) {
  std::vector<int32_t> ids(groups.begin(), groups.end());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  DenseGroups out{.of_row = std::vector<int32_t>(groups.size()), .count = ids.size()};
  for (size_t i = 0; i < groups.size(); ++i) {
    out.of_row[i] = static_cast<int32_t>(std::lower_bound(ids.begin(), ids.end(), groups[i]) - ids.begin());
  }
  return out;
}

//! Fisher-Yates with a multiply-high bounded draw: std::shuffle's output differs between libraries,
//! std::mt19937_64's does not.
void Shuffle(std::vector<int32_t>& items, std::mt19937_64& rng) {
  for (size_t i = items.size(); i > 1; --i) {
    const auto j = static_cast<size_t>((static_cast<unsigned __int128>(rng()) * i) >> 64);
    std::swap(items[i - 1], items[j]);
  }
}

//! Deals `members` (groups of one class) to the folds in rounds of one group per fold: each round, the
//! largest remaining groups go to the folds with the fewest rows so far.
void Deal(std::vector<int32_t> members, const std::vector<GroupTally>& tallies, std::mt19937_64& rng,
          std::vector<int64_t>& fold_rows, std::vector<int>& group_fold) {
  Shuffle(members, rng);
  std::stable_sort(members.begin(), members.end(),
                   [&tallies](int32_t a, int32_t b) { return tallies[a].rows > tallies[b].rows; });
  const size_t k = fold_rows.size();
  std::vector<int> order(k);
  for (size_t begin = 0; begin < members.size(); begin += k) {
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&fold_rows](int a, int b) { return fold_rows[a] < fold_rows[b]; });
    for (size_t j = 0; j < k && begin + j < members.size(); ++j) {
      const int32_t group = members[begin + j];
      group_fold[group] = order[j];
      fold_rows[order[j]] += tallies[group].rows;
    }
  }
}

//! The rows whose fold satisfies `keep`, ascending.
template <typename Keep>
std::vector<int32_t> RowsWhere(std::span<const int> folds, Keep keep) {
  std::vector<int32_t> rows;
  for (size_t i = 0; i < folds.size(); ++i) {
    if (keep(folds[i])) rows.push_back(static_cast<int32_t>(i));
  }
  return rows;
}

}  // namespace

std::vector<int> StratifiedGroupFolds(std::span<const float> labels, std::span<const int32_t> groups, int k,
                                      uint64_t seed) {
  if (labels.size() != groups.size()) throw std::invalid_argument("labels and groups differ in length");
  if (k < 1) throw std::invalid_argument("cross-validation needs at least one fold");
  const DenseGroups dense = NumberGroups(groups);
  const size_t group_count = dense.count;
  if (group_count == 0) return {};
  std::vector<GroupTally> tallies(group_count);
  for (size_t i = 0; i < labels.size(); ++i) {
    ++tallies[dense.of_row[i]].rows;
    tallies[dense.of_row[i]].positives += IsPositiveLabel(labels[i]) ? 1 : 0;
  }
  std::vector<int32_t> positive_groups;
  std::vector<int32_t> negative_groups;
  for (size_t g = 0; g < group_count; ++g) {
    const bool positive = 2 * tallies[g].positives >= tallies[g].rows;
    (positive ? positive_groups : negative_groups).push_back(static_cast<int32_t>(g));
  }
  std::mt19937_64 rng(seed);
  std::vector<int64_t> fold_rows(std::min(static_cast<size_t>(k), group_count), 0);
  std::vector<int> group_fold(group_count, 0);
  Deal(std::move(positive_groups), tallies, rng, fold_rows, group_fold);
  Deal(std::move(negative_groups), tallies, rng, fold_rows, group_fold);
  std::vector<int> folds(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) folds[i] = group_fold[dense.of_row[i]];
  return folds;
}

std::vector<int32_t> RowsInFold(std::span<const int> folds, int fold) {
  return RowsWhere(folds, [fold](int f) { return f == fold; });
}

std::vector<int32_t> RowsNotInFold(std::span<const int> folds, int fold) {
  return RowsWhere(folds, [fold](int f) { return f != fold; });
}

}  // namespace crm::models
