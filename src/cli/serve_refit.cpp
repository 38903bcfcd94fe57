#include "serve_refit.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "crm/common/thread_priority.h"
#include "crm/models/model_registry_training.h"
#include "crm/store/store.h"

namespace crm::cli {

BackgroundRefit::BackgroundRefit(const Dataset& data, std::string store_path, UseModels use)
    : thread_([&data, path = std::move(store_path), use = std::move(use)] { Run(data, path, use); }) {}

BackgroundRefit::~BackgroundRefit() {
  if (thread_.joinable()) thread_.join();
}

void BackgroundRefit::Run(const Dataset& data, const std::string& store_path, const UseModels& use) {
  // Training takes seconds on every core: the requests served meanwhile come first. Its pool's threads,
  // started from here, inherit the lower priority.
  LowerThisThreadPriority(kRefitNiceness);
  const auto started = std::chrono::steady_clock::now();
  auto store = store::Store::Open(store_path);
  Result<models::ModelSet> models =
      store.ok() ? models::LoadOrTrainModels(data, **store) : Result<models::ModelSet>(store.error());
  if (!models.ok()) {
    std::cerr << "error: refitting the models failed: " << models.error().message
              << "; historical rates stay in use" << std::endl;
    return;
  }
  const std::string in_use = ModelsInUse(*models);
  if (Status used = use(std::make_shared<const models::ModelSet>(std::move(models).value())); !used.ok()) {
    std::cerr << "error: the refitted models cannot be used: " << used.error().message
              << "; historical rates stay in use" << std::endl;
    return;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char took[32];
  std::snprintf(took, sizeof took, "%.1f s", seconds);
  std::cout << "Models refitted on the loaded data in " << took << " and now in use: " << in_use << std::endl;
}

std::string ModelsInUse(const models::ModelSet& models) {
  std::string text;
  for (models::ModelKind kind : models::kAllModels) {
    const models::TrainedModel* model = models.Find(kind);
    text += (text.empty() ? "" : ", ") +
            (model ? model->VersionLabel()
                   : std::string(models::ModelName(kind)) + ": " + models.slot(kind).unavailable);
  }
  return text;
}

}  // namespace crm::cli
