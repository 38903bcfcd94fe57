#include "crm/models/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

namespace crm::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double Share(double part, double whole) { return whole == 0 ? kNaN : part / whole; }

double Clipped(double probability) { return std::clamp(probability, kProbabilityClip, 1 - kProbabilityClip); }

nlohmann::json NumberOrNull(double value) { return std::isfinite(value) ? nlohmann::json(value) : nullptr; }

}  // namespace

void RequireSameLength(std::span<const float> scores, std::span<const float> labels) {
  if (scores.size() != labels.size()) throw std::invalid_argument("scores and labels differ in length");
}

double Auc(std::span<const float> scores, std::span<const float> labels) {
  RequireSameLength(scores, labels);
  std::vector<std::pair<float, bool>> rows(scores.size());
  for (size_t i = 0; i < scores.size(); ++i) rows[i] = {scores[i], IsPositiveLabel(labels[i])};
  std::sort(rows.begin(), rows.end());
  // U = sum over positives of (negatives scored below + half the negatives with the same score); the same
  // as the rank-sum form with average ranks for ties.
  double u = 0;
  double negatives_below = 0;
  double positives = 0;
  for (size_t begin = 0; begin < rows.size();) {
    size_t end = begin;
    double tied_positives = 0;
    double tied_negatives = 0;
    for (; end < rows.size() && rows[end].first == rows[begin].first; ++end) {
      (rows[end].second ? tied_positives : tied_negatives) += 1;
    }
    u += tied_positives * (negatives_below + 0.5 * tied_negatives);
    negatives_below += tied_negatives;
    positives += tied_positives;
    begin = end;
  }
  const double negatives = negatives_below;
  if (positives == 0 || negatives == 0) return kNaN;
  return u / (positives * negatives);
}

double LogLoss(std::span<const float> scores, std::span<const float> labels) {
  RequireSameLength(scores, labels);
  double total = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    const double p = Clipped(scores[i]);
    total -= IsPositiveLabel(labels[i]) ? std::log(p) : std::log(1 - p);
  }
  return Share(total, static_cast<double>(scores.size()));
}

double Brier(std::span<const float> scores, std::span<const float> labels) {
  RequireSameLength(scores, labels);
  double total = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    const double error = static_cast<double>(scores[i]) - (IsPositiveLabel(labels[i]) ? 1.0 : 0.0);
    total += error * error;
  }
  return Share(total, static_cast<double>(scores.size()));
}

double Accuracy(std::span<const float> scores, std::span<const float> labels, double threshold) {
  return AtThreshold(scores, labels, threshold).accuracy;
}

double MajorityBaselineAccuracy(std::span<const float> labels) {
  const auto positives = static_cast<double>(std::count_if(labels.begin(), labels.end(), IsPositiveLabel));
  const auto n = static_cast<double>(labels.size());
  return Share(std::max(positives, n - positives), n);
}

ThresholdMetrics AtThreshold(std::span<const float> scores, std::span<const float> labels, double threshold) {
  RequireSameLength(scores, labels);
  ThresholdMetrics out;
  out.threshold = threshold;
  for (size_t i = 0; i < scores.size(); ++i) {
    const bool predicted = scores[i] >= threshold;
    if (IsPositiveLabel(labels[i])) {
      ++(predicted ? out.tp : out.fn);
    } else {
      ++(predicted ? out.fp : out.tn);
    }
  }
  const auto tp = static_cast<double>(out.tp);
  const auto fp = static_cast<double>(out.fp);
  const auto fn = static_cast<double>(out.fn);
  out.precision = Share(tp, tp + fp);
  out.recall = Share(tp, tp + fn);
  out.f1 = Share(2 * tp, 2 * tp + fp + fn);
  out.accuracy = Share(tp + static_cast<double>(out.tn), static_cast<double>(scores.size()));
  return out;
}

