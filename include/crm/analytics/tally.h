#pragma once
// One pass over the selected deals that totals counts and values per group: the building block of
// most insights and of the benchmark's five queries.

#include <array>
#include <cstdint>
#include <vector>

#include "crm/analytics/grouping.h"
#include "crm/analytics/query_context.h"

namespace crm::analytics {

//! Totals of one group of deals.
struct GroupTotals {
  std::array<int64_t, kDealStageCount> deals{};  //!< count per stage, indexed by DealStage
  double won_value = 0;                          //!< sum of close values of won deals
  double open_value = 0;                         //!< estimated value of open deals
  double expected_value = 0;                     //!< open value x win probability

  //! Deals in a stage.
  int64_t count(DealStage stage) const { return deals[static_cast<size_t>(stage)]; }
  //! Won + Lost.
  int64_t closed() const { return count(DealStage::kWon) + count(DealStage::kLost); }
  //! Prospecting + Engaging.
  int64_t open() const { return count(DealStage::kProspecting) + count(DealStage::kEngaging); }
  //! All deals.
  int64_t total() const { return closed() + open(); }
  //! Won / closed, NaN when nothing closed.
  double win_rate() const;
  //! Adds the counts and values of another group.
  GroupTotals& operator+=(const GroupTotals& other);
};

//! Totals per key of `grouping` over the query's selected deals.
std::vector<GroupTotals> Tally(const QueryContext& query, const Grouping& grouping);

//! The sum of all groups of a tally.
GroupTotals SumTotals(const std::vector<GroupTotals>& groups);

}  // namespace crm::analytics
