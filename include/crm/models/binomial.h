#pragma once
// Binomial counts for the Monte Carlo forecast: how many of n deals with the same chance are won in a run.
// Exact draws: by inversion when the mean is small, else by Hörmann's transformed rejection with
// decomposition (BTRD, "The generation of binomial random variates", 1993), whose cost does not grow with n.

#include <cstdint>
#include <vector>

#include "crm/demo/random.h"

namespace crm::models {

//! Draws Binomial(n, p) counts; the set-up is done once per (n, p), each draw takes a few uniforms.
class BinomialSampler {
 public:
  //! Means below this (on the side of p at most 0.5) are drawn by inversion, larger ones by BTRD.
  static constexpr double kInversionMean = 10;

  //! A sampler of the number of successes in `n` >= 0 trials of chance `p` in [0, 1].
  BinomialSampler(int64_t n, double p);
  //! Keeps the first probabilities of an inversion draw in a table, for a sampler drawn many times: its
  //! draws stay exactly the same, only cheaper.
  void Tabulate();
  //! One draw from `rng`.
  int64_t Draw(demo::Rng& rng) const {
    const int64_t k = use_btrd_ ? DrawBtrd(rng) : DrawInversion(rng);
    return flipped_ ? n_ - k : k;
  }

 private:
  //! Walks the probabilities up from 0 until a uniform is used up (time grows with the mean).
  int64_t DrawInversion(demo::Rng& rng) const;
  //! Transformed rejection around the mode, with a squeeze and Stirling-series bounds.
  int64_t DrawBtrd(demo::Rng& rng) const;

  int64_t n_;
  bool flipped_;     //!< p > 0.5: counts failures with chance 1 - p, so that p_ <= 0.5
  double p_;         //!< the chance actually drawn with, at most 0.5
  bool use_btrd_;    //!< n p_ >= kInversionMean
  double pmf0_ = 0;  //!< inversion: (1 - p_)^n
  std::vector<double>
      pmf_;          //!< inversion, when tabulated: P(k) for the first k, by the draw's own recurrence
  double odds_ = 0;  //!< p_ / (1 - p_)
  // BTRD constants (names as in the paper).
  int64_t mode_ = 0;  //!< m = floor((n + 1) p)
  double nr_ = 0;     //!< (n + 1) odds
  double npq_ = 0;    //!< n p (1 - p)
  double a_ = 0, b_ = 0, c_ = 0, alpha_ = 0, v_r_ = 0, u_rv_r_ = 0;
  double h_ = 0;  //!< log f(m) term of the final acceptance test
};

//! One Binomial(n, p) draw (set-up included), for counts whose n changes from draw to draw.
inline int64_t DrawBinomial(int64_t n, double p, demo::Rng& rng) { return BinomialSampler(n, p).Draw(rng); }

//! log(k!) minus its Stirling approximation log(sqrt(2 pi)) + (k + 1/2) log(k + 1) - (k + 1); k >= 0.
double StirlingTail(int64_t k);

}  // namespace crm::models
