#include "crm/models/deal_scorer.h"

#include <cmath>

#include "crm/common/date.h"
#include "crm/models/model_text.h"

namespace crm::models {

namespace {

//! A builder for the model's features, or nullopt when there is no model (or its features are unknown).
std::optional<DealFeatureBuilder> BuilderOf(const Dataset& data, const TrainedModel* model,
                                            const std::shared_ptr<const ActivityDays>& activities) {
  if (!model) return std::nullopt;
  const std::vector<std::string> names = model->FeatureNames();
  Result<DealFeatureBuilder> builder = DealFeatureBuilder::Create(data, names, activities);
  if (!builder.ok()) return std::nullopt;
  return std::move(builder).value();
}

//! Where `row` lies outside the training data of `model`: a value missing that was never missing, or a
//! number beyond the largest one seen.
std::vector<std::string> Cautions(const TrainedModel& model, std::span<const float> row) {
  std::vector<std::string> cautions;
  std::string unknown;
  for (size_t i = 0; i < model.features.size() && i < model.missing_seen.size(); ++i) {
    const FeatureSpec& spec = model.features[i];
    if (std::isnan(row[i]) && !model.missing_seen[i]) {
      unknown += (unknown.empty() ? "" : ", ") + spec.description;
    } else if (!std::isnan(row[i]) && i < model.maximum.size() && !std::isnan(model.maximum[i]) &&
               row[i] > model.maximum[i]) {
      cautions.push_back(spec.description + " is " + FormatFeatureValue(spec, row[i]) +
                         ", beyond any deal the model learned from (at most " +
                         FormatFeatureValue(spec, model.maximum[i]) + ")");
    }
  }
  if (!unknown.empty()) {
    cautions.insert(cautions.begin(),
                    "unknown for this deal, but known for every deal the model learned from: " + unknown);
  }
  return cautions;
}

}  // namespace

nlohmann::json ToJson(const DealScore& score) {
  nlohmann::json factors = nlohmann::json::array();
  for (const Factor& factor : score.factors) factors.push_back(ToJson(factor));
  nlohmann::json out = {
      {"opportunity_id", score.opportunity_id}, {"stage", score.stage},         {"model", score.model},
      {"probability", score.probability},       {"tier", TierName(score.tier)}, {"factors", factors},
      {"model_version", score.model_version}};
  if (!score.note.empty()) out["note"] = score.note;
  if (HasValue(score.model_auc)) out["model_auc"] = score.model_auc;
  if (!score.reliability.empty()) out["reliability"] = score.reliability;
  out["cautions"] = score.cautions;
  return out;
}

DealScorer::DealScorer(const Dataset& data, const ModelSet& models, int32_t as_of)
    : DealScorer(data, models, as_of, ActivityDays::Of(data)) {}

DealScorer::DealScorer(const Dataset& data, const ModelSet& models, int32_t as_of,
                       const std::shared_ptr<const ActivityDays>& activities)
    : data_(&data),
      models_(&models),
      as_of_(as_of),
      win_builder_(BuilderOf(data, models.Find(ModelKind::kOpportunityWin), activities)),
      lead_builder_(BuilderOf(data, models.Find(ModelKind::kLeadScore), activities)),
      counts_(CountDealHistory(data, as_of)) {}

const DealFeatureBuilder* DealScorer::BuilderFor(ModelKind kind) const {
  const std::optional<DealFeatureBuilder>& builder =
      kind == ModelKind::kLeadScore ? lead_builder_ : win_builder_;
  return builder ? &*builder : nullptr;
}

double DealScorer::HistoricalRate(int32_t deal) const {
  const int32_t product = data_->opportunities.product[deal];
  const int32_t closed = counts_.product_closed[product];
  return closed > 0 ? static_cast<double>(counts_.product_won[product]) / closed : kNoNumber;
}

Result<DealScore> DealScorer::Score(int32_t deal) const {
  const OpportunityColumns& deals = data_->opportunities;
  const std::string id(deals.id[deal]);
  const int32_t engaged = deals.engage_date[deal];
  const int32_t closed = deals.close_date[deal];
  if (IsClosed(deals.deal_stage[deal]) && closed != kNoDay && closed <= as_of_) {
    return Error{"opportunity " + id + " is already " + std::string(DealStageName(deals.deal_stage[deal])) +
                 " (closed " + FormatIsoDate(closed) + "): only open deals are scored"};
  }
  const bool prospect = deals.deal_stage[deal] == DealStage::kProspecting;
  if (!prospect && (engaged == kNoDay || engaged > as_of_)) {
    return Error{"opportunity " + id + " was not engaged yet on " + FormatIsoDate(as_of_)};
  }
  const ModelKind kind = prospect ? ModelKind::kLeadScore : ModelKind::kOpportunityWin;
  DealScore score;
  score.opportunity_id = id;
  score.stage = prospect ? "Prospecting" : "Engaging";
  score.model = std::string(ModelName(kind));
  const TrainedModel* model = models_->Find(kind);
  const DealFeatureBuilder* builder = BuilderFor(kind);
  if (!model || !builder) {
    score.probability = HistoricalRate(deal);
    if (std::isnan(score.probability))
      return Error{"no model and no closed deals of this product to score " + id};
    score.model_version = "historical win rate";
    score.note = models_->slot(kind).unavailable + "; the probability is the product's historical win rate";
    score.tier = TierOf(score.probability);
    return score;
  }
  std::vector<float> row(builder->specs().size());
  builder->FillRow(counts_, deal, row);
  Result<std::vector<float>> contributions = model->booster->RowContributions(row);
  if (!contributions.ok()) return contributions.error();
  double margin = 0;
  for (float c : *contributions) margin += c;
  score.probability = model->calibrator.Apply(1.0 / (1.0 + std::exp(-margin)));
  score.tier = TierOf(score.probability);
  score.factors = TopFactors(*model, row, *contributions);
  score.model_version = model->VersionLabel();
  score.model_auc = model->metrics.value("auc", kNoNumber);
  score.reliability = AucVerdict(score.model_auc);
  score.cautions = Cautions(*model, row);
  return score;
}

Result<std::vector<float>> DealScorer::Probabilities(ModelKind kind, std::span<const int32_t> deals) const {
  const TrainedModel* model = models_->Find(kind);
  const DealFeatureBuilder* builder = BuilderFor(kind);
  if (!model || !builder) {
    std::vector<float> rates;
    rates.reserve(deals.size());
    for (int32_t deal : deals) rates.push_back(static_cast<float>(HistoricalRate(deal)));
    return rates;
  }
  return model->Probabilities(builder->BuildAt(counts_, deals));
}

}  // namespace crm::models
