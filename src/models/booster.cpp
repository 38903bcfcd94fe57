#include "crm/models/booster.h"

#include <cctype>
#include <charconv>
#include <stdexcept>
#include <utility>

#include "dmatrix.h"
#include "xgboost_api.h"

namespace crm::models {

namespace {

// XGBoost splits a categorical feature one category against the rest when it has at most this many
// categories (an office, a series), and partitions the categories by gradient statistics otherwise (an
// agent, a sector): one-hot splits on many categories need many trees to use them.
constexpr const char* kMaxCategoriesOneHot = "4";

// XGBoost's prediction types.
constexpr int kValue = 0;
constexpr int kMargin = 1;
constexpr int kContributions = 2;

// The configuration of a prediction of `type`: XGBoosterPredictFromDMatrix needs every one of these keys,
// and prediction in place (from the caller's floats) the missing value and a cache id of 0 as well.
std::string PredictionConfig(int type, bool in_place) {
  return R"({"type": )" + std::to_string(type) +
         R"(, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false)" +
         (in_place ? R"(, "missing": NaN, "cache_id": 0})" : "}");
}

// Copies a prediction out of XGBoost's buffer, which belongs to the booster (one per thread) and is
// overwritten by the next call; an Error when it does not hold `expected` floats.
Result<std::vector<float>> CopyPrediction(const bst_ulong* shape, bst_ulong dimensions, const float* result,
                                          size_t expected) {
  size_t size = 1;
  for (bst_ulong d = 0; d < dimensions; ++d) size *= shape[d];
  if (size != expected) {
    return Error{"predicting: XGBoost gave " + std::to_string(size) + " values where " +
                 std::to_string(expected) + " were due"};
  }
  return std::vector<float>(result, result + size);
}

std::string FormatNumber(double value) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

Status SetParam(BoosterHandle handle, const char* name, const std::string& value) {
  return CheckXgboost(XGBoosterSetParam(handle, name, value.c_str()),
                      std::string("setting the booster parameter ") + name + "=" + value);
}

Status SetParams(BoosterHandle handle, const BoosterSettings& s) {
  const std::pair<const char*, std::string> params[] = {
      {"verbosity", "0"},
      {"objective", "binary:logistic"},
      {"tree_method", "hist"},
      {"max_cat_to_onehot", kMaxCategoriesOneHot},
      {"max_depth", std::to_string(s.max_depth)},
      {"eta", FormatNumber(s.eta)},
      {"min_child_weight", FormatNumber(s.min_child_weight)},
      {"subsample", FormatNumber(s.subsample)},
      {"colsample_bytree", FormatNumber(s.colsample_bytree)},
      {"lambda", FormatNumber(s.reg_lambda)},
      {"max_bin", std::to_string(s.max_bin)},
      {"nthread", std::to_string(s.nthread)},
      {"seed", std::to_string(s.seed)},
  };
  for (const auto& [name, value] : params) {
    if (Status set = SetParam(handle, name, value); !set.ok()) return set;
  }
  return Status::Ok();
}

// Sets the feature names and types on the booster, so that they are saved with the model.
Status SetFeatureInfo(BoosterHandle handle, std::span<const FeatureSpec> features) {
  XgboostFeatureInfo info(features);
  if (Status named =
          CheckXgboost(XGBoosterSetStrFeatureInfo(handle, "feature_name", info.names.data(), info.size()),
                       "naming the booster's features");
      !named.ok()) {
    return named;
  }
  return CheckXgboost(XGBoosterSetStrFeatureInfo(handle, "feature_type", info.types.data(), info.size()),
                      "setting the booster's feature types");
}

const char* KindName(FeatureKind kind) {
  return kind == FeatureKind::kCategorical ? "categorical" : "numeric";
}

// Copies XGBoost's string list (held in thread-local memory until the next call) out.
Result<std::vector<std::string>> BoosterStrings(BoosterHandle handle, const char* field) {
  bst_ulong count = 0;
  const char** strings = nullptr;
  if (Status read = CheckXgboost(XGBoosterGetStrFeatureInfo(handle, field, &count, &strings),
                                 std::string("reading the model's ") + field);
      !read.ok()) {
    return read.error();
  }
  return std::vector<std::string>(strings, strings + count);
}

}  // namespace

Booster::Booster(Booster&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)),
      nthread_(other.nthread_),
      features_(std::move(other.features_)) {}

