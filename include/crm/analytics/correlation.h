#pragma once
// Pearson correlations between numeric fields with missing values: each pair of fields over the rows
// where both are present, with the number of those rows.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace crm::analytics {

//! One numeric field: a value per row, NaN where the row has none.
struct NumericField {
  std::string name;
  std::vector<double> values;
};

//! Pairwise correlations; r[i][j] is NaN where it is undefined (too few rows, a constant field).
struct CorrelationMatrix {
  std::vector<std::string> fields;
  std::vector<std::vector<double>> r;
  std::vector<std::vector<int64_t>> n;  //!< rows where both fields are present
};

//! Fewest rows with both values for a correlation to be reported.
inline constexpr int64_t kMinCorrelationRows = 3;

//! Pearson's r of every pair of `fields` over the rows where both are present (fields must have the
//! same number of rows; a mismatch is a bug and throws std::invalid_argument).
CorrelationMatrix PairwiseCorrelation(std::span<const NumericField> fields);

//! {fields: [...], matrix: [[r | null]], n: [[...]]}.
nlohmann::json ToJson(const CorrelationMatrix& matrix);

}  // namespace crm::analytics
