#include "crm/analytics/deal_estimates.h"

#include <cmath>

namespace crm::analytics {

DealEstimates::DealEstimates(const Dataset& data, const PipelineSnapshot& snapshot,
                             std::vector<double> model_probabilities, std::string model_label)
    : data_(&data),
      snapshot_(&snapshot),
      products_(data.products.size()),
      model_(std::move(model_probabilities)),
      model_label_(std::move(model_label)) {
  const OpportunityColumns& deals = data.opportunities;
  std::vector<double> ratio_sums(products_.size(), 0);
  std::vector<int64_t> ratio_counts(products_.size(), 0);
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    if (!snapshot.Visible(row)) continue;
    const DealStage stage = snapshot.Stage(row);
    ProductHistory& product = products_[deals.product[i]];
    if (stage == DealStage::kWon) {
      ++product.won;
      const double value = deals.close_value[i];
      if (!HasValue(value)) continue;
      product.won_value += value;
      const double price = data.products[deals.product[i]].sales_price;
      if (HasValue(price) && price > 0) {
        ratio_sums[deals.product[i]] += value / price;
        ++ratio_counts[deals.product[i]];
      }
    } else if (stage == DealStage::kLost) {
      ++product.lost;
    }
  }
  int64_t won = 0, closed = 0;
  for (const ProductHistory& product : products_) {
    won += product.won;
    closed += product.won + product.lost;
  }
  overall_win_rate_ = closed > 0 ? static_cast<double>(won) / static_cast<double>(closed) : kNoNumber;
  const double prior = HasValue(overall_win_rate_) ? overall_win_rate_ : 0.5;
  for (size_t p = 0; p < products_.size(); ++p) {
    ProductHistory& product = products_[p];
    product.win_rate = (static_cast<double>(product.won) + kPriorDeals * prior) /
                       (static_cast<double>(product.won + product.lost) + kPriorDeals);
    product.won_to_list =
        ratio_counts[p] > 0 ? ratio_sums[p] / static_cast<double>(ratio_counts[p]) : kNoNumber;
    const double price = data.products[p].sales_price;
    product.value_from_history = HasValue(product.won_to_list) && HasValue(price);
    product.estimated_value = product.value_from_history ? price * product.won_to_list : price;
  }
}

std::string DealEstimates::Method() const {
  if (!model_.empty()) {
    bool prospects = false;
    for (size_t i = 0; i < model_.size() && !prospects; ++i) {
      prospects = HasValue(model_[i]) && snapshot_->Stage(static_cast<int32_t>(i)) == DealStage::kProspecting;
    }
    return "Open deals have no value in the data: each is valued at its product's list price times the mean "
           "ratio of won value to list price for that product (the list price alone when the product has no "
           "won deal yet). Open " +
           std::string(prospects ? "" : "engaged ") +
           "deals are weighted by the calibrated win probability of " + model_label_ +
           (prospects
                ? std::string(".")
                : std::string("; prospecting deals by the product's historical win rate (an upper bound: "
                              "the data does not record how many prospects never engage)."));
  }
  return "Open deals have no value in the data: each is valued at its product's list price times the mean "
         "ratio of won value to list price for that product (the list price alone when the product has no "
         "won deal yet), and weighted by the product's historical win rate among deals closed by the as-of "
         "date, steadied with " +
         std::to_string(static_cast<int>(kPriorDeals)) +
         " pseudo-deals at the overall rate. Prospecting deals get the same rate, an upper bound: the data "
         "does not record how many prospects never engage.";
}

}  // namespace crm::analytics
