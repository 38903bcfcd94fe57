#pragma once
// The rows a booster is fitted to, held as XGBoost holds them: built once, it can serve several fits
// one after the other (the settings of a search on one fold), which then share XGBoost's quantile bins.

#include <memory>
#include <span>
#include <vector>

#include "crm/common/result.h"
#include "crm/models/feature_matrix.h"

namespace crm::models {

class DMatrix;

//! Features, labels and optional weights of the rows to train on, as an XGBoost matrix. XGBoost caches
//! its histogram bins in it on the first fit: fits on one TrainingMatrix must not run at the same time.
class TrainingMatrix {
 public:
  //! The rows of `x` with `labels` (0 or 1, one per row) and `weights` (none, or one per row); NaN is
  //! missing; `nthread` threads build XGBoost's bins (0: all cores). An Error when `x` has no rows or
  //! columns, unnamed or repeated column names, or the labels or weights are not one per row.
  static Result<TrainingMatrix> Create(const FeatureMatrix& x, std::span<const float> labels, int nthread,
                                       std::span<const float> weights = {});

  TrainingMatrix(TrainingMatrix&& other) noexcept;
  TrainingMatrix& operator=(TrainingMatrix&& other) noexcept;
  ~TrainingMatrix();

  //! The columns: names and kinds (descriptions and category labels are not kept).
  const std::vector<FeatureSpec>& Features() const { return features_; }

 private:
  friend class Booster;  // trains on the XGBoost matrix
  TrainingMatrix(std::unique_ptr<DMatrix> matrix, std::vector<FeatureSpec> features);

  std::unique_ptr<DMatrix> matrix_;
  std::vector<FeatureSpec> features_;
};

}  // namespace crm::models
