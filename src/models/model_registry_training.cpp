#include "crm/models/model_registry_training.h"

#include <chrono>

#include "crm/data/dataset_fingerprint.h"
#include "crm/models/model_backtest.h"
#include "crm/models/model_codec.h"
#include "crm/models/trainer.h"
#include "crm/store/model_registry.h"

namespace crm::models {

namespace {

//! Adds the time-based backtest of `model`'s settings and features to its metrics (or why it could not run),
//! so that the model card shows the honest estimate next to the cross-validated one.
void RecordBacktest(const Dataset& data, TrainedModel& model) {
  const std::vector<int32_t> dates = ModelBacktestDates(data);
  Result<ModelBacktest> backtest =
      BacktestModel(data, model.kind, dates, model.settings, model.FeatureNames());
  if (backtest.ok()) {
    model.metrics["backtest"] = ToJson(*backtest);
  } else {
    model.metrics["backtest"] = {{"skipped", backtest.error().message}};
  }
}

//! TrainAndStore for data whose fingerprint is `data_hash`.
Result<TrainingSummary> TrainAndStoreHashed(const Dataset& data, const std::string& data_hash,
                                            store::Store& store,
                                            const std::function<void(size_t, const std::string&)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<store::ModelRecord> records;
  std::vector<std::optional<TrainedModel>> trained;
  if (progress) progress(0, std::string(ModelName(kAllModels.front())));
  std::vector<Result<TrainedModel>> fitted = TrainModels(data, kAllModels);
  for (size_t i = 0; i < fitted.size(); ++i) {
    const ModelKind kind = kAllModels[i];
    if (progress && i > 0) progress(i, std::string(ModelName(kind)));
    Result<TrainedModel>& model = fitted[i];
    if (!model.ok()) {
      records.push_back(RefusalRecord(kind, model.error().message, data_hash));
      trained.emplace_back();
      continue;
    }
    model->data_hash = data_hash;
    RecordBacktest(data, *model);
    Result<store::ModelRecord> record = EncodeModel(*model);
    if (!record.ok()) return record.error();
    records.push_back(std::move(record).value());
    trained.push_back(std::move(model).value());
  }
  Result<std::vector<int64_t>> versions = store::SaveModels(store, records);
  if (!versions.ok()) return versions.error();

  TrainingSummary summary;
  nlohmann::json models = nlohmann::json::object();
  for (size_t i = 0; i < records.size(); ++i) {
    const ModelKind kind = kAllModels[i];
    const std::string name(ModelName(kind));
    if (!trained[i]) {
      models[name] = {
          {"status", "refused"}, {"reason", RefusalReason(records[i])}, {"version", (*versions)[i]}};
      summary.models.MarkRefused(kind, RefusalReason(records[i]));
      continue;
    }
    trained[i]->version = (*versions)[i];
    nlohmann::json entry = trained[i]->metrics;
    entry["status"] = "trained";
    entry["version"] = (*versions)[i];
    entry["model_version"] = trained[i]->VersionLabel();
    entry["settings"] = trained[i]->settings.ToJson();
    models[name] = std::move(entry);
    summary.models.Put(std::move(*trained[i]));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  summary.document = {{"data_hash", data_hash}, {"seconds", seconds}, {"models", models}};
  return summary;
}

}  // namespace

Result<TrainingSummary> TrainAndStore(const Dataset& data, store::Store& store,
                                      const std::function<void(size_t, const std::string&)>& progress) {
  return TrainAndStoreHashed(data, DatasetFingerprint(data), store, progress);
}

Result<ModelSet> LoadOrTrainModels(const Dataset& data, store::Store& store) {
  const std::string data_hash = DatasetFingerprint(data);
  Result<ModelSet> models = ModelSet::Load(store, data_hash);
  if (!models.ok() || !models->NeedsTraining()) return models;
  Result<TrainingSummary> summary = TrainAndStoreHashed(data, data_hash, store, {});
  if (!summary.ok()) return summary.error();
  // Loaded back as stored: boosters predicting on one thread each and warmed up, as they are served.
  return ModelSet::Load(store, data_hash);
}

}  // namespace crm::models
