#include "crm/models/calibrator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "crm/models/metrics.h"

namespace crm::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::string_view kIsotonicName = "isotonic";
constexpr std::string_view kPlattName = "platt";

//! A run of rows adjacent in score order: their score sum, positives and row count.
struct Block {
  double score_sum = 0;
  double positives = 0;
  double rows = 0;

  //! Adds another run's rows to this one.
  void Absorb(const Block& other) {
    score_sum += other.score_sum;
    positives += other.positives;
    rows += other.rows;
  }
};

//! The rows sorted by score, rows of equal score merged into one block.
std::vector<Block> TiedScoreBlocks(std::span<const float> scores, std::span<const float> labels) {
  std::vector<std::pair<float, bool>> rows(scores.size());
  for (size_t i = 0; i < scores.size(); ++i) rows[i] = {scores[i], IsPositiveLabel(labels[i])};
  std::sort(rows.begin(), rows.end());
  std::vector<Block> blocks;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i == 0 || rows[i].first != rows[i - 1].first) blocks.push_back({});
    blocks.back().Absorb({.score_sum = rows[i].first, .positives = rows[i].second ? 1.0 : 0.0, .rows = 1});
  }
  return blocks;
}

//! True when block `left`'s positive rate exceeds `right`'s (compared without dividing).
bool Violates(const Block& left, const Block& right) {
  return left.positives * right.rows > right.positives * left.rows;
}

//! Pool-adjacent-violators: pools each new block with its left neighbours while their rate is higher.
std::vector<Block> PoolAdjacentViolators(const std::vector<Block>& points) {
  std::vector<Block> pooled;
  for (const Block& point : points) {
    pooled.push_back(point);
    while (pooled.size() >= 2 && Violates(pooled[pooled.size() - 2], pooled.back())) {
      const Block last = pooled.back();
      pooled.pop_back();
      pooled.back().Absorb(last);
    }
  }
  return pooled;
}

//! The array of numbers at `key`, or an Error naming it.
Result<std::vector<double>> ReadNumbers(const nlohmann::json& json, const char* key) {
  const auto found = json.find(key);
  if (found == json.end() || !found->is_array()) {
    return Error{std::string("isotonic calibrator: '") + key + "' must be an array of numbers"};
  }
  std::vector<double> numbers;
  for (const nlohmann::json& item : *found) {
    if (!item.is_number() || !std::isfinite(item.get<double>())) {
      return Error{std::string("isotonic calibrator: '") + key + "' must hold finite numbers only"};
    }
    numbers.push_back(item.get<double>());
  }
  return numbers;
}

//! An Error unless `json` is an object whose "kind" is `kind`.
Status CheckKind(const nlohmann::json& json, std::string_view kind) {
  const auto found = json.is_object() ? json.find("kind") : json.end();
  if (found == json.end() || !found->is_string() || found->get<std::string>() != kind) {
    return Error{std::string(kind) + " calibrator: expected an object with \"kind\": \"" + std::string(kind) +
                 "\""};
  }
  return Status::Ok();
}

//! An Error unless x is strictly increasing and y non-decreasing within [0, 1], both non-empty and equal
//! in length.
Status CheckKnots(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.empty() || x.size() != y.size()) {
    return Error{"isotonic calibrator: 'x' and 'y' must be non-empty and of equal length"};
  }
  for (size_t i = 1; i < x.size(); ++i) {
    if (!(x[i - 1] < x[i])) return Error{"isotonic calibrator: 'x' must be strictly increasing"};
    if (!(y[i - 1] <= y[i])) return Error{"isotonic calibrator: 'y' must be non-decreasing"};
  }
  if (y.front() < 0 || y.back() > 1) return Error{"isotonic calibrator: 'y' must lie within [0, 1]"};
  return Status::Ok();
}

}  // namespace

IsotonicCalibrator IsotonicCalibrator::Fit(std::span<const float> scores, std::span<const float> labels) {
  RequireSameLength(scores, labels);
  if (scores.empty()) return IsotonicCalibrator({0, 1}, {0, 1});
  std::vector<double> x;
  std::vector<double> y;
  for (const Block& block : PoolAdjacentViolators(TiedScoreBlocks(scores, labels))) {
    x.push_back(block.score_sum / block.rows);
    y.push_back(block.positives / block.rows);
  }
  return IsotonicCalibrator(std::move(x), std::move(y));
}

