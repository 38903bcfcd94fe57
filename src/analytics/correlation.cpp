// Pairwise Pearson correlations over the rows where both fields are present.
#include "crm/analytics/correlation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace crm::analytics {

namespace {

//! Pearson's r of `a` and `b` over the rows where both are present, and how many rows those are.
std::pair<double, int64_t> Pearson(const std::vector<double>& a, const std::vector<double>& b) {
  int64_t n = 0;
  double mean_a = 0, mean_b = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::isnan(a[i]) || std::isnan(b[i])) continue;
    ++n;
    mean_a += (a[i] - mean_a) / static_cast<double>(n);
    mean_b += (b[i] - mean_b) / static_cast<double>(n);
  }
  if (n < kMinCorrelationRows) return {NAN, n};
  double covariance = 0, variance_a = 0, variance_b = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::isnan(a[i]) || std::isnan(b[i])) continue;
    const double da = a[i] - mean_a;
    const double db = b[i] - mean_b;
    covariance += da * db;
    variance_a += da * da;
    variance_b += db * db;
  }
  if (variance_a <= 0 || variance_b <= 0) return {NAN, n};
  return {std::clamp(covariance / std::sqrt(variance_a * variance_b), -1.0, 1.0), n};
}

}  // namespace

CorrelationMatrix PairwiseCorrelation(std::span<const NumericField> fields) {
  CorrelationMatrix matrix;
  const size_t count = fields.size();
  for (const NumericField& field : fields) {
    if (field.values.size() != fields.front().values.size())
      throw std::invalid_argument("numeric fields differ in length");
    matrix.fields.push_back(field.name);
  }
  matrix.r.assign(count, std::vector<double>(count, NAN));
  matrix.n.assign(count, std::vector<int64_t>(count, 0));
  for (size_t i = 0; i < count; ++i) {
    for (size_t j = i; j < count; ++j) {
      const auto [r, n] = Pearson(fields[i].values, fields[j].values);
      matrix.r[i][j] = matrix.r[j][i] = r;
      matrix.n[i][j] = matrix.n[j][i] = n;
    }
  }
  return matrix;
}

nlohmann::json ToJson(const CorrelationMatrix& matrix) {
  nlohmann::json rows = nlohmann::json::array();
  for (const std::vector<double>& row : matrix.r) {
    nlohmann::json cells = nlohmann::json::array();
    for (double r : row) cells.push_back(std::isnan(r) ? nlohmann::json(nullptr) : nlohmann::json(r));
    rows.push_back(std::move(cells));
  }
  return {{"fields", matrix.fields}, {"matrix", std::move(rows)}, {"n", matrix.n}};
}

}  // namespace crm::analytics
