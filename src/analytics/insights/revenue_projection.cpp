#include "revenue_projection.h"

#include <algorithm>

#include "crm/analytics/day_histogram.h"
#include "crm/analytics/dense_series.h"
#include "crm/analytics/period.h"

namespace crm::analytics {

MonthProjection RevenueProjection::NextQuarter() const {
  MonthProjection quarter;
  for (const MonthProjection& month : months) {
    if (Calendar::QuarterOfMonth(month.month) != next_quarter) continue;
    quarter.already_won += month.already_won;
    quarter.from_engaging += month.from_engaging;
    quarter.new_business += month.new_business;
  }
  return quarter;
}

const MonthProjection* RevenueProjection::Find(int32_t month) const {
  for (const MonthProjection& projected : months) {
    if (projected.month == month) return &projected;
  }
  return nullptr;
}

namespace {

//! The last day of a month index.
int32_t LastDayOfMonth(int32_t month) { return FirstDayOfMonth(month + 1) - 1; }

//! One pass over the deals: every visible deal feeds the win curves; of the selected ones, won deals feed
//! the history and the run rate, open engaged deals add their estimated value to a cell per product and
//! age, spread over the months after by the win curve once the pass is over.
class Projector {
 public:
  explicit Projector(const PipelineView& view)
      : view_(view),
        as_of_(view.snapshot.as_of()),
        as_of_month_(view.calendar.Month(as_of_)),
        result_(view.survival) {
    const int32_t month_start = FirstDayOfMonth(as_of_month_), month_end = LastDayOfMonth(as_of_month_);
    result_.month_left =
        static_cast<double>(month_end - as_of_) / static_cast<double>(month_end - month_start + 1);
    result_.next_quarter = Calendar::QuarterOfMonth(as_of_month_) + 1;
    const int32_t first = result_.month_left > 0 ? as_of_month_ : as_of_month_ + 1;
    const int32_t last = 3 * result_.next_quarter + 2;
    for (int32_t month = first; month <= last; ++month) {
      result_.months.push_back({month});
      month_days_.push_back({std::max(FirstDayOfMonth(month), as_of_ + 1), LastDayOfMonth(month)});
    }
    for (int32_t month = as_of_month_ - RevenueProjection::kHistoryMonths + 1; month <= as_of_month_;
         ++month) {
      result_.history.push_back({month});
      quarter_first_days_.push_back(FirstDayOfMonth(3 * Calendar::QuarterOfMonth(month)));
    }
    history_first_day_ = FirstDayOfMonth(result_.history.front().month);
    last_run_month_ = result_.month_left > 0 ? as_of_month_ - 1 : as_of_month_;
    max_lead_ = last - as_of_month_ + 1;
    won_by_month_lead_.assign(RevenueProjection::kRunRateMonths,
                              std::vector<double>(static_cast<size_t>(max_lead_) + 1, 0));
    value_by_age_.resize(view.data.products.size());
    open_ages_.resize(view.data.products.size());
    for (size_t p = 0; p < value_by_age_.size(); ++p) {  // ages start at 0: the cells only grow upward
      value_by_age_[p].At(0);
      open_ages_[p].Add(0, 0);
    }
  }

  RevenueProjection Run() {
    for (int32_t row : view_.rows) AddSelected(row, view_.snapshot.Stage(row));
    CountTailDeals();
    SpreadEngaging();
    AddNewBusiness();
    return std::move(result_);
  }

 private:
  //! First and last day of a projected month, from the day after the as-of date.
  struct DayRange {
    int32_t first;
    int32_t last;
  };

  void AddSelected(int32_t row, DealStage stage) {
    if (stage == DealStage::kWon) {
      AddWon(row);
    } else if (!IsClosed(stage)) {
      AddOpen(row);
    }
  }

  //! Won in the history months: history, deals already engaged when the quarter began, run rate by lead.
  void AddWon(int32_t row) {
    const int32_t closed = view_.snapshot.CloseDate(row);
    if (closed == kNoDay || closed < history_first_day_) return;
    const double value = view_.snapshot.CloseValue(row);
    if (!HasValue(value)) return;
    const int32_t month = view_.calendar.Month(closed);
    const auto index = static_cast<size_t>(month - result_.history.front().month);
    if (index >= result_.history.size()) return;
    MonthHistory& history = result_.history[index];
    history.won_value += value;
    ++history.won_deals;
    const int32_t engaged = view_.data.opportunities.engage_date[row];
    if (engaged == kNoDay || engaged < quarter_first_days_[index]) history.won_from_quarter_pipeline += value;
    if (month == as_of_month_ && result_.month_left > 0) result_.months.front().already_won += value;
    const int32_t run_index = month - (last_run_month_ - RevenueProjection::kRunRateMonths + 1);
    if (run_index < 0 || month > last_run_month_ || engaged == kNoDay) return;
    const int32_t lead = month - view_.calendar.Month(engaged) + 1;
    if (lead >= 1 && lead <= max_lead_) {
      won_by_month_lead_[static_cast<size_t>(run_index)][static_cast<size_t>(lead)] += value;
    }
  }

