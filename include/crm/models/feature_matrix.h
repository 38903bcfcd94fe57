#pragma once
// The input of every model: named feature columns over rows, row-major floats, NaN where a value is missing.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace crm::models {

//! Marks a missing feature value (XGBoost treats NaN as missing).
inline constexpr float kMissingFeature = std::numeric_limits<float>::quiet_NaN();

//! How a feature's values are read: a number, or the code of a category.
enum class FeatureKind : uint8_t { kNumeric, kCategorical };

//! One column of a feature matrix.
struct FeatureSpec {
  std::string name;         //!< stable identifier, e.g. "agent_win_rate"
  std::string description;  //!< plain phrase for people, e.g. "the agent's win rate"
  FeatureKind kind = FeatureKind::kNumeric;
  std::vector<std::string> categories;  //!< label of each code, for categorical features
};

//! Rows of features: `values[row * columns() + column]`, NaN where missing; categorical codes as floats.
struct FeatureMatrix {
  std::vector<FeatureSpec> features;
  std::vector<float> values;

  //! Number of columns.
  size_t columns() const { return features.size(); }
  //! Number of rows.
  size_t rows() const { return features.empty() ? 0 : values.size() / features.size(); }
  //! The values of one row.
  std::span<const float> Row(size_t row) const { return {values.data() + row * columns(), columns()}; }
  //! One value.
  float At(size_t row, size_t column) const { return values[row * columns() + column]; }
  //! The column with this name, or -1.
  int FindColumn(const std::string& name) const;
  //! A matrix with only these rows, in this order.
  FeatureMatrix SelectRows(std::span<const int32_t> rows) const;
  //! A matrix with only these columns, in this order.
  FeatureMatrix SelectColumns(std::span<const int> columns) const;
};

}  // namespace crm::models
