#pragma once
// The time-based backtest: at several past dates T, train on what was closed by T and score what was
// open at T, then compare with what happened after T. Unlike cross-validation it cannot borrow from the
// future, so it is the honest estimate of how the model does in use.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/models/booster_settings.h"
#include "crm/models/metrics.h"
#include "crm/models/trained_model.h"
#include "crm/models/training_set.h"

namespace crm::models {

//! One backtest date.
struct BacktestPoint {
  int32_t as_of = 0;
  int64_t n_train = 0;
  int64_t n_test = 0;
  BinaryMetrics metrics;  //!< of the test rows
  std::string skipped;    //!< why the date was skipped (too little history), empty when it was not
};

//! All dates and the test rows of every date pooled.
struct ModelBacktest {
  std::vector<BacktestPoint> points;
  BinaryMetrics pooled;
  int64_t n_test = 0;
};

//! The rows open at `as_of` whose outcome the data knows: Engaging deals (opportunity_win), deals not yet
//! engaged (lead_score), active accounts with 90 days of known future (account_risk); labels included.
Result<TrainingSet> BacktestRows(const Dataset& data, ModelKind kind, int32_t as_of,
                                 std::span<const std::string> features);

//! The last `count` quarter ends whose 90 days after are in the data, oldest first.
std::vector<int32_t> ModelBacktestDates(const Dataset& data, int count = 3);

//! Backtests the model with fixed `settings` at `dates`. A date with too little history is skipped, saying
//! why. `models`, when given, receives the model trained at each date (empty where skipped), so that the
//! forecast backtest can reuse them.
Result<ModelBacktest> BacktestModel(const Dataset& data, ModelKind kind, std::span<const int32_t> dates,
                                    const BoosterSettings& settings, std::span<const std::string> features,
                                    std::vector<std::optional<TrainedModel>>* models = nullptr);

//! {points: [{as_of, n_train, n_test, auc, …} or {as_of, skipped}], pooled: {…}, method}.
nlohmann::json ToJson(const ModelBacktest& backtest);

}  // namespace crm::models
