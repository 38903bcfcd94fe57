#pragma once
// The rows a model learns from, is evaluated on or scores: features, labels, and per row the entity
// (deal or account), the snapshot day and the groups fairness is reported by.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/models/feature_matrix.h"
#include "crm/models/model_kind.h"

namespace crm::models {

//! Rows of one model.
struct TrainingSet {
  ModelKind kind = ModelKind::kOpportunityWin;
  FeatureMatrix x;
  std::vector<float> labels;      //!< 1 = the positive outcome; empty for rows to score
  std::vector<int32_t> entities;  //!< deal or account row: the rows of one entity stay in one fold
  std::vector<int32_t> days;      //!< the snapshot day of each row
  std::vector<int32_t> sectors;   //!< sector code of the row's account, kNoIndex when unknown
  std::vector<int32_t> offices;   //!< regional office code of the deal's agent; kNoIndex for accounts
  int64_t sampled_from = 0;       //!< rows before sampling (equal to the row count when none was needed)

  //! Number of rows.
  size_t size() const { return entities.size(); }
  //! A set with only these rows, in this order.
  TrainingSet SelectRows(std::span<const int32_t> rows) const;
};

//! Training rows beyond this are sampled (whole entities, deterministically) to bound training time.
inline constexpr int64_t kMaxTrainingRows = 100000;

//! The feature names a model uses on this data by default.
std::vector<std::string> DefaultFeatureNames(const Dataset& data, ModelKind kind);

//! The model's rows whose outcome is known by `known_by`, with the named features (an Error refuses a
//! name, e.g. an outcome field).
Result<TrainingSet> BuildTrainingSet(const Dataset& data, ModelKind kind, int32_t known_by,
                                     std::span<const std::string> features);

//! The rows to score at the end of `as_of` (no labels): open Engaging deals (opportunity_win),
//! Prospecting deals (lead_score) or active accounts (account_risk).
Result<TrainingSet> BuildScoringSet(const Dataset& data, ModelKind kind, int32_t as_of,
                                    std::span<const std::string> features);

//! The rows to score for these deals at the end of `as_of`.
Result<TrainingSet> BuildDealScoringSet(const Dataset& data, ModelKind kind, int32_t as_of,
                                        std::span<const int32_t> deals,
                                        std::span<const std::string> features);

}  // namespace crm::models