Calibration CalibrationTable(std::span<const float> scores, std::span<const float> labels, int bins) {
  RequireSameLength(scores, labels);
  if (bins < 1) throw std::invalid_argument("a calibration table needs at least one bin");
  std::vector<double> predicted_sum(static_cast<size_t>(bins), 0);
  std::vector<double> positives(static_cast<size_t>(bins), 0);
  Calibration out;
  out.bins.resize(static_cast<size_t>(bins));
  for (size_t i = 0; i < scores.size(); ++i) {
    const int bin =
        std::clamp(static_cast<int>(std::floor(scores[i] * static_cast<double>(bins))), 0, bins - 1);
    const auto b = static_cast<size_t>(bin);
    ++out.bins[b].count;
    predicted_sum[b] += scores[i];
    positives[b] += IsPositiveLabel(labels[i]) ? 1 : 0;
  }
  double weighted_error = 0;
  for (size_t b = 0; b < out.bins.size(); ++b) {
    CalibrationBin& bin = out.bins[b];
    bin.low = static_cast<double>(b) / bins;
    bin.high = static_cast<double>(b + 1) / bins;
    const auto count = static_cast<double>(bin.count);
    bin.mean_predicted = Share(predicted_sum[b], count);
    bin.actual_rate = Share(positives[b], count);
    if (bin.count > 0) weighted_error += count * std::abs(bin.mean_predicted - bin.actual_rate);
  }
  out.ece = Share(weighted_error, static_cast<double>(scores.size()));
  return out;
}

BinaryMetrics Evaluate(std::span<const float> scores, std::span<const float> labels, double threshold) {
  BinaryMetrics out;
  out.auc = Auc(scores, labels);
  out.log_loss = LogLoss(scores, labels);
  out.brier = Brier(scores, labels);
  out.at_threshold = AtThreshold(scores, labels, threshold);
  out.accuracy = out.at_threshold.accuracy;
  out.baseline_accuracy = MajorityBaselineAccuracy(labels);
  out.calibration = CalibrationTable(scores, labels);
  out.n = static_cast<int64_t>(labels.size());
  out.positive_rate =
      Share(static_cast<double>(out.at_threshold.tp + out.at_threshold.fn), static_cast<double>(out.n));
  return out;
}

nlohmann::json ToJson(const BinaryMetrics& metrics) {
  nlohmann::json bins = nlohmann::json::array();
  for (const CalibrationBin& bin : metrics.calibration.bins) {
    bins.push_back({{"low", bin.low},
                    {"high", bin.high},
                    {"count", bin.count},
                    {"mean_predicted", NumberOrNull(bin.mean_predicted)},
                    {"actual_rate", NumberOrNull(bin.actual_rate)}});
  }
  const ThresholdMetrics& at = metrics.at_threshold;
  return {{"auc", NumberOrNull(metrics.auc)},
          {"log_loss", NumberOrNull(metrics.log_loss)},
          {"brier", NumberOrNull(metrics.brier)},
          {"accuracy", NumberOrNull(metrics.accuracy)},
          {"baseline_accuracy", NumberOrNull(metrics.baseline_accuracy)},
          {"n", metrics.n},
          {"positive_rate", NumberOrNull(metrics.positive_rate)},
          {"threshold", at.threshold},
          {"precision", NumberOrNull(at.precision)},
          {"recall", NumberOrNull(at.recall)},
          {"f1", NumberOrNull(at.f1)},
          {"confusion", {{"tp", at.tp}, {"fp", at.fp}, {"tn", at.tn}, {"fn", at.fn}}},
          {"calibration", {{"bins", std::move(bins)}, {"ece", NumberOrNull(metrics.calibration.ece)}}}};
}

std::vector<GroupMetrics> MetricsByGroup(std::span<const float> scores, std::span<const float> labels,
                                         std::span<const int32_t> group_codes,
                                         const std::vector<std::string>& group_names) {
  RequireSameLength(scores, labels);
  if (group_codes.size() != scores.size()) throw std::invalid_argument("group codes differ in length");
  std::vector<std::vector<size_t>> rows_of(group_names.size());
  for (size_t i = 0; i < group_codes.size(); ++i) {
    const int32_t code = group_codes[i];
    if (code < 0) continue;
    if (static_cast<size_t>(code) >= group_names.size())
      throw std::invalid_argument("group code out of range");
    rows_of[static_cast<size_t>(code)].push_back(i);
  }
  std::vector<GroupMetrics> out;
  std::vector<float> group_scores;
  std::vector<float> group_labels;
  for (size_t g = 0; g < group_names.size(); ++g) {
    if (rows_of[g].empty()) continue;
    group_scores.clear();
    group_labels.clear();
    for (size_t row : rows_of[g]) {
      group_scores.push_back(scores[row]);
      group_labels.push_back(labels[row]);
    }
    const ThresholdMetrics at = AtThreshold(group_scores, group_labels, 0.5);
    double predicted_sum = 0;
    for (float score : group_scores) predicted_sum += score;
    const auto n = static_cast<double>(group_scores.size());
    out.push_back({.name = group_names[g],
                   .n = static_cast<int64_t>(group_scores.size()),
                   .auc = Auc(group_scores, group_labels),
                   .accuracy = at.accuracy,
                   .mean_predicted = predicted_sum / n,
                   .actual_rate = static_cast<double>(at.tp + at.fn) / n});
  }
  return out;
}

