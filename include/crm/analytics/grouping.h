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
//! "(none)" key. Month and quarter keys cover the calendar's range in order; they date a deal by its
//! reference day (close date when closed, else engage date).
class Grouping {
 public:
  Grouping(const Dataset& data, const PipelineSnapshot& snapshot, const Calendar& calendar,
           Dimension dimension);

  //! The dimension grouped by.
  Dimension dimension() const { return dimension_; }
  //! Number of keys, the missing-value key included.
  int32_t size() const { return static_cast<int32_t>(labels_.size()); }
  //! The key of a deal.
  int32_t Key(int32_t row) const;
  //! Calls `body(key_of)` with a callable key_of(row) specialised for this dimension, so that loops
  //! over millions of deals inline the lookup.
  template <typename Body>
  void Visit(Body&& body) const;
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

template <typename Body>
void Grouping::Visit(Body&& body) const {
  const OpportunityColumns& deals = data_->opportunities;
  const int32_t* keys = keys_.data();
  const int32_t missing = MissingKey();
  switch (source_) {
    case Source::kStage: {
      const DealStage* stages = snapshot_->stages();
      body([stages](int32_t row) { return static_cast<int32_t>(stages[row]); });
      return;
    }
    case Source::kAgent: {
      const int32_t* agents = deals.sales_agent.data();
      body([agents, keys, missing](int32_t row) {
        return agents[row] == kNoIndex ? missing : keys[agents[row]];
      });
      return;
    }
    case Source::kProduct: {
      const int32_t* products = deals.product.data();
      body([products, keys, missing](int32_t row) {
        return products[row] == kNoIndex ? missing : keys[products[row]];
      });
      return;
    }
    case Source::kAccount: {
      const int32_t* accounts = deals.account.data();
      body([accounts, keys](int32_t row) { return keys[accounts[row] + 1]; });
      return;
    }
    case Source::kMonth:
    case Source::kQuarter: {
      const int32_t* months = snapshot_->reference_months().data();
      const int32_t first = first_period_;
      if (snapshot_->reference_months().empty()) {
        // A snapshot without precomputed months (not from an AsOfState): compute each one.
        const PipelineSnapshot* snapshot = snapshot_;
        const Calendar* calendar = calendar_;
        const bool by_month = source_ == Source::kMonth;
        body([=](int32_t row) {
          const int32_t day = snapshot->ReferenceDay(row);
          if (day == kNoDay) return missing;
          const int32_t key = (by_month ? calendar->Month(day) : calendar->Quarter(day)) - first;
          return static_cast<uint32_t>(key) < static_cast<uint32_t>(missing) ? key : missing;
        });
      } else if (source_ == Source::kMonth) {
        body([=](int32_t row) {
          // kNoMonth wraps to a huge unsigned value, so it lands on the missing key.
          const uint32_t key = static_cast<uint32_t>(months[row]) - static_cast<uint32_t>(first);
          return key < static_cast<uint32_t>(missing) ? static_cast<int32_t>(key) : missing;
        });
      } else {
        body([=](int32_t row) {
          if (months[row] == PipelineSnapshot::kNoMonth) return missing;
          const int32_t key = Calendar::QuarterOfMonth(months[row]) - first;
          return static_cast<uint32_t>(key) < static_cast<uint32_t>(missing) ? key : missing;
        });
      }
      return;
    }
  }
}

}  // namespace crm::analytics
