// Binomial draws against the exact distribution: means, variances and point probabilities from the
// formulas (n p, n p (1 - p), C(n, k) p^k (1 - p)^(n - k)), within a few standard errors of the sample.
#include "crm/models/binomial.h"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

namespace crm::models {
namespace {

//! log P(X = k) for X ~ Binomial(n, p), from log-gamma.
double LogPmf(int64_t n, double p, int64_t k) {
  const auto nd = static_cast<double>(n), kd = static_cast<double>(k);
  return std::lgamma(nd + 1) - std::lgamma(kd + 1) - std::lgamma(nd - kd + 1) + kd * std::log(p) +
         (nd - kd) * std::log1p(-p);
}

//! Draws `draws` counts and checks the mean, the variance and P(X = k) near the mean against the formulas.
void CheckAgainstExact(int64_t n, double p, int draws) {
  const BinomialSampler sampler(n, p);
  demo::Rng rng(7, 1);
  std::vector<int64_t> frequency(static_cast<size_t>(n) + 1, 0);
  double sum = 0, sum_squares = 0;
  for (int i = 0; i < draws; ++i) {
    const int64_t k = sampler.Draw(rng);
    ASSERT_GE(k, 0);
    ASSERT_LE(k, n);
    ++frequency[static_cast<size_t>(k)];
    sum += static_cast<double>(k);
    sum_squares += static_cast<double>(k) * static_cast<double>(k);
  }
  const double mean = sum / draws, variance = sum_squares / draws - mean * mean;
  const double exact_mean = static_cast<double>(n) * p, exact_variance = exact_mean * (1 - p);
  // Standard error of the mean: sqrt(variance / draws); of the variance about variance sqrt(2 / draws).
  EXPECT_NEAR(mean, exact_mean, 5 * std::sqrt(exact_variance / draws)) << "n=" << n << " p=" << p;
  EXPECT_NEAR(variance, exact_variance, 5 * exact_variance * std::sqrt(2.0 / draws))
      << "n=" << n << " p=" << p;
  const auto centre = static_cast<int64_t>(std::floor(exact_mean));
  for (int64_t k = std::max<int64_t>(0, centre - 3); k <= std::min(n, centre + 3); ++k) {
    const double exact = std::exp(LogPmf(n, p, k));
    const double observed = static_cast<double>(frequency[static_cast<size_t>(k)]) / draws;
    EXPECT_NEAR(observed, exact, 5 * std::sqrt(exact * (1 - exact) / draws))
        << "n=" << n << " p=" << p << " k=" << k;
  }
}

TEST(BinomialSamplerTest, SmallMeansByInversionMatchTheExactDistribution) {
  CheckAgainstExact(20, 0.3, 200000);  // mean 6 < 10
  CheckAgainstExact(1, 0.5, 200000);
}

TEST(BinomialSamplerTest, TabulatedInversionDrawsExactlyTheSameCounts) {
  const std::vector<std::pair<int64_t, double>> cases = {{20, 0.3}, {1, 0.5}, {70, 0.12}, {500, 0.019}};
  for (const auto& [n, p] : cases) {
    const BinomialSampler walked(n, p);
    BinomialSampler tabulated(n, p);
    tabulated.Tabulate();
    demo::Rng walked_rng(3, 9), tabulated_rng(3, 9);
    int64_t differ = 0;
    for (int i = 0; i < 100000; ++i) differ += walked.Draw(walked_rng) != tabulated.Draw(tabulated_rng);
    EXPECT_EQ(differ, 0) << "n=" << n << " p=" << p;
  }
}

TEST(BinomialSamplerTest, LargeMeansByRejectionMatchTheExactDistribution) {
  CheckAgainstExact(200, 0.3, 200000);   // mean 60
  CheckAgainstExact(5000, 0.5, 200000);  // mean 2,500: the squeeze and Stirling branches
  CheckAgainstExact(1000, 0.8, 200000);  // p > 0.5: drawn as failures with chance 0.2
}

TEST(BinomialSamplerTest, CertainOutcomesAreExact) {
  demo::Rng rng(1, 1);
  EXPECT_EQ(BinomialSampler(50, 0.0).Draw(rng), 0);
  EXPECT_EQ(BinomialSampler(50, 1.0).Draw(rng), 50);
  EXPECT_EQ(BinomialSampler(0, 0.4).Draw(rng), 0);
  EXPECT_EQ(BinomialSampler(100000, 1.0).Draw(rng), 100000);
}

TEST(BinomialSamplerTest, StirlingTailIsTheErrorOfStirlingsFormula) {
  // log k! - (log sqrt(2 pi) + (k + 1/2) log(k + 1) - (k + 1)), with log k! = lgamma(k + 1). Below 10 the
  // values are tabulated; from 10 on the series stops before -1/1680x^7 (x = k + 1): 3e-11 at k = 10.
  for (int64_t k : {0, 1, 5, 9, 10, 11, 50, 1000}) {
    const auto kd = static_cast<double>(k);
    const double exact =
        std::lgamma(kd + 1) - (0.5 * std::log(2 * M_PI) + (kd + 0.5) * std::log(kd + 1) - (kd + 1));
    EXPECT_NEAR(StirlingTail(k), exact, k < 10 ? 1e-12 : 1e-10) << k;
  }
}

}  // namespace
}  // namespace crm::models
