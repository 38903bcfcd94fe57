#include "crm/models/fallback_probabilities.h"

#include <algorithm>

#include "crm/analytics/deal_estimates.h"
#include "crm/analytics/deal_survival.h"
#include "crm/analytics/snapshot.h"

namespace crm::models {

namespace {

//! Days ahead that stand for "ever" on a win curve (past its data the tail chances carry on).
constexpr int32_t kEverDays = 100 * 365;

}  // namespace

std::vector<double> HistoricalWinProbabilities(const Dataset& data, int32_t as_of) {
  const analytics::PipelineSnapshot snapshot(data, as_of, data.LatestDate());
  const analytics::DealEstimates estimates(data, snapshot);
  std::vector<double> probabilities(data.opportunities.size(), kNoNumber);
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    if (snapshot.Visible(row) && !IsClosed(snapshot.Stage(row)))
      probabilities[i] = estimates.WinProbability(row);
  }
  return probabilities;
}

std::vector<double> WinCurveProbabilities(const Dataset& data, int32_t as_of) {
  const analytics::PipelineSnapshot snapshot(data, as_of, data.LatestDate());
  analytics::DealSurvival survival(data, snapshot);
  survival.AddVisible([](int32_t, DealStage) {});
  survival.Finish();
  std::vector<double> probabilities(data.opportunities.size(), kNoNumber);
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    const int32_t age = snapshot.Visible(row) ? snapshot.DaysOpen(row) : -1;
    if (age < 0) continue;
    const analytics::WinCurve& curve = survival.For(data.opportunities.product[i]);
    probabilities[i] = std::clamp(curve.WinProbability(age, age, age + kEverDays), 0.0, 1.0);
  }
  return probabilities;
}

}  // namespace crm::models
