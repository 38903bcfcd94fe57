#include "crm/analytics/snapshot.h"

namespace crm::analytics {

PipelineSnapshot::PipelineSnapshot(const Dataset& data, int32_t as_of, int32_t latest_day)
    : data_(&data), as_of_(as_of) {
  const OpportunityColumns& deals = data.opportunities;
  rewound_ = latest_day != kNoDay && as_of < latest_day;
  if (!rewound_) return;
  stages_ = deals.deal_stage;
  visible_.assign(deals.size(), true);
  for (size_t row = 0; row < deals.size(); ++row) {
    const int32_t engaged = deals.engage_date[row];
    if (engaged != kNoDay && engaged > as_of) {
      visible_[row] = false;
    } else if (deals.close_date[row] != kNoDay && deals.close_date[row] > as_of) {
      stages_[row] = DealStage::kEngaging;
    }
  }
}

}  // namespace crm::analytics