double IsotonicCalibrator::Apply(double score) const {
  if (std::isnan(score)) return kNaN;
  if (score <= x_.front()) return y_.front();
  if (score >= x_.back()) return y_.back();
  const size_t right = static_cast<size_t>(std::upper_bound(x_.begin(), x_.end(), score) - x_.begin());
  const size_t left = right - 1;
  const double t = (score - x_[left]) / (x_[right] - x_[left]);
  return y_[left] + t * (y_[right] - y_[left]);
}

nlohmann::json IsotonicCalibrator::ToJson() const { return {{"kind", kIsotonicName}, {"x", x_}, {"y", y_}}; }

Result<IsotonicCalibrator> IsotonicCalibrator::FromJson(const nlohmann::json& json) {
  if (Status kind = CheckKind(json, kIsotonicName); !kind) return kind.error();
  Result<std::vector<double>> x = ReadNumbers(json, "x");
  if (!x) return x.error();
  Result<std::vector<double>> y = ReadNumbers(json, "y");
  if (!y) return y.error();
  if (Status knots = CheckKnots(*x, *y); !knots) return knots.error();
  return IsotonicCalibrator(std::move(x).value(), std::move(y).value());
}

namespace {

constexpr double kLogitClip = 1e-12;

double Logit(double score) {
  const double p = std::clamp(score, kLogitClip, 1 - kLogitClip);
  return std::log(p / (1 - p));
}

double Sigmoid(double margin) { return 1 / (1 + std::exp(-margin)); }

//! log(1 + exp(x)) without overflow.
double Softplus(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }

//! The gradient and Hessian of Platt's loss in (a, b).
struct Derivatives {
  double g_a = 0;
  double g_b = 0;
  double h_aa = 0;
  double h_ab = 0;
  double h_bb = 0;
};

//! Platt's fitting problem: logits of the scores and smoothed targets.
struct PlattProblem {
  std::vector<double> z;
  std::vector<double> target;

  //! Cross-entropy of sigmoid(a z + b) against the targets.
  double Loss(double a, double b) const {
    double loss = 0;
    for (size_t i = 0; i < z.size(); ++i) {
      const double margin = a * z[i] + b;
      loss += target[i] * Softplus(-margin) + (1 - target[i]) * Softplus(margin);
    }
    return loss;
  }

  //! The loss's derivatives at (a, b).
  Derivatives At(double a, double b) const {
    Derivatives d;
    for (size_t i = 0; i < z.size(); ++i) {
      const double p = Sigmoid(a * z[i] + b);
      const double residual = p - target[i];
      const double weight = p * (1 - p);
      d.g_a += residual * z[i];
      d.g_b += residual;
      d.h_aa += weight * z[i] * z[i];
      d.h_ab += weight * z[i];
      d.h_bb += weight;
    }
    return d;
  }
};

PlattProblem MakePlattProblem(std::span<const float> scores, std::span<const float> labels) {
  const auto positives = static_cast<double>(std::count_if(labels.begin(), labels.end(), IsPositiveLabel));
  const double negatives = static_cast<double>(labels.size()) - positives;
  const double positive_target = (positives + 1) / (positives + 2);
  const double negative_target = 1 / (negatives + 2);
  PlattProblem problem;
  for (size_t i = 0; i < scores.size(); ++i) {
    problem.z.push_back(Logit(scores[i]));
    problem.target.push_back(IsPositiveLabel(labels[i]) ? positive_target : negative_target);
  }
  return problem;
}

constexpr int kNewtonMaxIterations = 100;
constexpr double kHessianRidge = 1e-12;      // keeps the Hessian invertible when all scores are equal
constexpr double kGradientTolerance = 1e-9;  // per row
constexpr double kSmallestStep = 1e-10;
constexpr double kSufficientDecrease = 1e-4;  // Armijo constant

//! The Newton direction -H^-1 g, with a small ridge on H's diagonal.
std::pair<double, double> NewtonDirection(const Derivatives& d) {
  const double h_aa = d.h_aa + kHessianRidge;
  const double h_bb = d.h_bb + kHessianRidge;
  const double determinant = h_aa * h_bb - d.h_ab * d.h_ab;
  return {-(h_bb * d.g_a - d.h_ab * d.g_b) / determinant, -(h_aa * d.g_b - d.h_ab * d.g_a) / determinant};
}

}  // namespace

