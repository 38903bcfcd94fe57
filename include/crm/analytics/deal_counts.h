#pragma once
// Stage counts per sales agent and per account over every deal at the as-of date (not only the
// filtered ones): the track records that reasons quote and the team loads that risks compare.

#include <array>
#include <cstdint>
#include <vector>

#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! Deals per stage.
struct StageCounts {
  std::array<int64_t, kDealStageCount> deals{};  //!< indexed by DealStage

  //! Deals in a stage.
  int64_t count(DealStage stage) const { return deals[static_cast<size_t>(stage)]; }
  //! Won + Lost.
  int64_t closed() const { return count(DealStage::kWon) + count(DealStage::kLost); }
  //! Prospecting + Engaging.
  int64_t open() const { return count(DealStage::kProspecting) + count(DealStage::kEngaging); }
  //! Won / closed, NaN when nothing closed.
  double win_rate() const;
};

//! Stage counts of every deal visible at the as-of date.
struct DealCounts {
  std::vector<StageCounts> by_agent;    //!< indexed like Dataset::sales_agents
  std::vector<StageCounts> by_account;  //!< indexed like Dataset::accounts
};

//! One pass over the deals visible in `snapshot`.
DealCounts CountDeals(const Dataset& data, const PipelineSnapshot& snapshot);

}  // namespace crm::analytics
