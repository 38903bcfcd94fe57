#pragma once
// The server's start-up refit: when the store's models do not fit the loaded data (trained on other
// data, or never), they are trained in the background while the server answers with historical rates,
// then swapped in.

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/models/model_set.h"

namespace crm::cli {

//! How much lower than the server's the refit's priority is (niceness steps).
inline constexpr int kRefitNiceness = 10;

//! Hands fresh models to the server; an Error when it cannot use them.
using UseModels = std::function<Status(std::shared_ptr<const models::ModelSet>)>;

//! Trains and stores the models of one dataset on a thread of its own, at a lower priority, then hands them
//! over; each step is logged on stdout, a failure on stderr (the models in use then stay). Waits for the
//! thread when it goes.
class BackgroundRefit {
 public:
  //! Starts training `data`'s models (kept in the store at `store_path`, as `train` does) and calls `use`
  //! with them, loaded back as stored, when they are ready. `data` must outlive this object.
  BackgroundRefit(const Dataset& data, std::string store_path, UseModels use);
  ~BackgroundRefit();
  BackgroundRefit(const BackgroundRefit&) = delete;
  BackgroundRefit& operator=(const BackgroundRefit&) = delete;

 private:
  //! The thread's work: train, store, load back, hand over, log.
  static void Run(const Dataset& data, const std::string& store_path, const UseModels& use);

  std::thread thread_;
};

//! "opportunity_win v2, lead_score v2, account_risk: <why not>": what `models` holds, for the log.
std::string ModelsInUse(const models::ModelSet& models);

}  // namespace crm::cli
