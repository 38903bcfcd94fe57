#pragma once
// The models in use: the latest of each kind from the store, each with the reason when there is none
// to use (never trained, refused for thin history, trained on other data, damaged).

#include <array>
#include <optional>
#include <string>

#include "crm/common/result.h"
#include "crm/models/model_kind.h"
#include "crm/models/trained_model.h"
#include "crm/store/store.h"

namespace crm::models {

//! One kind's model, or why there is none to use.
struct ModelSlot {
  std::optional<TrainedModel> model;
  std::string unavailable;  //!< why `model` is empty; empty when it is set
  bool stale = false;       //!< a model exists but was trained on other data than the loaded data
  bool refused = false;     //!< training on this data refused (too little history): `unavailable` says why
  bool refitting = false;   //!< being trained on this data in the background: `unavailable` says so

  //! True when `train` should run: no usable model and no refusal for this data.
  bool NeedsTraining() const { return !model && !refused; }
};

//! The latest model of every kind.
class ModelSet {
 public:
  //! No models: every slot says to run `train`.
  ModelSet();
  //! The latest models in `store`; one trained on data other than `data_hash` is kept out and marked stale.
  //! An Error only when the store cannot be read.
  static Result<ModelSet> Load(const store::Store& store, const std::string& data_hash);

  //! The slot of `kind`.
  const ModelSlot& slot(ModelKind kind) const { return slots_[static_cast<size_t>(kind)]; }
  //! The model of `kind`, or nullptr.
  const TrainedModel* Find(ModelKind kind) const {
    const ModelSlot& s = slot(kind);
    return s.model ? &*s.model : nullptr;
  }
  //! Puts a freshly trained model in its slot.
  void Put(TrainedModel model);
  //! Marks `kind` unavailable with `reason`.
  void MarkUnavailable(ModelKind kind, std::string reason);
  //! Marks `kind` refused for this data with `reason`.
  void MarkRefused(ModelKind kind, std::string reason);
  //! True when any slot holds a stale model.
  bool AnyStale() const;
  //! True when any slot NeedsTraining: `train` would change the models in use.
  bool NeedsTraining() const;
  //! Marks every slot that NeedsTraining as being refitted in the background, saying so (and that the
  //! historical rates stand in meanwhile) in its reason; a stale slot stays marked stale.
  void MarkRefitting();

 private:
  std::array<ModelSlot, kAllModels.size()> slots_;
};

}  // namespace crm::models
