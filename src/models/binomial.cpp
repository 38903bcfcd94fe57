#include "crm/models/binomial.h"

#include <cmath>
#include <cstdlib>

namespace crm::models {

double StirlingTail(int64_t k) {
  // Exact values for small k; the asymptotic series 1/12x - 1/360x^3 + 1/1260x^5 (x = k + 1) beyond.
  static constexpr double kSmall[] = {0.08106146679532726, 0.04134069595540929, 0.02767792568499834,
                                      0.02079067210376509, 0.01664469118982119, 0.01387612882307075,
                                      0.01189670994589177, 0.01041126526197209, 0.009255462182712733,
                                      0.008330563433362871};
  if (k < 10) return kSmall[k];
  const double inverse = 1.0 / static_cast<double>(k + 1), inverse2 = inverse * inverse;
  return (1.0 / 12 - (1.0 / 360 - inverse2 / 1260) * inverse2) * inverse;
}

BinomialSampler::BinomialSampler(int64_t n, double p) : n_(n), flipped_(p > 0.5), p_(p > 0.5 ? 1 - p : p) {
  const auto count = static_cast<double>(n);
  use_btrd_ = count * p_ >= kInversionMean;
  odds_ = p_ / (1 - p_);
  if (!use_btrd_) {
    pmf0_ = std::exp(count * std::log1p(-p_));
    return;
  }
  mode_ = static_cast<int64_t>(std::floor((count + 1) * p_));
  nr_ = (count + 1) * odds_;
  npq_ = count * p_ * (1 - p_);
  const double spq = std::sqrt(npq_);
  b_ = 1.15 + 2.53 * spq;
  a_ = -0.0873 + 0.0248 * b_ + 0.01 * p_;
  c_ = count * p_ + 0.5;
  alpha_ = (2.83 + 5.1 / b_) * spq;
  v_r_ = 0.92 - 4.2 / b_;
  u_rv_r_ = 0.86 * v_r_;
  const auto m = static_cast<double>(mode_);
  h_ = (m + 0.5) * std::log((m + 1) / (odds_ * (count - m + 1))) + StirlingTail(mode_) +
       StirlingTail(n - mode_);
}

namespace {

//! Probabilities an inversion table holds at most; a draw that walks past them goes on by the recurrence.
constexpr int64_t kTabulated = 64;

}  // namespace

void BinomialSampler::Tabulate() {
  if (use_btrd_ || !pmf_.empty()) return;
  double pmf = pmf0_;
  pmf_.push_back(pmf);
  for (int64_t k = 1; k <= n_ && k < kTabulated; ++k) {
    pmf *= odds_ * static_cast<double>(n_ - k + 1) / static_cast<double>(k);
    pmf_.push_back(pmf);
  }
}

int64_t BinomialSampler::DrawInversion(demo::Rng& rng) const {
  double u = rng.Unit();
  int64_t k = 0;
  const auto tabulated = static_cast<int64_t>(pmf_.size());
  while (k < tabulated && u >= pmf_[static_cast<size_t>(k)] && k < n_) {
    u -= pmf_[static_cast<size_t>(k)];
    ++k;
  }
  if (k < tabulated) return k;  // stopped inside the table
  double pmf = tabulated > 0
                   ? pmf_.back() * (odds_ * static_cast<double>(n_ - k + 1) / static_cast<double>(k))
                   : pmf0_;
  while (u >= pmf && k < n_) {
    u -= pmf;
    ++k;
    pmf *= odds_ * static_cast<double>(n_ - k + 1) / static_cast<double>(k);
  }
  return k;
}

int64_t BinomialSampler::DrawBtrd(demo::Rng& rng) const {
  for (;;) {
    // Step 1: the central region of the hat is accepted at once (most draws).
    double v = rng.Unit();
    if (v <= u_rv_r_) {
      const double u = v / v_r_ - 0.43;
      return static_cast<int64_t>(std::floor((2 * a_ / (0.5 - std::abs(u)) + b_) * u + c_));
    }
    // Step 2: a point under the hat, outside that region.
    double u;
    if (v >= v_r_) {
      u = rng.Unit() - 0.5;
    } else {
      u = v / v_r_ - 0.93;
      u = std::copysign(0.5, u) - u;
      v = rng.Unit() * v_r_;
    }
    const double us = 0.5 - std::abs(u);
    const double candidate = std::floor((2 * a_ / us + b_) * u + c_);
    if (candidate < 0 || candidate > static_cast<double>(n_)) continue;
    const auto k = static_cast<int64_t>(candidate);
    v *= alpha_ / (a_ / (us * us) + b_);
    const int64_t distance = std::abs(k - mode_);
    if (distance <= 15) {
      // Step 3.1: f(k) / f(mode) by the recursion f(i) / f(i - 1) = nr / i - odds.
      double ratio = 1;
      for (int64_t i = mode_ + 1; i <= k; ++i) ratio *= nr_ / static_cast<double>(i) - odds_;
      for (int64_t i = k + 1; i <= mode_; ++i) v *= nr_ / static_cast<double>(i) - odds_;
      if (v <= ratio) return k;
      continue;
    }
    // Step 3.2: squeeze on log f(k) / f(mode) by its normal approximation.
    v = std::log(v);
    const auto km = static_cast<double>(distance);
    const double rho = (km / npq_) * (((km / 3 + 0.625) * km + 1.0 / 6) / npq_ + 0.5);
    const double t = -km * km / (2 * npq_);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    // Steps 3.3-3.4: the exact log ratio through Stirling's series.
    const double nm = static_cast<double>(n_ - mode_ + 1), nk = static_cast<double>(n_ - k + 1);
    const auto kd = static_cast<double>(k);
    if (v <= h_ + static_cast<double>(n_ + 1) * std::log(nm / nk) +
                 (kd + 0.5) * std::log(nk * odds_ / (kd + 1)) - StirlingTail(k) - StirlingTail(n_ - k)) {
      return k;
    }
  }
}

}  // namespace crm::models
