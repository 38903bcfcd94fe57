#pragma once
// Calibrators map a model's raw scores to probabilities that match observed rates. They are fitted on
// out-of-fold predictions: isotonic regression (pool-adjacent-violators) when there is plenty of data,
// Platt's logistic fit otherwise (see ChooseCalibratorKind). Scores and labels follow metrics.h: labels
// 1 = positive, 0 = negative, same length (a mismatch throws std::invalid_argument), scores never NaN.

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "crm/common/result.h"

namespace crm::models {

//! A monotone step-wise map fitted by pool-adjacent-violators, applied by linear interpolation.
class IsotonicCalibrator {
 public:
  //! Fits the weighted isotonic regression of labels on scores: rows with equal scores are merged into one
  //! point first, adjacent blocks that decrease are pooled; each block becomes a knot at its mean score
  //! with its positive rate. No rows give the identity on [0, 1].
  static IsotonicCalibrator Fit(std::span<const float> scores, std::span<const float> labels);
  //! The calibrated probability: linear between knots, the first or last knot's value beyond them;
  //! non-decreasing in `score`. NaN for NaN.
  double Apply(double score) const;
  //! {"kind": "isotonic", "x": [knot scores], "y": [knot probabilities]}.
  nlohmann::json ToJson() const;
  //! Reads ToJson's output; an Error unless x is strictly increasing and y non-decreasing within [0, 1].
  static Result<IsotonicCalibrator> FromJson(const nlohmann::json& json);

  //! Knot scores, strictly increasing.
  const std::vector<double>& x() const { return x_; }
  //! Knot probabilities, non-decreasing.
  const std::vector<double>& y() const { return y_; }

 private:
  IsotonicCalibrator(std::vector<double> x, std::vector<double> y) : x_(std::move(x)), y_(std::move(y)) {}

  std::vector<double> x_;
  std::vector<double> y_;
};

//! Platt scaling on the logit of the score: p = 1 / (1 + exp(-(a * logit(score) + b))).
class PlattCalibrator {
 public:
  //! Fits a and b by Newton's method with a backtracking line search, minimising the log loss against
  //! Platt's smoothed targets (N+ + 1) / (N+ + 2) and 1 / (N- + 2). Scores are clipped to
  //! [1e-12, 1 - 1e-12] before the logit. No rows give the identity (a = 1, b = 0).
  static PlattCalibrator Fit(std::span<const float> scores, std::span<const float> labels);
  //! The calibrated probability; NaN for NaN.
  double Apply(double score) const;
  //! {"kind": "platt", "a": a, "b": b}.
  nlohmann::json ToJson() const;
  //! Reads ToJson's output; an Error unless a and b are finite numbers.
  static Result<PlattCalibrator> FromJson(const nlohmann::json& json);

  //! The slope on the logit of the score.
  double a() const { return a_; }
  //! The intercept.
  double b() const { return b_; }

 private:
  PlattCalibrator(double a, double b) : a_(a), b_(b) {}

  double a_ = 1;
  double b_ = 0;
};

//! Either calibrator, read and written with its kind.
class Calibrator {
 public:
  //! Which method a calibrator uses.
  enum class Kind { kIsotonic, kPlatt };

  Calibrator(IsotonicCalibrator isotonic) : method_(std::move(isotonic)) {}  // NOLINT: implicit by design
  Calibrator(PlattCalibrator platt) : method_(std::move(platt)) {}           // NOLINT: implicit by design

  //! Fits a calibrator of this kind.
  static Calibrator Fit(Kind kind, std::span<const float> scores, std::span<const float> labels);
  //! The method held.
  Kind kind() const;
  //! "isotonic" or "platt".
  std::string_view KindName() const;
  //! The calibrated probability.
  double Apply(double score) const;
  //! The held calibrator's JSON, which names its kind.
  nlohmann::json ToJson() const;
  //! Reads either calibrator's JSON by its "kind"; an Error for an unknown kind or invalid fields.
  static Result<Calibrator> FromJson(const nlohmann::json& json);

 private:
  std::variant<IsotonicCalibrator, PlattCalibrator> method_;
};

//! Isotonic regression needs this many rows, and this many of each class, to beat Platt's two parameters:
//! with less data its steps follow noise.
inline constexpr int64_t kIsotonicMinRows = 1000;
inline constexpr int64_t kIsotonicMinPerClass = 100;

//! Isotonic when there are at least kIsotonicMinRows rows and at least kIsotonicMinPerClass positives and
//! as many negatives, else Platt.
Calibrator::Kind ChooseCalibratorKind(std::span<const float> labels);

//! A calibrator of the kind ChooseCalibratorKind picks, fitted on these scores and labels.
Calibrator ChooseCalibrator(std::span<const float> scores, std::span<const float> labels);

}  // namespace crm::models
