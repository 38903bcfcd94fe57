#pragma once
// How good a model's probabilities are, for binary labels: ranking (AUC), probability quality (log loss,
// Brier, calibration), decisions at a threshold, and the same figures per group (fairness).
//
// Every function takes scores (predicted probabilities, never NaN) and labels (1 = positive, 0 = negative)
// of the same length; a length mismatch is a bug and throws std::invalid_argument. Figures that are undefined
// for the input (no rows, one class only, nothing predicted positive) are NaN, shown as null in JSON.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace crm::models {

//! True for a positive label (1), false for a negative one (0).
inline bool IsPositiveLabel(float label) { return label >= 0.5f; }

//! Throws std::invalid_argument when scores and labels differ in length (a bug in the caller).
void RequireSameLength(std::span<const float> scores, std::span<const float> labels);

//! Probabilities are clipped to [kProbabilityClip, 1 - kProbabilityClip] before taking logarithms.
inline constexpr double kProbabilityClip = 1e-15;

//! Area under the ROC curve: the chance that a random positive scores above a random negative, ties
//! counting half (Mann-Whitney U with average ranks). NaN unless both classes are present. O(n log n).
double Auc(std::span<const float> scores, std::span<const float> labels);

//! Mean negative log-likelihood of the labels, natural logarithm; NaN for no rows.
double LogLoss(std::span<const float> scores, std::span<const float> labels);

//! Mean squared difference between probability and label; NaN for no rows.
double Brier(std::span<const float> scores, std::span<const float> labels);

//! Share of rows classified correctly when a score >= threshold predicts positive; NaN for no rows.
double Accuracy(std::span<const float> scores, std::span<const float> labels, double threshold);

//! Accuracy of always predicting the more frequent class; NaN for no labels.
double MajorityBaselineAccuracy(std::span<const float> labels);

//! Decisions at one threshold (score >= threshold predicts positive) and the confusion counts.
struct ThresholdMetrics {
  double threshold = 0.5;
  double precision = 0;  //!< tp / (tp + fp); NaN when nothing is predicted positive
  double recall = 0;     //!< tp / (tp + fn); NaN when there are no positives
  double f1 = 0;         //!< 2tp / (2tp + fp + fn); NaN when nothing is positive, predicted or actual
  double accuracy = 0;   //!< (tp + tn) / n; NaN for no rows
  int64_t tp = 0;
  int64_t fp = 0;
  int64_t tn = 0;
  int64_t fn = 0;
};

//! Precision, recall, F1, accuracy and the confusion counts at `threshold`.
ThresholdMetrics AtThreshold(std::span<const float> scores, std::span<const float> labels, double threshold);

//! One bin of a calibration table: rows whose probability falls in [low, high).
struct CalibrationBin {
  double low = 0;
  double high = 0;  //!< the last bin also holds probability 1
  int64_t count = 0;
  double mean_predicted = 0;  //!< NaN when the bin is empty
  double actual_rate = 0;     //!< share of positives; NaN when the bin is empty
};

//! Predicted against actual rates over equal-width bins, and the expected calibration error.
struct Calibration {
  std::vector<CalibrationBin> bins;
  double ece = 0;  //!< sum over non-empty bins of count / n * |mean_predicted - actual_rate|; NaN for no rows
};

//! `bins` equal-width bins over [0, 1] (bins >= 1; empty bins are kept); scores outside [0, 1] fall in
//! the first or the last bin.
Calibration CalibrationTable(std::span<const float> scores, std::span<const float> labels, int bins = 10);

//! Every figure of a model's probabilities on one evaluation set.
struct BinaryMetrics {
  double auc = 0;
  double log_loss = 0;
  double brier = 0;
  double accuracy = 0;  //!< at the threshold of `at_threshold`
  double baseline_accuracy = 0;
  ThresholdMetrics at_threshold;
  Calibration calibration;  //!< 10 bins
  int64_t n = 0;
  double positive_rate = 0;  //!< NaN for no rows
};

//! All figures at once, with the decision threshold `threshold`.
BinaryMetrics Evaluate(std::span<const float> scores, std::span<const float> labels, double threshold = 0.5);

//! {auc, log_loss, brier, accuracy, baseline_accuracy, n, positive_rate, threshold, precision, recall, f1,
//! confusion: {tp, fp, tn, fn}, calibration: {bins: [{low, high, count, mean_predicted, actual_rate}],
//! ece}}, NaN as null.
nlohmann::json ToJson(const BinaryMetrics& metrics);

//! The figures of one group of rows (a sector, an office) at threshold 0.5.
struct GroupMetrics {
  std::string name;
  int64_t n = 0;
  double auc = 0;             //!< NaN when the group holds one class only
  double accuracy = 0;        //!< at threshold 0.5
  double mean_predicted = 0;  //!< mean probability
  double actual_rate = 0;     //!< share of positives
};

//! The figures per group, in the order of `group_names`, for groups with at least one row. Row i belongs
//! to group_names[group_codes[i]]; rows with a negative code (group missing) are left out. A code past
//! the end of `group_names` is a bug and throws std::invalid_argument.
std::vector<GroupMetrics> MetricsByGroup(std::span<const float> scores, std::span<const float> labels,
                                         std::span<const int32_t> group_codes,
                                         const std::vector<std::string>& group_names);

//! Groups smaller than this are shown but left out of the gaps: their figures are mostly noise.
inline constexpr int64_t kMinGapGroupRows = 30;

//! The spread of one figure across groups: the groups with the highest and the lowest value.
struct MetricGap {
  std::string highest_group;  //!< empty when fewer than two groups have a value
  std::string lowest_group;
  double highest = 0;  //!< NaN when fewer than two groups have a value
  double lowest = 0;
  double gap = 0;  //!< highest - lowest
};

//! The largest differences between groups in AUC, accuracy and bias (mean_predicted - actual_rate).
struct FairnessGap {
  MetricGap auc;
  MetricGap accuracy;
  MetricGap bias;  //!< a positive bias over-predicts the group, a negative one under-predicts it
  int64_t min_group_rows = kMinGapGroupRows;
  std::vector<std::string> excluded_groups;  //!< groups with fewer than min_group_rows rows
};

//! The largest gaps over the groups with at least `min_group_rows` rows; a group whose figure is NaN
//! takes no part in that figure's gap.
FairnessGap LargestGap(const std::vector<GroupMetrics>& groups, int64_t min_group_rows = kMinGapGroupRows);

//! [{name, n, auc, accuracy, mean_predicted, actual_rate}], NaN as null.
nlohmann::json ToJson(const std::vector<GroupMetrics>& groups);

//! {auc|accuracy|bias: {highest_group, highest, lowest_group, lowest, gap}, min_group_rows,
//! excluded_groups, note}, NaN as null; the note says in words which groups were left out and why.
nlohmann::json ToJson(const FairnessGap& gap);

}  // namespace crm::models
