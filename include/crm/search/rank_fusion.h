#pragma once
// Reciprocal rank fusion: one ranking from several, by rank alone (no score scales to reconcile).

#include <cstdint>
#include <span>
#include <vector>

namespace crm::search {

//! The usual constant of reciprocal rank fusion.
inline constexpr double kRrfK = 60.0;

//! One item of a fused ranking.
struct FusedItem {
  uint32_t id;
  double score;  //!< the sum over the lists that hold the item of 1 / (k + rank), rank from 1
};

//! Fuses `lists` (each best first, ids unique within a list): items by descending score, ties in order
//! of first appearance (list by list).
std::vector<FusedItem> ReciprocalRankFusion(std::span<const std::vector<uint32_t>> lists, double k = kRrfK);

}  // namespace crm::search