Booster& Booster::operator=(Booster&& other) noexcept {
  if (this != &other) {
    if (handle_ != nullptr) XGBoosterFree(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
    nthread_ = other.nthread_;
    features_ = std::move(other.features_);
  }
  return *this;
}

Booster::~Booster() {
  if (handle_ != nullptr) XGBoosterFree(handle_);
}

Result<Booster> Booster::Train(const FeatureMatrix& x, std::span<const float> labels,
                               const BoosterSettings& s, std::span<const float> weights) {
  if (Status valid = s.Validate(); !valid.ok()) return Error{"training a booster: " + valid.error().message};
  Result<TrainingMatrix> rows = TrainingMatrix::Create(x, labels, s.nthread, weights);
  if (!rows.ok()) return rows.error();
  return Train(*rows, s);
}

Result<Booster> Booster::Train(const TrainingMatrix& rows, const BoosterSettings& s) {
  SilenceXgboost();
  if (Status valid = s.Validate(); !valid.ok()) return Error{"training a booster: " + valid.error().message};
  const DMatrixHandle train = rows.matrix_->handle();
  BoosterHandle handle = nullptr;
  if (Status made = CheckXgboost(XGBoosterCreate(&train, 1, &handle), "creating a booster"); !made.ok()) {
    return made.error();
  }
  Booster booster(handle, s.nthread);
  booster.features_ = rows.Features();
  if (Status set = SetParams(handle, s); !set.ok()) return set.error();
  if (Status set = SetFeatureInfo(handle, booster.features_); !set.ok()) return set.error();
  for (int round = 0; round < s.rounds; ++round) {
    if (Status grown = CheckXgboost(XGBoosterUpdateOneIter(handle, round, train),
                                    "training tree " + std::to_string(round + 1));
        !grown.ok()) {
      return grown.error();
    }
  }
  return booster;
}

Result<Booster> Booster::Load(std::string_view bytes, int nthread) {
  SilenceXgboost();
  // XGBoost picks the format from the first two bytes and reads anything else as its legacy binary
  // format, which trusts the counts it reads: only UBJ objects ('{' then a type marker) go through.
  if (bytes.size() < 2 || bytes[0] != '{' || std::isalpha(static_cast<unsigned char>(bytes[1])) == 0) {
    return Error{"loading a booster: the bytes are not a UBJ model"};
  }
  if (nthread < 0) return Error{"loading a booster: nthread must be 0 (all cores) or more"};
  BoosterHandle handle = nullptr;
  if (Status made = CheckXgboost(XGBoosterCreate(nullptr, 0, &handle), "creating a booster"); !made.ok()) {
    return made.error();
  }
  Booster booster(handle, nthread);
  if (Status loaded = CheckXgboost(
          XGBoosterLoadModelFromBuffer(handle, bytes.data(), static_cast<bst_ulong>(bytes.size())),
          "loading a booster");
      !loaded.ok()) {
    return loaded.error();
  }
  if (Status set = SetParam(handle, "verbosity", "0"); !set.ok()) return set.error();
  if (Status set = SetParam(handle, "nthread", std::to_string(nthread)); !set.ok()) return set.error();
  if (Status read = booster.ReadFeatures(); !read.ok()) return read.error();
  if (Status warm = booster.WarmUp(); !warm.ok()) return warm.error();
  return booster;
}

Status Booster::ReadFeatures() {
  bst_ulong columns = 0;
  if (Status read =
          CheckXgboost(XGBoosterGetNumFeature(handle_, &columns), "reading the model's column count");
      !read.ok()) {
    return read;
  }
  Result<std::vector<std::string>> names = BoosterStrings(handle_, "feature_name");
  if (!names.ok()) return names.error();
  Result<std::vector<std::string>> types = BoosterStrings(handle_, "feature_type");
  if (!types.ok()) return types.error();
  if (columns == 0 || names->size() != columns || types->size() != columns) {
    return Error{"loading a booster: the model does not name and type each of its " +
                 std::to_string(columns) + " columns"};
  }
  features_.clear();
  for (size_t column = 0; column < columns; ++column) {
    const FeatureKind kind = (*types)[column] == "c" ? FeatureKind::kCategorical : FeatureKind::kNumeric;
    features_.push_back({std::move((*names)[column]), "", kind, {}});
  }
  return Status::Ok();
}

Status Booster::WarmUp() const {
  FeatureMatrix missing{features_, std::vector<float>(features_.size(), kMissingFeature)};
  if (Result<std::vector<float>> margin = PredictMargin(missing); !margin.ok()) return margin.error();
  if (Result<std::vector<float>> contributions = Contributions(missing); !contributions.ok()) {
    return contributions.error();
  }
  return Status::Ok();
}

Status Booster::CheckColumns(const FeatureMatrix& x) const {
  if (x.columns() != features_.size()) {
    return Error{"predicting: the feature matrix has " + std::to_string(x.columns()) +
                 " columns, the model reads " + std::to_string(features_.size())};
  }
  if (x.values.size() % x.columns() != 0) {
    return Error{"predicting: the feature values are not a whole number of rows"};
  }
  for (size_t column = 0; column < features_.size(); ++column) {
    const FeatureSpec& given = x.features[column];
    const FeatureSpec& expected = features_[column];
    if (given.name != expected.name) {
      return Error{"predicting: column " + std::to_string(column + 1) + " is '" + given.name +
                   "', the model reads '" + expected.name + "' there"};
    }
    if (given.kind != expected.kind) {
      return Error{"predicting: column " + std::to_string(column + 1) + " '" + given.name + "' is " +
                   KindName(given.kind) + ", the model reads it as " + KindName(expected.kind)};
    }
  }
  return Status::Ok();
}

Result<std::vector<float>> Booster::PredictInPlace(const FeatureMatrix& x, int type) const {
  SilenceXgboost();
  if (Status valid = CheckColumns(x); !valid.ok()) return valid.error();
  if (x.rows() == 0) return std::vector<float>();
  const std::string data = DenseArrayInterface(x.values, x.rows(), x.columns());
  const std::string config = PredictionConfig(type, true);
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* result = nullptr;
  if (Status predicted = CheckXgboost(XGBoosterPredictFromDense(handle_, data.c_str(), config.c_str(),
                                                                nullptr, &shape, &dimensions, &result),
                                      "predicting");
      !predicted.ok()) {
    return predicted.error();
  }
  return CopyPrediction(shape, dimensions, result, x.rows());
}

Result<std::vector<float>> Booster::Predict(const FeatureMatrix& x) const {
  return PredictInPlace(x, kValue);
}

Result<std::vector<float>> Booster::PredictMargin(const FeatureMatrix& x) const {
  return PredictInPlace(x, kMargin);
}

Result<std::vector<float>> Booster::Contributions(const FeatureMatrix& x) const {
  if (Status valid = CheckColumns(x); !valid.ok()) return valid.error();
  return ContributionsOf(x.values, x.rows());
}

Result<std::vector<float>> Booster::RowContributions(std::span<const float> row) const {
  if (row.size() != features_.size()) {
    return Error{"predicting: the row has " + std::to_string(row.size()) + " values, the model reads " +
                 std::to_string(features_.size())};
  }
  return ContributionsOf(row, 1);
}

Result<std::vector<float>> Booster::ContributionsOf(std::span<const float> values, size_t rows) const {
  SilenceXgboost();
  if (rows == 0) return std::vector<float>();
  // Prediction in place gives values and margins only: contributions need a DMatrix. The booster knows
  // its columns' names and types, so the matrix goes unnamed (naming it costs as much as the SHAP of a
  // small model).
  Result<DMatrix> matrix = DMatrix::FromValues(values, rows, features_.size(), nthread_);
  if (!matrix.ok()) return matrix.error();
  static const std::string config = PredictionConfig(kContributions, false);
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* result = nullptr;
  if (Status predicted = CheckXgboost(XGBoosterPredictFromDMatrix(handle_, matrix->handle(), config.c_str(),
                                                                  &shape, &dimensions, &result),
                                      "computing feature contributions");
      !predicted.ok()) {
    return predicted.error();
  }
  return CopyPrediction(shape, dimensions, result, rows * (features_.size() + 1));
}

std::vector<double> Booster::GainImportance() const {
  SilenceXgboost();
  bst_ulong count = 0;
  const char** names = nullptr;
  bst_ulong dimensions = 0;
  const bst_ulong* shape = nullptr;
  const float* scores = nullptr;
  Status scored = CheckXgboost(XGBoosterFeatureScore(handle_, R"({"importance_type": "total_gain"})", &count,
                                                     &names, &dimensions, &shape, &scores),
                               "scoring the features");
  // A valid booster always has scores: a failure here is a bug.
  if (!scored.ok()) throw std::logic_error(scored.error().message);
  std::vector<double> gains(features_.size(), 0.0);
  for (bst_ulong i = 0; i < count; ++i) {
    for (size_t column = 0; column < features_.size(); ++column) {
      if (features_[column].name == names[i]) gains[column] = scores[i];
    }
  }
  return gains;
}

Result<std::string> Booster::Save() const {
  SilenceXgboost();
  bst_ulong length = 0;
  const char* bytes = nullptr;
  if (Status saved = CheckXgboost(
          XGBoosterSaveModelToBuffer(handle_, R"({"format": "ubj"})", &length, &bytes), "saving a booster");
      !saved.ok()) {
    return saved.error();
  }
  return std::string(bytes, length);
}

}  // namespace crm::models
