#include "crm/models/account_examples.h"

namespace crm::models {

namespace {

//! Close days of the deals closed in `stage`, kNoDay for every other deal.
std::vector<int32_t> CloseDaysIn(const OpportunityColumns& deals, DealStage stage) {
  std::vector<int32_t> days(deals.size(), kNoDay);
  for (size_t i = 0; i < deals.size(); ++i) {
    if (deals.deal_stage[i] == stage) days[i] = deals.close_date[i];
  }
  return days;
}

//! The earliest close date on or before `known_by` of a deal with an account, or kNoDay.
int32_t FirstCloseDay(const OpportunityColumns& deals, int32_t known_by) {
  int32_t first = kNoDay;
  for (size_t i = 0; i < deals.size(); ++i) {
    const int32_t day = deals.close_date[i];
    if (deals.account[i] == kNoIndex || day == kNoDay || day > known_by) continue;
    if (first == kNoDay || day < first) first = day;
  }
  return first;
}

//! The last day of the month of `day`.
int32_t MonthEnd(int32_t day) {
  const CivilDate date = CivilFromDays(day);
  return date.month == 12 ? DaysFromCivil(date.year + 1, 1, 1) - 1
                          : DaysFromCivil(date.year, date.month + 1, 1) - 1;
}

//! 1 when the account wins nothing in (day, day + horizon] or less than half its won revenue of
//! (day − horizon, day]; else 0.
float AtRiskLabel(const ClosedDeals& won, int32_t account, int32_t day) {
  const int32_t h = kAccountRiskHorizonDays;
  if (won.Count(account, day, day + h) == 0) return 1.0f;
  return won.Revenue(account, day, day + h) < 0.5 * won.Revenue(account, day - h, day) ? 1.0f : 0.0f;
}

//! Appends the accounts active at `day`, ascending.
void AppendActive(const ClosedDeals& won, size_t account_count, int32_t day,
                  std::vector<AccountExample>& out) {
  for (size_t account = 0; account < account_count; ++account) {
    if (IsActiveAccount(won, static_cast<int32_t>(account), day)) {
      out.push_back({static_cast<int32_t>(account), day});
    }
  }
}

}  // namespace

ClosedDeals::ClosedDeals(const Dataset& data, DealStage stage)
    : deals(data.accounts.size(), data.opportunities.account, CloseDaysIn(data.opportunities, stage)),
      revenue(deals.Cumulate([&](int32_t row) {
        const double value = data.opportunities.close_value[row];
        return HasValue(value) ? value : 0.0;
      })) {}

std::vector<int32_t> AccountRiskSnapshotDays(const Dataset& data, int32_t known_by) {
  const int32_t first_close = FirstCloseDay(data.opportunities, known_by);
  std::vector<int32_t> days;
  if (first_close == kNoDay) return days;
  const int32_t last = known_by - kAccountRiskHorizonDays;
  for (int32_t day = MonthEnd(first_close + kAccountRiskHorizonDays - 1); day <= last;
       day = MonthEnd(day + 1)) {
    days.push_back(day);
  }
  return days;
}

AccountExamples AccountRiskTrainingExamples(const Dataset& data, int32_t known_by) {
  const ClosedDeals won(data, DealStage::kWon);
  AccountExamples out;
  for (int32_t day : AccountRiskSnapshotDays(data, known_by)) {
    AppendActive(won, data.accounts.size(), day, out.examples);
  }
  out.labels.reserve(out.examples.size());
  for (const AccountExample& example : out.examples) {
    out.labels.push_back(AtRiskLabel(won, example.account, example.day));
  }
  return out;
}

std::vector<AccountExample> AccountRiskScoringExamples(const Dataset& data, int32_t as_of) {
  const ClosedDeals won(data, DealStage::kWon);
  std::vector<AccountExample> out;
  AppendActive(won, data.accounts.size(), as_of, out);
  return out;
}

}  // namespace crm::models