namespace {

double AucOf(const GroupMetrics& group) { return group.auc; }
double AccuracyOf(const GroupMetrics& group) { return group.accuracy; }
double BiasOf(const GroupMetrics& group) { return group.mean_predicted - group.actual_rate; }

MetricGap GapOf(const std::vector<GroupMetrics>& groups, int64_t min_group_rows,
                double (*value_of)(const GroupMetrics&)) {
  const GroupMetrics* highest = nullptr;
  const GroupMetrics* lowest = nullptr;
  int valued = 0;
  for (const GroupMetrics& group : groups) {
    const double value = value_of(group);
    if (group.n < min_group_rows || std::isnan(value)) continue;
    ++valued;
    if (highest == nullptr || value > value_of(*highest)) highest = &group;
    if (lowest == nullptr || value < value_of(*lowest)) lowest = &group;
  }
  if (valued < 2) {
    MetricGap none;
    none.highest = none.lowest = none.gap = kNaN;
    return none;
  }
  return {.highest_group = highest->name,
          .lowest_group = lowest->name,
          .highest = value_of(*highest),
          .lowest = value_of(*lowest),
          .gap = value_of(*highest) - value_of(*lowest)};
}

nlohmann::json GapJson(const MetricGap& gap) {
  const auto name_or_null = [](const std::string& name) {
    return name.empty() ? nlohmann::json(nullptr) : nlohmann::json(name);
  };
  return {{"highest_group", name_or_null(gap.highest_group)},
          {"highest", NumberOrNull(gap.highest)},
          {"lowest_group", name_or_null(gap.lowest_group)},
          {"lowest", NumberOrNull(gap.lowest)},
          {"gap", NumberOrNull(gap.gap)}};
}

std::string ExclusionNote(const FairnessGap& gap) {
  const std::string limit = std::to_string(gap.min_group_rows);
  if (gap.excluded_groups.empty()) return "Every group has at least " + limit + " rows.";
  std::string note = "Groups with fewer than " + limit + " rows are shown but left out of the gaps: ";
  for (size_t i = 0; i < gap.excluded_groups.size(); ++i) {
    note += (i == 0 ? "" : ", ") + gap.excluded_groups[i];
  }
  return note + ".";
}

}  // namespace

FairnessGap LargestGap(const std::vector<GroupMetrics>& groups, int64_t min_group_rows) {
  FairnessGap out;
  out.auc = GapOf(groups, min_group_rows, AucOf);
  out.accuracy = GapOf(groups, min_group_rows, AccuracyOf);
  out.bias = GapOf(groups, min_group_rows, BiasOf);
  out.min_group_rows = min_group_rows;
  for (const GroupMetrics& group : groups) {
    if (group.n < min_group_rows) out.excluded_groups.push_back(group.name);
  }
  return out;
}

nlohmann::json ToJson(const std::vector<GroupMetrics>& groups) {
  nlohmann::json out = nlohmann::json::array();
  for (const GroupMetrics& group : groups) {
    out.push_back({{"name", group.name},
                   {"n", group.n},
                   {"auc", NumberOrNull(group.auc)},
                   {"accuracy", NumberOrNull(group.accuracy)},
                   {"mean_predicted", NumberOrNull(group.mean_predicted)},
                   {"actual_rate", NumberOrNull(group.actual_rate)}});
  }
  return out;
}

nlohmann::json ToJson(const FairnessGap& gap) {
  return {{"auc", GapJson(gap.auc)},
          {"accuracy", GapJson(gap.accuracy)},
          {"bias", GapJson(gap.bias)},
          {"min_group_rows", gap.min_group_rows},
          {"excluded_groups", gap.excluded_groups},
          {"note", ExclusionNote(gap)}};
}

}  // namespace crm::models
