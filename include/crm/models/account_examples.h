#pragma once
// Who the account risk model (account_risk) learns from and whom it scores: an account seen at the end of a
// day, and whether it then went quiet. The definitions are in docs/models/account_risk.md.
//
// An account is *active* at day T when it won a deal closed in the 365 days ending on T (so it has closed
// a deal on or before T). Only active accounts are examples: an account that never bought, or bought
// nothing for a year, cannot lose what it does not have. Its risk is a question for lead scoring or
// win-back, not for this model, and keeping it would fill the positives with accounts already gone.
//
// Label at T (1 = at risk): the account wins nothing in (T, T + 90], or its won revenue in (T, T + 90]
// is below half its won revenue in (T − 90, T].
//
// Training snapshots are the month ends T with T + 90 ≤ known_by (the outcome is known by then) and
// T − 89 on or after the first close date of the data: the 90 days the label compares against must lie
// wholly inside the recorded history, or the first snapshots would compare a full quarter with a part
// of one and call almost nothing a fall.

#include <cstdint>
#include <vector>

#include "crm/data/dataset.h"
#include "crm/models/account_timeline.h"

namespace crm::models {

//! Days after the snapshot the label looks at, and before it the revenue compared against.
inline constexpr int32_t kAccountRiskHorizonDays = 90;
//! Days ending on the snapshot day in which an active account won something.
inline constexpr int32_t kAccountActiveDays = 365;

//! One account as it stood at the end of one day.
struct AccountExample {
  int32_t account;  //!< row in Dataset::accounts
  int32_t day;      //!< the snapshot: the end of this day
};

//! Training examples with their labels, one per example (1 = at risk, 0 = not).
struct AccountExamples {
  std::vector<AccountExample> examples;
  std::vector<float> labels;
};

//! The deals of each account closed in one stage (Won or Lost), by close day, with their close values
//! (a missing value counts 0). Deals without an account or a close date are left out.
struct ClosedDeals {
  //! Collects the deals of `data` closed in `stage`.
  ClosedDeals(const Dataset& data, DealStage stage);
  AccountTimeline deals;        //!< the deals, by close day
  std::vector<double> revenue;  //!< running totals of their close values, for AccountTimeline::Sum

  //! Deals of `account` closed in (from, to].
  int32_t Count(int32_t account, int32_t from, int32_t to) const { return deals.Count(account, from, to); }
  //! Their total close value.
  double Revenue(int32_t account, int32_t from, int32_t to) const {
    return deals.Sum(revenue, account, from, to);
  }
};

//! True when `account` won a deal closed in the kAccountActiveDays days ending on `day` (`won` holds
//! the Won deals).
inline bool IsActiveAccount(const ClosedDeals& won, int32_t account, int32_t day) {
  return won.Count(account, day - kAccountActiveDays, day) > 0;
}

//! The training snapshot days: month ends T with T + 90 ≤ known_by whose previous 90 days lie inside
//! the closing history (T − 89 ≥ the first close date, on or before known_by, of a deal with an account);
//! ascending.
std::vector<int32_t> AccountRiskSnapshotDays(const Dataset& data, int32_t known_by);

//! The active accounts at every snapshot day, by day then account, with their labels.
AccountExamples AccountRiskTrainingExamples(const Dataset& data, int32_t known_by);

//! The accounts active at `as_of`, ascending, to be scored.
std::vector<AccountExample> AccountRiskScoringExamples(const Dataset& data, int32_t as_of);

}  // namespace crm::models