  //! Engaged deals wait in cells per product and age; prospects are left to the run rate.
  void AddOpen(int32_t row) {
    const double value = view_.estimates.Value(row);
    if (!HasValue(value)) {
      ++result_.unplaced_deals;
      return;
    }
    const int32_t engaged = view_.data.opportunities.engage_date[row];
    if (engaged == kNoDay) {
      ++result_.prospecting_deals;
      result_.prospecting_value += value;
      return;
    }
    const auto product = static_cast<size_t>(view_.data.opportunities.product[row]);
    const int32_t age = as_of_ - engaged;
    ++result_.engaging_deals;
    result_.engaging_value += value;
    value_by_age_[product].At(age) += value;
    open_ages_[product].Add(age);
  }

  //! Selected engaged deals older than their curve's horizon.
  void CountTailDeals() {
    for (size_t p = 0; p < open_ages_.size(); ++p) {
      result_.tail_deals +=
          open_ages_[p].CountLonger(result_.survival->For(static_cast<int32_t>(p)).horizon());
    }
  }

  //! Each cell's value times P(won in the month | open at its age) from the product's win curve; the
  //! months are consecutive, so each month starts where the previous one ended.
  void SpreadEngaging() {
    result_.next_quarter_by_product.assign(value_by_age_.size(), 0);
    for (size_t p = 0; p < value_by_age_.size(); ++p) {
      const WinCurve& curve = result_.survival->For(static_cast<int32_t>(p));
      const DenseSeries<double>& by_age = value_by_age_[p];
      for (int32_t age = by_age.first(); age < by_age.end(); ++age) {
        const double value = by_age[age];
        const double alive = curve.Survival(age);
        if (value == 0 || alive == 0) continue;
        const int32_t engaged = as_of_ - age;
        double won_before = curve.WonBy(month_days_.front().first - engaged - 1);
        for (size_t m = 0; m < month_days_.size(); ++m) {
          const double won_by = curve.WonBy(month_days_[m].last - engaged);
          const double expected = value * (won_by - won_before) / alive;
          won_before = won_by;
          result_.months[m].from_engaging += expected;
          if (Calendar::QuarterOfMonth(result_.months[m].month) == result_.next_quarter)
            result_.next_quarter_by_product[p] += expected;
        }
      }
    }
  }

  //! The run rate averages the complete months from the first won deal's (at most kRunRateMonths). Month
  //! k after the as-of month gets the run rate of deals engaged in the k months up to it, plus the share
  //! of the as-of month still ahead times the next month's step.
  void AddNewBusiness() {
    const int32_t first_won_day = result_.survival->first_won_day();
    const int32_t window_first = last_run_month_ - RevenueProjection::kRunRateMonths + 1;
    const int32_t first_run_month = first_won_day == kNoDay
                                        ? last_run_month_ + 1
                                        : std::max(window_first, view_.calendar.Month(first_won_day));
    result_.run_rate_months = std::max(0, last_run_month_ - first_run_month + 1);
    result_.run_rate.assign(static_cast<size_t>(max_lead_) + 1, 0);
    for (size_t k = 1; k < result_.run_rate.size(); ++k) {
      double won = 0;
      for (int32_t month = first_run_month; month <= last_run_month_; ++month) {
        won += won_by_month_lead_[static_cast<size_t>(month - window_first)][k];
      }
      result_.run_rate[k] =
          result_.run_rate[k - 1] + (result_.run_rate_months > 0 ? won / result_.run_rate_months : 0);
    }
    for (MonthProjection& month : result_.months) {
      const auto k = static_cast<size_t>(month.month - as_of_month_);
      month.new_business =
          result_.run_rate[k] + result_.month_left * (result_.run_rate[k + 1] - result_.run_rate[k]);
    }
  }

  const PipelineView& view_;
  const int32_t as_of_;
  const int32_t as_of_month_;
  std::vector<DayRange> month_days_;         //!< per projected month
  std::vector<int32_t> quarter_first_days_;  //!< per history month: the first day of its quarter
  int32_t history_first_day_ = 0;
  int32_t last_run_month_ = 0;
  int32_t max_lead_ = 0;
  //! [month of the run-rate window][close month - engage month + 1]: won value
  std::vector<std::vector<double>> won_by_month_lead_;
  std::vector<DenseSeries<double>> value_by_age_;  //!< [product][days open]: value of open engaged deals
  std::vector<DayHistogram> open_ages_;            //!< per product: days open of those deals
  RevenueProjection result_;
};

}  // namespace

RevenueProjection ProjectRevenue(const PipelineView& view) { return Projector(view).Run(); }

}  // namespace crm::analytics
