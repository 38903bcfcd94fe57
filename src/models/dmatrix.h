#pragma once
// An owned XGBoost data matrix built from a FeatureMatrix.

#include <xgboost/c_api.h>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "crm/common/result.h"
#include "crm/models/feature_matrix.h"

namespace crm::models {

//! Feature names and XGBoost type codes ("c" categorical, "q" number) as the C API takes them; the names
//! point into the FeatureSpecs they came from.
struct XgboostFeatureInfo {
  std::vector<const char*> names;
  std::vector<const char*> types;

  explicit XgboostFeatureInfo(std::span<const FeatureSpec> features);
  //! Number of features.
  bst_ulong size() const { return static_cast<bst_ulong>(names.size()); }
};

//! The `__array_interface__` JSON XGBoost reads a row-major float matrix through (no copy is made: the
//! values must outlive its use).
std::string DenseArrayInterface(std::span<const float> values, size_t rows, size_t columns);

//! An XGBoost DMatrix, freed when it goes away.
class DMatrix {
 public:
  //! The rows of `x`, NaN missing, with its feature names and types; `nthread` 0 uses all cores.
  static Result<DMatrix> FromFeatures(const FeatureMatrix& x, int nthread);
  //! `rows` row-major rows of `columns` values, NaN missing, unnamed: enough to predict with a booster
  //! (which knows its columns' names and types), and cheaper to build than FromFeatures.
  static Result<DMatrix> FromValues(std::span<const float> values, size_t rows, size_t columns, int nthread);
  DMatrix(DMatrix&& other) noexcept : handle_(other.handle_) { other.handle_ = nullptr; }
  DMatrix(const DMatrix&) = delete;
  DMatrix& operator=(const DMatrix&) = delete;
  DMatrix& operator=(DMatrix&&) = delete;
  ~DMatrix();

  //! Sets one float per row under `field` ("label" or "weight").
  Status SetRowInfo(const char* field, std::span<const float> values);
  //! The XGBoost handle, owned by this object.
  DMatrixHandle handle() const { return handle_; }

 private:
  explicit DMatrix(DMatrixHandle handle) : handle_(handle) {}

  DMatrixHandle handle_;
};

}  // namespace crm::models
