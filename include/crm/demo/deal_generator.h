#pragma once
// Draws the pipeline one deal at a time: dates, agent, product, account, activities, then the outcome.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "crm/demo/accounts.h"
#include "crm/demo/activity_subjects.h"
#include "crm/demo/random.h"
#include "crm/demo/timeline.h"
#include "crm/demo/weighted_picker.h"

namespace crm::demo {

//! Where a deal stands at the extract date.
enum class Stage : uint8_t { kProspecting, kEngaging, kWon, kLost };

//! The deal_stage value written for `stage`.
std::string_view StageName(Stage stage);

//! Share of deals still prospecting: 500 of 8,800 in the real file.
inline constexpr double kProspectingShare = 500.0 / 8800;
//! Share of open deals recorded without an account: 1,425 of 2,089 in the real file.
inline constexpr double kOpenWithoutAccountShare = 1425.0 / 2089;
//! Most activities one deal can have.
inline constexpr int kMaxActivities = 7;
//! Share of last activities within a week of the close (or of the extract date for open deals).
inline constexpr double kRecentLastActivityShare = 0.55;

//! One activity logged on a deal.
struct Activity {
  int32_t day;
  ActivityType type;
  uint8_t subject_variant;  //!< which subject template of the type
};

//! One generated opportunity with its activities in date order.
struct Deal {
  int agent;        //!< index into kAgents
  int product;      //!< index into kProducts
  int32_t account;  //!< index into the accounts, or -1 when the deal has none
  Stage stage;
  int32_t engage_day;   //!< kNoDay for prospecting deals
  int32_t close_day;    //!< kNoDay for open deals
  int64_t close_value;  //!< -1 for open deals, 0 for lost ones
  int activity_count;
  std::array<Activity, kMaxActivities> activities;
};

//! Draws the deals in file order: engaged deals by engage date, then the prospecting deals (as the real
//! file is ordered). Each deal's activities are drawn before its outcome, which they influence.
class DealGenerator {
 public:
  //! A generator of `opportunities` deals over `accounts`; keeps a reference to `accounts`.
  DealGenerator(uint64_t opportunities, uint64_t seed, const std::vector<Account>& accounts);

  //! Fills `deal` with the next deal; call it `opportunities` times.
  void Next(Deal& deal);

 private:
  void NextEngaged(Deal& deal);
  void NextProspecting(Deal& deal);
  int32_t DrawAccount(bool open);
  // Draws `count` activities between `first_day` and `last_day`, the latest exactly on `last_day`.
  void DrawActivities(Deal& deal, int count, int32_t first_day, int32_t last_day);

  const std::vector<Account>& accounts_;
  uint64_t engaged_deals_;
  uint64_t position_ = 0;
  Rng rng_;
  EngageSchedule schedule_;
  WeightedPicker agents_, products_, account_picker_, activity_counts_, prospect_activity_counts_,
      activity_types_;
};

}  // namespace crm::demo
