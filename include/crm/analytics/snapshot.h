#pragma once
// The pipeline as it stood on the as-of date: a deal closed later was still open then, a deal engaged
// later was not in the data yet. Prospecting deals carry no dates, so they count as they are now.

#include <climits>
#include <cstdint>
#include <vector>

#include "crm/data/dataset.h"

namespace crm::analytics {

//! Stages, values and dates of every deal as known at the end of the as-of day.
class PipelineSnapshot {
 public:
  //! The snapshot at `as_of` of data whose latest date is `latest_day`.
  PipelineSnapshot(const Dataset& data, int32_t as_of, int32_t latest_day);

  //! The as-of day number.
  int32_t as_of() const { return as_of_; }
  //! True when the as-of date is before the latest date in the data, so history was rewound.
  bool rewound() const { return rewound_; }
  //! False for deals engaged after the as-of date.
  bool Visible(int32_t row) const { return !rewound_ || visible_[row]; }
  //! Stages of all deals on the as-of date, indexed by row (for tight loops).
  const DealStage* stages() const {
    return rewound_ ? stages_.data() : data_->opportunities.deal_stage.data();
  }
  //! The deal's stage on the as-of date.
  DealStage Stage(int32_t row) const {
    return rewound_ ? stages_[row] : data_->opportunities.deal_stage[row];
  }
  //! Close date when closed by the as-of date, else kNoDay.
  int32_t CloseDate(int32_t row) const {
    return IsClosed(Stage(row)) ? data_->opportunities.close_date[row] : kNoDay;
  }
  //! Close value when closed by the as-of date, else kNoNumber.
  double CloseValue(int32_t row) const {
    return IsClosed(Stage(row)) ? data_->opportunities.close_value[row] : kNoNumber;
  }
  //! The day a deal is dated by: its close date when closed, else its engage date (kNoDay for prospects).
  int32_t ReferenceDay(int32_t row) const {
    const int32_t closed = CloseDate(row);
    return closed != kNoDay ? closed : data_->opportunities.engage_date[row];
  }
  //! Months since 1970-01 of each deal's reference day, indexed by row; kNoMonth when it has no date.
  //! Filled by PrecomputeMonths; empty before.
  const std::vector<int32_t>& reference_months() const { return reference_months_; }
  //! Computes reference_months() with `month_of(day)`.
  template <typename MonthOf>
  void PrecomputeMonths(MonthOf month_of) {
    reference_months_.resize(data_->opportunities.size());
    for (size_t i = 0; i < reference_months_.size(); ++i) {
      const int32_t day = ReferenceDay(static_cast<int32_t>(i));
      reference_months_[i] = day == kNoDay ? kNoMonth : month_of(day);
    }
  }
  //! Marks a deal without a reference day in reference_months().
  static constexpr int32_t kNoMonth = INT32_MIN;
  //! Days the deal has been open at the as-of date (engage to as-of), or -1 when not engaged or closed.
  int32_t DaysOpen(int32_t row) const {
    const int32_t engaged = data_->opportunities.engage_date[row];
    return Stage(row) == DealStage::kEngaging && engaged != kNoDay ? as_of_ - engaged : -1;
  }

 private:
  const Dataset* data_;
  int32_t as_of_;
  bool rewound_ = false;
  std::vector<DealStage> stages_;
  std::vector<bool> visible_;
  std::vector<int32_t> reference_months_;
};

}  // namespace crm::analytics
