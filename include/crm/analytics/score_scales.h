#pragma once
// Mappings of raw figures onto 0–100 scores, shared by the account scores: rank among peers, decay with
// overdue time, and a weighted mean over the components that are present.

#include <span>
#include <vector>

namespace crm::analytics {

//! Mid-rank percentiles (0–100) of values among a set of peers.
class PeerPercentile {
 public:
  //! The peers' values; NaN values are left out.
  explicit PeerPercentile(std::vector<double> values);
  //! 100 x (peers below + (peers equal − 1) / 2) / (peers − 1); 0 for a value ≤ 0 (nothing is no
  //! standing), 100 for a positive value when it is the only peer, NaN for NaN.
  double Score(double value) const;

 private:
  std::vector<double> sorted_;
};

//! 100 while `ratio` ≤ 1, falling linearly to 0 at `zero_at` (> 1) and beyond; NaN for NaN.
double DecayScore(double ratio, double zero_at);

//! Σ weight x score / Σ weight over the scores that are not NaN (the weights of absent scores are
//! spread over the rest); NaN when no score is present.
double WeightedScore(std::span<const double> scores, std::span<const double> weights);

}  // namespace crm::analytics
