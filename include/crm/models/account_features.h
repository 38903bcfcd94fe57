#pragma once
// The features of the account risk model: what was known about an account at the end of a snapshot day.
// Only facts dated on or before that day count (deals closed, engaged or contacted later are unseen, and a
// deal closed later was still open); the account's own fields (sector, size, country, parent, year
// established) are taken as they are now, the only version the data keeps. Deals without an account are
// ignored. "The last 90 days" are the 90 days ending on the snapshot day, (T − 90, T]; "the 90 days
// before those" are (T − 180, T − 90]. The list is in docs/models/account_risk.md.

#include <span>
#include <vector>

#include "crm/data/dataset.h"
#include "crm/models/account_examples.h"
#include "crm/models/feature_matrix.h"

namespace crm::models {

//! The feature columns for `data`, in matrix order: the sector and country categories are its names
//! (codes = Dataset::sectors and Dataset::countries codes), and the two activity columns are there only
//! when it has activities.
std::vector<FeatureSpec> AccountRiskFeatureSpecs(const Dataset& data);

//! One row per example, in the example order, with the columns of AccountRiskFeatureSpecs(data).
FeatureMatrix BuildAccountFeatures(const Dataset& data, std::span<const AccountExample> examples);

}  // namespace crm::models