PlattCalibrator PlattCalibrator::Fit(std::span<const float> scores, std::span<const float> labels) {
  RequireSameLength(scores, labels);
  const PlattProblem problem = MakePlattProblem(scores, labels);
  const double tolerance = kGradientTolerance * static_cast<double>(std::max<size_t>(1, scores.size()));
  double a = 1;
  double b = 0;
  double loss = problem.Loss(a, b);
  for (int iteration = 0; iteration < kNewtonMaxIterations; ++iteration) {
    const Derivatives d = problem.At(a, b);
    if (std::max(std::abs(d.g_a), std::abs(d.g_b)) < tolerance) break;
    const auto [step_a, step_b] = NewtonDirection(d);
    const double slope = d.g_a * step_a + d.g_b * step_b;
    // Backtracking: halve the step until the loss falls enough (Armijo); stop when no step helps.
    double step = 1;
    for (; step >= kSmallestStep; step /= 2) {
      const double trial = problem.Loss(a + step * step_a, b + step * step_b);
      if (trial <= loss + kSufficientDecrease * step * slope) {
        a += step * step_a;
        b += step * step_b;
        loss = trial;
        break;
      }
    }
    if (step < kSmallestStep) break;
  }
  return PlattCalibrator(a, b);
}

double PlattCalibrator::Apply(double score) const {
  if (std::isnan(score)) return kNaN;
  return Sigmoid(a_ * Logit(score) + b_);
}

nlohmann::json PlattCalibrator::ToJson() const { return {{"kind", kPlattName}, {"a", a_}, {"b", b_}}; }

Result<PlattCalibrator> PlattCalibrator::FromJson(const nlohmann::json& json) {
  if (Status kind = CheckKind(json, kPlattName); !kind) return kind.error();
  const auto finite = [&json](const char* key) {
    const auto found = json.find(key);
    return found != json.end() && found->is_number() && std::isfinite(found->get<double>());
  };
  if (!finite("a") || !finite("b")) return Error{"platt calibrator: 'a' and 'b' must be finite numbers"};
  return PlattCalibrator(json.at("a").get<double>(), json.at("b").get<double>());
}

Calibrator Calibrator::Fit(Kind kind, std::span<const float> scores, std::span<const float> labels) {
  if (kind == Kind::kIsotonic) return IsotonicCalibrator::Fit(scores, labels);
  return PlattCalibrator::Fit(scores, labels);
}

Calibrator::Kind Calibrator::kind() const {
  return std::holds_alternative<IsotonicCalibrator>(method_) ? Kind::kIsotonic : Kind::kPlatt;
}

std::string_view Calibrator::KindName() const {
  return kind() == Kind::kIsotonic ? kIsotonicName : kPlattName;
}

double Calibrator::Apply(double score) const {
  return std::visit([score](const auto& method) { return method.Apply(score); }, method_);
}

nlohmann::json Calibrator::ToJson() const {
  return std::visit([](const auto& method) { return method.ToJson(); }, method_);
}

Result<Calibrator> Calibrator::FromJson(const nlohmann::json& json) {
  const auto found = json.is_object() ? json.find("kind") : json.end();
  const bool named = found != json.end() && found->is_string();
  if (named && found->get<std::string>() == kIsotonicName) {
    Result<IsotonicCalibrator> isotonic = IsotonicCalibrator::FromJson(json);
    if (!isotonic) return isotonic.error();
    return Calibrator(std::move(isotonic).value());
  }
  if (named && found->get<std::string>() == kPlattName) {
    Result<PlattCalibrator> platt = PlattCalibrator::FromJson(json);
    if (!platt) return platt.error();
    return Calibrator(std::move(platt).value());
  }
  return Error{"calibrator: \"kind\" must be \"isotonic\" or \"platt\""};
}

Calibrator::Kind ChooseCalibratorKind(std::span<const float> labels) {
  const auto rows = static_cast<int64_t>(labels.size());
  const auto positives = static_cast<int64_t>(std::count_if(labels.begin(), labels.end(), IsPositiveLabel));
  const bool plenty = rows >= kIsotonicMinRows && positives >= kIsotonicMinPerClass &&
                      rows - positives >= kIsotonicMinPerClass;
  return plenty ? Calibrator::Kind::kIsotonic : Calibrator::Kind::kPlatt;
}

Calibrator ChooseCalibrator(std::span<const float> scores, std::span<const float> labels) {
  return Calibrator::Fit(ChooseCalibratorKind(labels), scores, labels);
}

}  // namespace crm::models
