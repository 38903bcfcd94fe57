#include "crm/models/model_codec.h"

#include <cmath>

namespace crm::models {

namespace {

nlohmann::json FeaturesJson(const TrainedModel& model) {
  nlohmann::json out = nlohmann::json::array();
  const std::vector<float>& reference = model.reference;
  for (size_t i = 0; i < model.features.size(); ++i) {
    const FeatureSpec& spec = model.features[i];
    nlohmann::json feature = {{"name", spec.name},
                              {"description", spec.description},
                              {"kind", spec.kind == FeatureKind::kCategorical ? "categorical" : "numeric"}};
    if (spec.kind == FeatureKind::kCategorical) feature["categories"] = spec.categories;
    if (i < reference.size() && !std::isnan(reference[i])) feature["reference"] = reference[i];
    if (i < model.maximum.size() && !std::isnan(model.maximum[i])) feature["maximum"] = model.maximum[i];
    if (i < model.missing_seen.size()) feature["missing_seen"] = model.missing_seen[i] != 0;
    out.push_back(std::move(feature));
  }
  return out;
}

//! Reads the features and their reference values; false when malformed.
bool ReadFeatures(const nlohmann::json& json, TrainedModel& model) {
  if (!json.is_array()) return false;
  for (const nlohmann::json& feature : json) {
    if (!feature.is_object() || !feature.contains("name") || !feature["name"].is_string()) return false;
    FeatureSpec spec;
    spec.name = feature["name"].get<std::string>();
    spec.description = feature.value("description", spec.name);
    spec.kind =
        feature.value("kind", "numeric") == "categorical" ? FeatureKind::kCategorical : FeatureKind::kNumeric;
    if (feature.contains("categories"))
      spec.categories = feature["categories"].get<std::vector<std::string>>();
    model.features.push_back(std::move(spec));
    model.reference.push_back(feature.contains("reference") ? feature["reference"].get<float>()
                                                            : kMissingFeature);
    model.maximum.push_back(feature.contains("maximum") ? feature["maximum"].get<float>() : kMissingFeature);
    model.missing_seen.push_back(feature.value("missing_seen", true) ? 1 : 0);
  }
  return true;
}

}  // namespace

Result<store::ModelRecord> EncodeModel(const TrainedModel& model) {
  Result<std::string> bytes = model.booster->Save();
  if (!bytes.ok()) return bytes.error();
  const nlohmann::json metadata = {{"features", FeaturesJson(model)},
                                   {"settings", model.settings.ToJson()},
                                   {"calibrator", model.calibrator.ToJson()},
                                   {"positive_rate", model.positive_rate},
                                   {"metrics", model.metrics},
                                   {"n_train", model.n_train},
                                   {"known_by", model.known_by}};
  store::ModelRecord record;
  record.name = std::string(ModelName(model.kind));
  record.data_hash = model.data_hash;
  record.metadata_json = metadata.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  record.booster = std::move(bytes).value();
  return record;
}

Result<TrainedModel> DecodeModel(const store::ModelRecord& record) {
  const std::string what = "the stored model " + record.name + " v" + std::to_string(record.version);
  const std::optional<ModelKind> kind = ModelKindFromName(record.name);
  if (!kind) return Error{what + " has an unknown name"};
  if (record.booster.empty()) return Error{what + " was not trained: " + RefusalReason(record)};
  const nlohmann::json metadata = nlohmann::json::parse(record.metadata_json, nullptr, false);
  if (metadata.is_discarded() || !metadata.is_object()) return Error{what + " has damaged metadata"};
  TrainedModel model;
  model.kind = *kind;
  model.version = record.version;
  model.data_hash = record.data_hash;
  model.created_at = record.created_at;
  try {
    if (!ReadFeatures(metadata.at("features"), model)) return Error{what + " has damaged feature metadata"};
    Result<BoosterSettings> settings = BoosterSettings::FromJson(metadata.at("settings"));
    if (!settings.ok()) return Error{what + ": " + settings.error().message};
    model.settings = *settings;
    Result<Calibrator> calibrator = Calibrator::FromJson(metadata.at("calibrator"));
    if (!calibrator.ok()) return Error{what + ": " + calibrator.error().message};
    model.calibrator = *calibrator;
    model.positive_rate = metadata.at("positive_rate").get<double>();
    model.metrics = metadata.at("metrics");
    model.n_train = metadata.at("n_train").get<int64_t>();
    model.known_by = metadata.at("known_by").get<int32_t>();
  } catch (const nlohmann::json::exception&) {
    return Error{what + " has damaged metadata"};
  }
  Result<Booster> booster = Booster::Load(record.booster, 1);
  if (!booster.ok()) return Error{what + ": " + booster.error().message};
  if (booster->Columns() != static_cast<int>(model.features.size())) {
    return Error{what + " has a booster that does not match its features"};
  }
  model.booster = std::make_shared<const Booster>(std::move(booster).value());
  return model;
}

store::ModelRecord RefusalRecord(ModelKind kind, const std::string& reason, const std::string& data_hash) {
  store::ModelRecord record;
  record.name = std::string(ModelName(kind));
  record.data_hash = data_hash;
  record.metadata_json =
      nlohmann::json{{"refused", reason}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return record;
}

std::string RefusalReason(const store::ModelRecord& record) {
  const nlohmann::json metadata = nlohmann::json::parse(record.metadata_json, nullptr, false);
  if (!metadata.is_object() || !metadata.contains("refused") || !metadata["refused"].is_string()) return "";
  return metadata["refused"].get<std::string>();
}

}  // namespace crm::models
