#include "dmatrix.h"

#include <cstdint>

#include "xgboost_api.h"

namespace crm::models {

XgboostFeatureInfo::XgboostFeatureInfo(std::span<const FeatureSpec> features) {
  for (const FeatureSpec& feature : features) {
    names.push_back(feature.name.c_str());
    types.push_back(feature.kind == FeatureKind::kCategorical ? "c" : "q");
  }
}

std::string DenseArrayInterface(std::span<const float> values, size_t rows, size_t columns) {
  return R"({"data": [)" + std::to_string(reinterpret_cast<uintptr_t>(values.data())) +
         R"(, true], "shape": [)" + std::to_string(rows) + ", " + std::to_string(columns) +
         R"(], "typestr": "<f4", "version": 3})";
}

Result<DMatrix> DMatrix::FromValues(std::span<const float> values, size_t rows, size_t columns, int nthread) {
  // XGBoost's JSON reader takes NaN, which nlohmann::json would write as null.
  const std::string config = R"({"missing": NaN, "nthread": )" + std::to_string(nthread) + "}";
  const std::string data = DenseArrayInterface(values, rows, columns);
  DMatrixHandle handle = nullptr;
  if (Status made = CheckXgboost(XGDMatrixCreateFromDense(data.c_str(), config.c_str(), &handle),
                                 "building a feature matrix");
      !made.ok()) {
    return made.error();
  }
  return DMatrix(handle);
}

Result<DMatrix> DMatrix::FromFeatures(const FeatureMatrix& x, int nthread) {
  Result<DMatrix> made = FromValues(x.values, x.rows(), x.columns(), nthread);
  if (!made.ok()) return made.error();
  DMatrix matrix = std::move(made).value();
  const DMatrixHandle handle = matrix.handle();
  XgboostFeatureInfo info(x.features);
  if (Status named =
          CheckXgboost(XGDMatrixSetStrFeatureInfo(handle, "feature_name", info.names.data(), info.size()),
                       "naming the features of a feature matrix");
      !named.ok()) {
    return named.error();
  }
  if (Status typed =
          CheckXgboost(XGDMatrixSetStrFeatureInfo(handle, "feature_type", info.types.data(), info.size()),
                       "setting the feature types of a feature matrix");
      !typed.ok()) {
    return typed.error();
  }
  return matrix;
}

DMatrix::~DMatrix() {
  if (handle_ != nullptr) XGDMatrixFree(handle_);
}

Status DMatrix::SetRowInfo(const char* field, std::span<const float> values) {
  return CheckXgboost(
      XGDMatrixSetFloatInfo(handle_, field, values.data(), static_cast<bst_ulong>(values.size())),
      std::string("setting the ") + field + " of each row");
}

}  // namespace crm::models
