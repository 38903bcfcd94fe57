#pragma once
// Values and win probabilities of deals as known at the as-of date. Closed deals have their real value;
// open deals have none in the data, so their value is estimated from the product's list price and the
// ratio of won value to list price in that product's history, and their win probability is the product's
// historical win rate (until the models replace it).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! What the deals closed by the as-of date say about one product.
struct ProductHistory {
  int64_t won = 0;
  int64_t lost = 0;
  double won_value = 0;        //!< sum of won close values
  double won_to_list = 0;      //!< mean of close value / list price over won deals; NaN without history
  double win_rate = 0;         //!< won / closed, shrunk toward the overall rate (see kPriorDeals)
  double estimated_value = 0;  //!< what an open deal of this product is estimated to be worth; NaN if unknown
  bool value_from_history = false;  //!< true: list price x won-to-list ratio; false: list price alone
};

//! How open deals are valued and weighted, computed once per query from all deals (not the filtered ones).
class DealEstimates {
 public:
  //! Pseudo-deals at the overall win rate added to each product's record to steady small samples.
  static constexpr double kPriorDeals = 10;

  //! `model_probabilities`, when not empty, gives per deal row the win probability of open deals (NaN
  //! where none) from `model_label`; the product's historical rate stands in elsewhere.
  DealEstimates(const Dataset& data, const PipelineSnapshot& snapshot,
                std::vector<double> model_probabilities = {}, std::string model_label = "");

  //! Won: close value; Lost: close value (0 in this data); open: the product's estimated value.
  double Value(int32_t row) const {
    const double closed = snapshot_->CloseValue(row);
    return HasValue(closed) ? closed : products_[data_->opportunities.product[row]].estimated_value;
  }
  //! Won 1, Lost 0, open: the product's historical win rate.
  double WinProbability(int32_t row) const {
    switch (snapshot_->Stage(row)) {
      case DealStage::kWon:
        return 1;
      case DealStage::kLost:
        return 0;
      default:  // open: the model's probability when it scored the deal, else the product's rate
        if (!model_.empty() && HasValue(model_[row])) return model_[row];
        return products_[data_->opportunities.product[row]].win_rate;
    }
  }
  //! Value x win probability.
  double ExpectedValue(int32_t row) const { return Value(row) * WinProbability(row); }
  //! Per product, indexed like Dataset::products.
  const std::vector<ProductHistory>& products() const { return products_; }
  //! Won / closed over all deals closed by the as-of date; NaN when none closed.
  double overall_win_rate() const { return overall_win_rate_; }
  //! A sentence saying how open values and probabilities were estimated, for the insight's notes.
  std::string Method() const;
  //! The model's probabilities per deal row; empty when none were given.
  const std::vector<double>& model_probabilities() const { return model_; }

 private:
  const Dataset* data_;
  const PipelineSnapshot* snapshot_;
  std::vector<ProductHistory> products_;
  double overall_win_rate_ = 0;
  std::vector<double> model_;
  std::string model_label_;
};

}  // namespace crm::analytics
