#pragma once
// Grouping deals by a dimension: a dense key per deal and a label per key.

#include <cstdint>
#include <string>
#include <vector>

#include "crm/analytics/calendar.h"
#include "crm/analytics/dimension.h"
#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! Dense keys 0..size()-1 for the values of one dimension; deals without a value share a last
//! "(none)" key. Month and quarter keys follow the calendar; they date a deal by its reference day.
class Grouping {
 public:
  Grouping(const Dataset& data, const PipelineSnapshot& snapshot, const Calendar& calendar, Dimension dimension);

  //! The dimension grouped by.
  Dimension dimension() const { return dimension_; }
  //! Number of keys, the missing-value key included.
  int32_t size() const { return static_cast<int32_t>(labels_.size()); }
  //! The key of a deal.
  int32_t Key(int32_t row) const;
  //! The label of a key ("technology", "2017-07", "(no account)", …).
  const std::string& Label(int32_t key) const { return labels_[key]; }
  //! The key that collects deals without a value.
  int32_t MissingKey() const { return size() - 1; }

 private:
  enum class Source { kStage, kAgent, kProduct, kAccount, kMonth, kQuarter };
  const Dataset* data_;
  const PipelineSnapshot* snapshot_;
  const Calendar* calendar_;
  Dimension dimension_;
  Source source_ = Source::kStage;
  std::vector<int32_t> keys_;  //!< source index (account + 1, month − first) → key
  int32_t first_period_ = 0;
  std::vector<std::string> labels_;
};

}  // namespace crm::analytics
