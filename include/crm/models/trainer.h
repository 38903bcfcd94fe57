#pragma once
// Training one model: its rows, the refusal when history is too thin, the leakage guard, the settings
// search by cross-validation, the calibrator fitted on out-of-fold predictions, and the final fit.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/models/booster_settings.h"
#include "crm/models/cross_validation.h"
#include "crm/models/trained_model.h"
#include "crm/models/training_set.h"

namespace crm::models {

//! Below this many positive or negative outcomes a model refuses to train.
inline constexpr int64_t kMinOutcomesPerClass = 40;

//! From this many rows the final fit uses every core; below, one thread is faster (OpenMP threads spin
//! at every barrier, which on a busy machine costs more than small fits gain).
inline constexpr size_t kParallelFitRows = 200000;

//! What to train on and how.
struct TrainOptions {
  int32_t known_by = kNoDay;          //!< learn from outcomes known by this day; kNoDay: the latest date
  std::vector<std::string> features;  //!< empty: the model's default features on this data
  std::vector<BoosterSettings> grid;  //!< empty: DefaultSearchGrid()
  int final_nthread = 0;  //!< threads for the final fit; 0: one below kParallelFitRows rows, else all
};

//! An Error saying why the set has too few outcomes to learn from (counted per deal for deal models,
//! per snapshot for accounts) and what the product does instead.
Status CheckEnoughHistory(const TrainingSet& set);

//! A trained model and the cross-validation of its chosen settings.
struct TrainingRun {
  TrainedModel model;
  CrossValidation cv;  //!< out-of-fold predictions on the training rows
};

//! Trains the model on `set` (its labels must be present): leakage guard, history check, settings search,
//! calibration, final fit. The model's metrics are the cross-validated ones.
Result<TrainingRun> TrainOnSet(const TrainingSet& set, const TrainOptions& options);

//! TrainOnSet of each of `sets` (one result each, in order), all their fits in one pool of two threads.
std::vector<Result<TrainingRun>> TrainOnSets(std::span<const TrainingSet> sets, const TrainOptions& options);

//! Builds the model's training rows from `data` and trains on them.
Result<TrainedModel> TrainModel(const Dataset& data, ModelKind kind, const TrainOptions& options = {});

//! TrainModel of each of `kinds` (one result each, in order), all their work in one pool of two
//! threads: one model's final fit runs beside the next one's cross-validation, so no core waits.
std::vector<Result<TrainedModel>> TrainModels(const Dataset& data, std::span<const ModelKind> kinds,
                                              const TrainOptions& options = {});

}  // namespace crm::models
