// Fairness by group and feature importance of a trained model.
#include "crm/models/model_diagnostics.h"

#include <algorithm>
#include <numeric>

#include "crm/models/metrics.h"

namespace crm::models {

nlohmann::json FairnessJson(const Dataset& data, const TrainingSet& set, std::span<const float> scores) {
  nlohmann::json out = nlohmann::json::object();
  auto add = [&](const char* name, const std::vector<int32_t>& codes,
                 const std::vector<std::string>& labels) {
    if (std::all_of(codes.begin(), codes.end(), [](int32_t code) { return code == kNoIndex; })) return;
    const std::vector<GroupMetrics> groups = MetricsByGroup(scores, set.labels, codes, labels);
    out[name] = {{"groups", ToJson(groups)}, {"largest_gap", ToJson(LargestGap(groups))}};
  };
  add("sector", set.sectors, data.sectors.values());
  add("regional_office", set.offices, data.regional_offices.values());
  return out;
}

nlohmann::json ImportanceJson(const TrainedModel& model) {
  const std::vector<double> gain = model.booster->GainImportance();
  const double total = std::accumulate(gain.begin(), gain.end(), 0.0);
  std::vector<size_t> order(gain.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return gain[a] > gain[b]; });
  nlohmann::json out = nlohmann::json::array();
  for (size_t i : order) {
    out.push_back({{"feature", model.features[i].name},
                   {"description", model.features[i].description},
                   {"gain_share", total > 0 ? gain[i] / total : 0.0}});
  }
  return out;
}

}  // namespace crm::models
