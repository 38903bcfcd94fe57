#include "crm/demo/deal_generator.h"

#include <algorithm>
#include <cmath>

#include "crm/common/date.h"
#include "crm/demo/catalog.h"
#include "crm/demo/sales_force.h"
#include "crm/demo/win_model.h"

namespace crm::demo {

namespace {

// Relative frequencies of 0..7 activities on an engaged deal (mean 3.25).
constexpr std::array<double, kMaxActivities + 1> kActivityCountWeights{5, 15, 20, 18, 15, 12, 9, 6};
// Relative frequencies of 0..3 activities on a prospecting deal (mean 1.1).
constexpr std::array<double, 4> kProspectActivityCountWeights{30, 40, 20, 10};
// Relative frequencies of call, email, meeting and demo.
constexpr std::array<double, 4> kActivityTypeWeights{35, 35, 18, 12};

template <typename Item, size_t N, typename Field>
std::vector<double> Weights(const std::array<Item, N>& items, Field field) {
  std::vector<double> weights;
  for (const Item& item : items) weights.push_back(static_cast<double>(item.*field));
  return weights;
}

std::vector<double> AccountWeights(const std::vector<Account>& accounts) {
  std::vector<double> weights;
  weights.reserve(accounts.size());
  for (const Account& account : accounts) weights.push_back(account.deal_weight);
  return weights;
}

}  // namespace

std::string_view StageName(Stage stage) {
  static constexpr std::array<std::string_view, 4> kNames{"Prospecting", "Engaging", "Won", "Lost"};
  return kNames[static_cast<int>(stage)];
}

DealGenerator::DealGenerator(uint64_t opportunities, uint64_t seed, const std::vector<Account>& accounts)
    : accounts_(accounts),
      engaged_deals_(opportunities - static_cast<uint64_t>(std::llround(static_cast<double>(opportunities) *
                                                                        kProspectingShare))),
      rng_(seed, 2),
      schedule_(engaged_deals_),
      agents_(Weights(kAgents, &Agent::deal_share)),
      products_(Weights(kProducts, &Product::deal_share)),
      account_picker_(AccountWeights(accounts)),
      activity_counts_(kActivityCountWeights),
      prospect_activity_counts_(kProspectActivityCountWeights),
      activity_types_(kActivityTypeWeights) {}

void DealGenerator::Next(Deal& deal) {
  deal.agent = static_cast<int>(agents_.Pick(rng_));
  deal.product = static_cast<int>(products_.Pick(rng_));
  if (position_ < engaged_deals_) {
    NextEngaged(deal);
  } else {
    NextProspecting(deal);
  }
  ++position_;
}

void DealGenerator::NextEngaged(Deal& deal) {
  deal.engage_day = schedule_.DayOf(position_);
  const int cycle_days = DrawCycleDays(rng_);
  const bool stalled = rng_.Chance(kStallShare);
  const bool closed = !stalled && deal.engage_day + cycle_days <= kSnapshotDay;
  deal.account = DrawAccount(!closed);

  // Activities come first: the last one falls a few days to weeks before the close (or the extract date).
  const int32_t active_end = std::min(deal.engage_day + cycle_days, kSnapshotDay);
  const int count = static_cast<int>(activity_counts_.Pick(rng_));
  if (count > 0) {
    const int gap =
        static_cast<int>(rng_.Chance(kRecentLastActivityShare) ? rng_.Between(0, 6) : rng_.Between(7, 45));
    DrawActivities(deal, count, deal.engage_day, active_end - std::min(gap, active_end - deal.engage_day));
  } else {
    deal.activity_count = 0;
  }

  if (!closed) {
    deal.stage = Stage::kEngaging;
    deal.close_day = kNoDay;
    deal.close_value = -1;
    return;
  }
  // Then the outcome, drawn from the planted model.
  deal.close_day = active_end;
  const WinFactors factors{deal.agent,
                           deal.product,
                           accounts_[deal.account].sector,
                           cycle_days,
                           deal.activity_count,
                           count > 0 ? deal.close_day - deal.activities[count - 1].day : cycle_days};
  if (rng_.Chance(WinProbability(factors))) {
    deal.stage = Stage::kWon;
    // Close values scatter around the list price (sd 10%, within 65%-135%) like the real won deals.
    const double ratio = 1.0 + 0.1 * rng_.Bell();
    deal.close_value = std::max<int64_t>(1, std::llround(kProducts[deal.product].list_price * ratio));
  } else {
    deal.stage = Stage::kLost;
    deal.close_value = 0;
  }
}

void DealGenerator::NextProspecting(Deal& deal) {
  deal.stage = Stage::kProspecting;
  deal.engage_day = kNoDay;
  deal.close_day = kNoDay;
  deal.close_value = -1;
  deal.account = DrawAccount(true);
  const int32_t created_day = kSnapshotDay - static_cast<int32_t>(rng_.Between(0, kProspectingAgeDays));
  const int count = static_cast<int>(prospect_activity_counts_.Pick(rng_));
  if (count > 0) {
    DrawActivities(deal, count, created_day, static_cast<int32_t>(rng_.Between(created_day, kSnapshotDay)));
  } else {
    deal.activity_count = 0;
  }
}

int32_t DealGenerator::DrawAccount(bool open) {
  if (open && rng_.Chance(kOpenWithoutAccountShare)) return -1;
  return static_cast<int32_t>(account_picker_.Pick(rng_));
}

void DealGenerator::DrawActivities(Deal& deal, int count, int32_t first_day, int32_t last_day) {
  deal.activity_count = count;
  for (int i = 0; i < count; ++i) {
    Activity& activity = deal.activities[i];
    activity.day = i == count - 1 ? last_day : static_cast<int32_t>(rng_.Between(first_day, last_day));
    activity.type = static_cast<ActivityType>(activity_types_.Pick(rng_));
    activity.subject_variant = static_cast<uint8_t>(rng_.Below(kSubjectVariants));
  }
  // Insertion sort: stable, so the order never depends on the standard library's sort.
  for (int i = 1; i < count; ++i) {
    for (int j = i; j > 0 && deal.activities[j - 1].day > deal.activities[j].day; --j) {
      std::swap(deal.activities[j - 1], deal.activities[j]);
    }
  }
}

}  // namespace crm::demo
