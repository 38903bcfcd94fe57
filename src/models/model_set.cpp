#include "crm/models/model_set.h"

#include "crm/models/model_codec.h"
#include "crm/store/model_registry.h"

namespace crm::models {

ModelSet::ModelSet() {
  for (ModelKind kind : kAllModels) MarkUnavailable(kind, "no trained model: run `crm-assistant train`");
}

Result<ModelSet> ModelSet::Load(const store::Store& store, const std::string& data_hash) {
  ModelSet set;
  for (ModelKind kind : kAllModels) {
    Result<std::optional<store::ModelRecord>> record = store::LatestModel(store, ModelName(kind));
    if (!record.ok()) return record.error();
    if (!record->has_value()) continue;
    const store::ModelRecord& latest = **record;
    ModelSlot& slot = set.slots_[static_cast<size_t>(kind)];
    if (latest.data_hash != data_hash) {
      slot.stale = true;
      slot.unavailable = "the " + std::string(ModelName(kind)) + " model (v" +
                         std::to_string(latest.version) +
                         ") was trained on other data: run `crm-assistant train` to refit it";
      continue;
    }
    if (const std::string refused = RefusalReason(latest); !refused.empty()) {
      set.MarkRefused(kind, refused);
      continue;
    }
    Result<TrainedModel> model = DecodeModel(latest);
    if (!model.ok()) {
      slot.unavailable = model.error().message + "; run `crm-assistant train` to refit it";
      continue;
    }
    slot.model = std::move(model).value();
    slot.unavailable.clear();
  }
  return set;
}

void ModelSet::Put(TrainedModel model) {
  ModelSlot& slot = slots_[static_cast<size_t>(model.kind)];
  slot.model = std::move(model);
  slot.unavailable.clear();
  slot.stale = false;
  slot.refused = false;
  slot.refitting = false;
}

void ModelSet::MarkUnavailable(ModelKind kind, std::string reason) {
  ModelSlot& slot = slots_[static_cast<size_t>(kind)];
  slot.model.reset();
  slot.unavailable = std::move(reason);
}

void ModelSet::MarkRefused(ModelKind kind, std::string reason) {
  MarkUnavailable(kind, std::move(reason));
  slots_[static_cast<size_t>(kind)].refused = true;
}

bool ModelSet::NeedsTraining() const {
  for (const ModelSlot& slot : slots_) {
    if (slot.NeedsTraining()) return true;
  }
  return false;
}

void ModelSet::MarkRefitting() {
  for (ModelKind kind : kAllModels) {
    ModelSlot& slot = slots_[static_cast<size_t>(kind)];
    if (!slot.NeedsTraining()) continue;
    slot.refitting = true;
    slot.unavailable =
        "the " + std::string(ModelName(kind)) + " model is being " +
        (slot.stale ? "refitted on the current data (the stored one was trained on other data)" : "trained") +
        " in the background and is used as soon as it is ready";
  }
}

bool ModelSet::AnyStale() const {
  for (const ModelSlot& slot : slots_) {
    if (slot.stale) return true;
  }
  return false;
}

}  // namespace crm::models
