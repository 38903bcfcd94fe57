#include "crm/models/training_set.h"

#include "crm/models/account_examples.h"
#include "crm/models/account_features.h"
#include "crm/models/deal_examples.h"
#include "crm/models/deal_features.h"

namespace crm::models {

namespace {

//! A well-mixed 64-bit hash (splitmix64's finaliser), for sampling entities.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

//! Sector and office of each row's deal.
void FillDealGroups(const Dataset& data, TrainingSet& set) {
  for (int32_t deal : set.entities) {
    const int32_t account = data.opportunities.account[deal];
    set.sectors.push_back(account == kNoIndex ? kNoIndex : data.accounts[account].sector);
    set.offices.push_back(data.sales_agents[data.opportunities.sales_agent[deal]].regional_office);
  }
}

//! Keeps whole entities, chosen by hash, so that about kMaxTrainingRows rows remain.
std::vector<size_t> SampleRows(std::span<const int32_t> entities) {
  std::vector<size_t> keep;
  const double fraction = static_cast<double>(kMaxTrainingRows) / static_cast<double>(entities.size());
  const auto threshold = static_cast<uint64_t>(fraction * 18446744073709551615.0);
  for (size_t i = 0; i < entities.size(); ++i) {
    if (fraction >= 1 || Mix(static_cast<uint64_t>(entities[i])) <= threshold) keep.push_back(i);
  }
  return keep;
}

Result<TrainingSet> DealSet(const Dataset& data, ModelKind kind, std::vector<DealExample> examples,
                            std::vector<float> labels, std::span<const std::string> features) {
  Result<DealFeatureBuilder> builder = DealFeatureBuilder::Create(data, features);
  if (!builder.ok()) return builder.error();
  TrainingSet set;
  set.kind = kind;
  set.sampled_from = static_cast<int64_t>(examples.size());
  if (static_cast<int64_t>(examples.size()) > kMaxTrainingRows && !labels.empty()) {
    std::vector<int32_t> deals;
    for (const DealExample& example : examples) deals.push_back(example.deal);
    std::vector<DealExample> kept_examples;
    std::vector<float> kept_labels;
    for (size_t i : SampleRows(deals)) {
      kept_examples.push_back(examples[i]);
      kept_labels.push_back(labels[i]);
    }
    examples = std::move(kept_examples);
    labels = std::move(kept_labels);
  }
  set.x = builder->Build(examples);
  set.labels = std::move(labels);
  for (const DealExample& example : examples) {
    set.entities.push_back(example.deal);
    set.days.push_back(example.day);
  }
  FillDealGroups(data, set);
  return set;
}

TrainingSet AccountSet(const Dataset& data, std::vector<AccountExample> examples, std::vector<float> labels) {
  TrainingSet set;
  set.kind = ModelKind::kAccountRisk;
  set.sampled_from = static_cast<int64_t>(examples.size());
  set.x = BuildAccountFeatures(data, examples);
  set.labels = std::move(labels);
  for (const AccountExample& example : examples) {
    set.entities.push_back(example.account);
    set.days.push_back(example.day);
    set.sectors.push_back(data.accounts[example.account].sector);
    set.offices.push_back(kNoIndex);
  }
  return set;
}

//! An Error when the account features asked for are not the ones the builder makes (a stale model).
Status CheckAccountFeatures(const TrainingSet& set, std::span<const std::string> features) {
  std::vector<std::string> built;
  for (const FeatureSpec& spec : set.x.features) built.push_back(spec.name);
  if (std::vector<std::string>(features.begin(), features.end()) != built) {
    return Error{
        "the account_risk model was trained on other features than this data gives; run `train` again"};
  }
  return Status::Ok();
}

}  // namespace

TrainingSet TrainingSet::SelectRows(std::span<const int32_t> rows) const {
  TrainingSet out;
  out.kind = kind;
  out.x = x.SelectRows(rows);
  out.sampled_from = static_cast<int64_t>(rows.size());
  for (int32_t row : rows) {
    if (!labels.empty()) out.labels.push_back(labels[row]);
    out.entities.push_back(entities[row]);
    out.days.push_back(days[row]);
    out.sectors.push_back(sectors[row]);
    out.offices.push_back(offices[row]);
  }
  return out;
}

std::vector<std::string> DefaultFeatureNames(const Dataset& data, ModelKind kind) {
  const bool has_activities = data.activities.size() > 0;
  switch (kind) {
    case ModelKind::kOpportunityWin:
      return DealFeatureBuilder::DefaultFeatures(DealFeatureSet::kOpportunityWin, has_activities);
    case ModelKind::kLeadScore:
      return DealFeatureBuilder::DefaultFeatures(DealFeatureSet::kLeadScore, has_activities);
    case ModelKind::kAccountRisk:
      break;
  }
  std::vector<std::string> names;
  for (const FeatureSpec& spec : AccountRiskFeatureSpecs(data)) names.push_back(spec.name);
  return names;
}

Result<TrainingSet> BuildTrainingSet(const Dataset& data, ModelKind kind, int32_t known_by,
                                     std::span<const std::string> features) {
  switch (kind) {
    case ModelKind::kOpportunityWin: {
      DealExamples examples = WinTrainingExamples(data, known_by);
      return DealSet(data, kind, std::move(examples.examples), std::move(examples.labels), features);
    }
    case ModelKind::kLeadScore: {
      DealExamples examples = LeadTrainingExamples(data, known_by);
      return DealSet(data, kind, std::move(examples.examples), std::move(examples.labels), features);
    }
    case ModelKind::kAccountRisk:
      break;
  }
  AccountExamples examples = AccountRiskTrainingExamples(data, known_by);
  TrainingSet set = AccountSet(data, std::move(examples.examples), std::move(examples.labels));
  if (Status checked = CheckAccountFeatures(set, features); !checked.ok()) return checked.error();
  return set;
}

Result<TrainingSet> BuildScoringSet(const Dataset& data, ModelKind kind, int32_t as_of,
                                    std::span<const std::string> features) {
  if (kind == ModelKind::kAccountRisk) {
    TrainingSet set = AccountSet(data, AccountRiskScoringExamples(data, as_of), {});
    if (Status checked = CheckAccountFeatures(set, features); !checked.ok()) return checked.error();
    return set;
  }
  const DealStage stage = kind == ModelKind::kOpportunityWin ? DealStage::kEngaging : DealStage::kProspecting;
  return DealSet(data, kind, OpenDealExamples(data, as_of, stage), {}, features);
}

Result<TrainingSet> BuildDealScoringSet(const Dataset& data, ModelKind kind, int32_t as_of,
                                        std::span<const int32_t> deals,
                                        std::span<const std::string> features) {
  std::vector<DealExample> examples;
  for (int32_t deal : deals) examples.push_back({deal, as_of});
  return DealSet(data, kind, std::move(examples), {}, features);
}

}  // namespace crm::models
