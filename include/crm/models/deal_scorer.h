#pragma once
// Scores open deals at one as-of date: Engaging deals with the opportunity-win model, Prospecting deals
// with the lead model, each with its tier and reasons; the product's historical win rate when there is no
// model, saying so.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/models/deal_features.h"
#include "crm/models/factors.h"
#include "crm/models/model_set.h"
#include "crm/models/tiers.h"

namespace crm::models {

//! One deal's score and why.
struct DealScore {
  std::string opportunity_id;
  std::string stage;       //!< "Engaging" or "Prospecting" at the as-of date
  std::string model;       //!< "opportunity_win" or "lead_score"
  double probability = 0;  //!< calibrated chance of being won, 0..1
  Tier tier = Tier::kLow;
  std::vector<Factor> factors;
  std::string model_version;          //!< "opportunity_win v3", or "historical win rate" without a model
  std::string note;                   //!< why the historical rate stands in, when it does
  double model_auc = kNoNumber;       //!< the model's cross-validated AUC
  std::string reliability;            //!< what that AUC is worth, in words
  std::vector<std::string> cautions;  //!< where this deal lies outside what the model learned from
};

//! The JSON of `score build` (CONTRACTS.md: opportunity_id, probability, tier, factors, model_version).
nlohmann::json ToJson(const DealScore& score);

//! Scores deals as they stood at the end of `as_of`; the day's history is counted once, so each Score()
//! costs a feature row and one prediction. Safe to share across threads once built.
class DealScorer {
 public:
  DealScorer(const Dataset& data, const ModelSet& models, int32_t as_of);

  //! The score of one deal; an Error when it is closed or not engaged yet at the as-of date.
  Result<DealScore> Score(int32_t deal) const;
  //! Calibrated win probabilities of `deals` (all Engaging, or all Prospecting, per `kind`), without
  //! reasons; the historical rate when there is no model.
  Result<std::vector<float>> Probabilities(ModelKind kind, std::span<const int32_t> deals) const;
  //! The as-of day.
  int32_t as_of() const { return as_of_; }

 private:
  //! The scorer over the activities of `data`, indexed once for both models' builders.
  DealScorer(const Dataset& data, const ModelSet& models, int32_t as_of,
             const std::shared_ptr<const ActivityDays>& activities);
  //! The product's win rate from deals closed by the as-of date; NaN without any.
  double HistoricalRate(int32_t deal) const;
  //! The builder for `kind`'s model, or nullptr when there is no model.
  const DealFeatureBuilder* BuilderFor(ModelKind kind) const;

  const Dataset* data_;
  const ModelSet* models_;
  int32_t as_of_;
  std::optional<DealFeatureBuilder> win_builder_;
  std::optional<DealFeatureBuilder> lead_builder_;
  DealHistoryCounts counts_;
};

}  // namespace crm::models
