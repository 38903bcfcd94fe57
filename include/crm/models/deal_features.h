#pragma once
// Features of a deal as it stood on a snapshot day, built only from what was knowable then: the deal's
// product, account and team, the win rates and volumes of deals closed on or before that day, the deal's
// age and the activities logged by then. Fields known only after the outcome (close value, close date,
// stage) are not in the catalogue, and asking for one by name is refused with the reason.

#include <memory>
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

//! Won and closed deals per agent, account and product, and open deals per agent, at the end of one day.
struct DealHistoryCounts {
  int32_t day = 0;
  std::vector<int32_t> agent_won, agent_closed, agent_open;
  std::vector<int32_t> account_won, account_closed;
  std::vector<int32_t> product_won, product_closed;
};

//! The counts at the end of `day`, in one pass over the deals: keep them to score many deals that day.
DealHistoryCounts CountDealHistory(const Dataset& data, int32_t day);

//! What the deals closed or engaged on or before an example's day say about its agent, account, product.
struct DealHistoryFacts {
  int32_t agent_won = 0, agent_closed = 0;
  int32_t account_won = 0, account_closed = 0;
  int32_t product_won = 0, product_closed = 0;
  int32_t agent_open = 0;  //!< the agent's deals engaged and not closed
};

//! The days of the activities logged on each deal and with each account, indexed once per dataset and
//! shared by the feature builders of several models.
struct ActivityDays {
  DayLists by_deal;     //!< per deal row
  DayLists by_account;  //!< per account row

  //! The index of `data`'s activities.
  static std::shared_ptr<const ActivityDays> Of(const Dataset& data);
};

//! Builds feature matrices for deal examples. Build once per dataset; Build() is cheap per call.
class DealFeatureBuilder {
 public:
  //! A builder of the named features; an Error names an outcome field (leakage) or an unknown name.
  //! `activities` (of `data`) is indexed here when not given.
  static Result<DealFeatureBuilder> Create(const Dataset& data, std::span<const std::string> names,
                                           std::shared_ptr<const ActivityDays> activities = nullptr);
  //! The default feature names of a model; the activity features only when the data has activities.
  static std::vector<std::string> DefaultFeatures(DealFeatureSet set, bool has_activities);
  //! Every feature name the catalogue offers.
  static std::vector<std::string> CatalogueNames();

  //! One row per example, in order (examples may be seen on different days; when all share one day the
  //! history is counted in one pass instead of a sweep over sorted dates).
  FeatureMatrix Build(std::span<const DealExample> examples) const;
  //! One row per deal, each seen at the end of `counts.day`.
  FeatureMatrix BuildAt(const DealHistoryCounts& counts, std::span<const int32_t> deals) const;
  //! The features of one deal seen at the end of `counts.day`, written to `row` (one value per column):
  //! BuildAt of one deal without allocating.
  void FillRow(const DealHistoryCounts& counts, int32_t deal, std::span<float> row) const;
  //! The columns Build() fills.
  const std::vector<FeatureSpec>& specs() const { return specs_; }

 private:
  DealFeatureBuilder(const Dataset& data, std::vector<int> features,
                     std::shared_ptr<const ActivityDays> activities);
  //! The rows of `examples` from their history facts.
  FeatureMatrix Fill(std::span<const DealExample> examples, std::span<const DealHistoryFacts> facts) const;
  //! The row of one example from its history facts, written to `out` (one value per column).
  void FillOne(const DealExample& example, const DealHistoryFacts& facts, float* out) const;

  const Dataset* data_;
  std::vector<int> features_;  //!< indexes into the catalogue
  std::vector<FeatureSpec> specs_;
  std::shared_ptr<const ActivityDays> activities_;
};

}  // namespace crm::models
