#pragma once
// Look-alike profiles of accounts: firmographics, sector and product mix as one normalised vector, and
// the words that say what two accounts share.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "crm/data/dataset.h"

namespace crm::search {

//! Weights of the parts of a profile (each part is scaled to unit size first).
struct ProfileWeights {
  double size = 0.6;      //!< each of log revenue, log employees and year established (standardised)
  double sector = 1.0;    //!< the sector's one-hot
  double products = 1.0;  //!< the product mix (share of the account's deals per product)
};

//! One profile vector per account, with the deal counts per product it was built from.
class AccountProfiles {
 public:
  //! The profiles of every account of `data`.
  explicit AccountProfiles(const Dataset& data, ProfileWeights weights = {});

  //! Floats per profile: 3 + sectors + products.
  size_t dimension() const { return dimension_; }
  //! All profiles laid end to end, in account order.
  std::span<const float> vectors() const { return vectors_; }
  //! The profile of the account at `row`.
  std::span<const float> Vector(int32_t row) const {
    return std::span<const float>(vectors_).subspan(static_cast<size_t>(row) * dimension_, dimension_);
  }
  //! What `other` shares with `account`: "same sector (software); similar size (revenue $1,100M vs
  //! $980M); buys the same products (GTX Pro, MG Special)"; empty when nothing stands out.
  std::string SharedTraits(int32_t account, int32_t other) const;

 private:
  uint32_t Deals(int32_t account, size_t product) const {
    return deal_counts_[account * products_ + product];
  }

  const Dataset& data_;
  size_t products_;
  size_t dimension_;
  std::vector<uint32_t> deal_counts_;  //!< accounts × products
  std::vector<float> vectors_;
};

}  // namespace crm::search
