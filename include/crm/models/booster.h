#pragma once
// A gradient-boosted tree classifier over a FeatureMatrix: a safe owner of an XGBoost booster.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"
#include "crm/models/booster_settings.h"
#include "crm/models/feature_matrix.h"
#include "crm/models/training_matrix.h"

namespace crm::models {

//! A binary classifier (XGBoost, binary:logistic, hist trees) that knows its feature columns. Errors
//! carry XGBoost's message after what was being done; they are internal, callers add the user's context.
//! Predict, PredictMargin and Contributions may run concurrently on one Booster from several threads.
class Booster {
 public:
  //! Fits `s.rounds` trees to `labels` (0 or 1, one per row of `x`), each row weighted by `weights`
  //! when given. Categorical columns split on categories; NaN is missing. Deterministic for given
  //! settings and data. On a machine whose cores are busy, OpenMP threads waiting at XGBoost's many
  //! barriers can make nthread 2 many times slower than 1: small data train best on one thread.
  static Result<Booster> Train(const FeatureMatrix& x, std::span<const float> labels,
                               const BoosterSettings& s, std::span<const float> weights = {});
  //! Train on rows built once for several fits (one after the other, never two at a time on `rows`):
  //! the same booster as Train on the FeatureMatrix they were built from.
  static Result<Booster> Train(const TrainingMatrix& rows, const BoosterSettings& s);
  //! A booster from the bytes written by Save, predicting on `nthread` threads (1 to serve one request
  //! per thread; 0: all cores); ready to share across threads.
  static Result<Booster> Load(std::string_view bytes, int nthread);

  Booster(Booster&& other) noexcept;
  Booster& operator=(Booster&& other) noexcept;
  Booster(const Booster&) = delete;
  Booster& operator=(const Booster&) = delete;
  ~Booster();

  //! The probability of label 1 for each row of `x`, whose columns must be the model's.
  Result<std::vector<float>> Predict(const FeatureMatrix& x) const;
  //! The log-odds of label 1 for each row of `x`.
  Result<std::vector<float>> PredictMargin(const FeatureMatrix& x) const;
  //! SHAP contributions, rows × (Columns() + 1) row-major, the bias last: each row sums to its margin.
  Result<std::vector<float>> Contributions(const FeatureMatrix& x) const;
  //! The SHAP contributions of one row of the model's columns, in their order (Columns() values): what
  //! Contributions gives for a one-row matrix, without building one (the fast path of a single score).
  Result<std::vector<float>> RowContributions(std::span<const float> row) const;
  //! The total gain of the splits on each column, in column order; 0 for a column no tree uses.
  std::vector<double> GainImportance() const;
  //! The model as UBJ (universal binary JSON) bytes, for Load.
  Result<std::string> Save() const;
  //! Number of feature columns the model reads.
  int Columns() const { return static_cast<int>(features_.size()); }
  //! The model's feature columns: names and kinds (descriptions and category labels are not kept).
  const std::vector<FeatureSpec>& Features() const { return features_; }

 private:
  Booster(void* handle, int nthread) : handle_(handle), nthread_(nthread) {}
  //! An Error when `x` does not have the model's columns, by count, name and kind.
  Status CheckColumns(const FeatureMatrix& x) const;
  //! One float per row of `x` straight from its values (no DMatrix): XGBoost's prediction `type`, 0 for
  //! the probability, 1 for the margin.
  Result<std::vector<float>> PredictInPlace(const FeatureMatrix& x, int type) const;
  //! Contributions of `rows` rows of the model's columns (unchecked).
  Result<std::vector<float>> ContributionsOf(std::span<const float> values, size_t rows) const;
  //! Reads the column names and types from the XGBoost model.
  Status ReadFeatures();
  //! Predicts once on one row, so that XGBoost finishes its lazy set-up before threads share the model.
  Status WarmUp() const;

  void* handle_;  //!< XGBoost's BoosterHandle; null once moved from
  int nthread_;
  std::vector<FeatureSpec> features_;
};

}  // namespace crm::models
