#include "crm/models/deal_examples.h"

#include <algorithm>

#include "crm/common/date.h"

namespace crm::models {

namespace {

//! True when the deal was closed (Won or Lost) on or before `day`.
bool ClosedBy(const OpportunityColumns& deals, int32_t row, int32_t day) {
  return IsClosed(deals.deal_stage[row]) && deals.close_date[row] != kNoDay && deals.close_date[row] <= day;
}

//! 1 for Won, 0 for Lost.
float Outcome(const OpportunityColumns& deals, int32_t row) {
  return deals.deal_stage[row] == DealStage::kWon ? 1.0f : 0.0f;
}

}  // namespace

std::vector<int32_t> MonthEnds(int32_t first_day, int32_t last_day) {
  std::vector<int32_t> ends;
  if (first_day == kNoDay || last_day == kNoDay || first_day > last_day) return ends;
  CivilDate month = CivilFromDays(first_day);
  while (true) {
    const int next_year = month.month == 12 ? month.year + 1 : month.year;
    const int next_month = month.month == 12 ? 1 : month.month + 1;
    const int32_t end = DaysFromCivil(next_year, next_month, 1) - 1;
    if (end > last_day) break;
    ends.push_back(end);
    month = {next_year, next_month, 1};
  }
  return ends;
}

DealExamples WinTrainingExamples(const Dataset& data, int32_t known_by) {
  const OpportunityColumns& deals = data.opportunities;
  int32_t first_engage = kNoDay;
  for (size_t i = 0; i < deals.size(); ++i) {
    const int32_t engaged = deals.engage_date[i];
    if (engaged != kNoDay && (first_engage == kNoDay || engaged < first_engage)) first_engage = engaged;
  }
  DealExamples out;
  const std::vector<int32_t> month_ends = MonthEnds(first_engage, known_by);
  if (month_ends.empty()) return out;
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    const int32_t engaged = deals.engage_date[i];
    if (engaged == kNoDay || !ClosedBy(deals, row, known_by)) continue;
    const int32_t closed = deals.close_date[i];
    // Month ends T with engaged <= T < closed.
    auto first = std::lower_bound(month_ends.begin(), month_ends.end(), engaged);
    for (auto it = first; it != month_ends.end() && *it < closed; ++it) {
      out.examples.push_back({row, *it});
      out.labels.push_back(Outcome(deals, row));
    }
  }
  return out;
}

DealExamples LeadTrainingExamples(const Dataset& data, int32_t known_by) {
  const OpportunityColumns& deals = data.opportunities;
  DealExamples out;
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    const int32_t engaged = deals.engage_date[i];
    if (engaged == kNoDay || !ClosedBy(deals, row, known_by)) continue;
    out.examples.push_back({row, engaged - 1});
    out.labels.push_back(Outcome(deals, row));
  }
  return out;
}

std::vector<DealExample> OpenDealExamples(const Dataset& data, int32_t as_of, DealStage stage) {
  const OpportunityColumns& deals = data.opportunities;
  std::vector<DealExample> out;
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    const int32_t engaged = deals.engage_date[i];
    const bool open_engaged = engaged != kNoDay && engaged <= as_of && !ClosedBy(deals, row, as_of);
    const bool prospect = deals.deal_stage[i] == DealStage::kProspecting;
    if (stage == DealStage::kEngaging ? open_engaged : prospect) out.push_back({row, as_of});
  }
  return out;
}

}  // namespace crm::models
