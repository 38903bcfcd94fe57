#pragma once
// Features of a deal as it stood on a snapshot day, built only from what was knowable then: the deal's
// product, account and team, the win rates and volumes of deals closed on or before that day, the deal's
// age and the activities logged by then. Fields known only after the outcome (close value, close date,
// stage) are not in the catalogue, and asking for one by name is refused with the reason.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/models/day_lists.h"
#include "crm/models/deal_examples.h"
#include "crm/models/feature_matrix.h"

namespace crm::models {

//! The deal models and the features each uses by default.
enum class DealFeatureSet {
  kOpportunityWin,  //!< open Engaging deals: everything, including age and engagement month
  kLeadScore,       //!< Prospecting deals: only what is known before engagement
};

//! Builds feature matrices for deal examples. Build once per dataset; Build() is cheap per call.
class DealFeatureBuilder {
 public:
  //! A builder of the named features; an Error names an outcome field (leakage) or an unknown name.
  static Result<DealFeatureBuilder> Create(const Dataset& data, std::span<const std::string> names);
  //! The default feature names of a model; the activity features only when the data has activities.
  static std::vector<std::string> DefaultFeatures(DealFeatureSet set, bool has_activities);
  //! Every feature name the catalogue offers.
  static std::vector<std::string> CatalogueNames();

  //! One row per example, in order.
  FeatureMatrix Build(std::span<const DealExample> examples) const;
  //! The columns Build() fills.
  const std::vector<FeatureSpec>& specs() const { return specs_; }

 private:
  DealFeatureBuilder(const Dataset& data, std::vector<int> features);

  const Dataset* data_;
  std::vector<int> features_;  //!< indexes into the catalogue
  std::vector<FeatureSpec> specs_;
  DayLists deal_activity_days_;     //!< per deal row
  DayLists account_activity_days_;  //!< per account row
};

}  // namespace crm::models
