#include "crm/models/forecast_basis.h"

#include <stdexcept>
#include <utility>

namespace crm::models {

ForecastBasis::ForecastBasis(const Dataset& data, const analytics::PipelineSnapshot& snapshot,
                             const analytics::DealEstimates& estimates, const analytics::WonCycles& cycles,
                             std::vector<double> win_probability)
    : data_(&data),
      snapshot_(&snapshot),
      estimates_(&estimates),
      cycles_(&cycles),
      stalled_(data, snapshot, cycles),
      win_probability_(std::move(win_probability)) {
  if (!win_probability_.empty() && win_probability_.size() != data.opportunities.size()) {
    throw std::invalid_argument("win_probability must be empty or hold one entry per deal");
  }
}

}  // namespace crm::models
