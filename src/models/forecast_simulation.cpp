#include "crm/models/forecast_simulation.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "crm/analytics/deal_estimates.h"
#include "crm/analytics/period.h"
#include "crm/analytics/snapshot.h"
#include "crm/analytics/won_cycles.h"
#include "crm/demo/random.h"
#include "forecast_horizon.h"
#include "json_number.h"
#include "new_business_history.h"
#include "open_pipeline.h"

namespace crm::models {

namespace {

using analytics::PipelineSnapshot;

//! The random stream of the forecast (any fixed number: streams only need to differ between uses).
constexpr uint64_t kForecastStream = 0x466F7265;

//! Per period (the months, then the next quarter): each run's total and the means of the simulated parts.
struct Samples {
  std::vector<std::vector<double>> totals;  //!< [period][run]
  std::vector<double> open_mean;
  std::vector<double> new_mean;
};

//! Revenue won by the as-of date in each period; only the first can have started by then.
std::vector<double> AlreadyWon(const PipelineSnapshot& snapshot, std::span<const int32_t> rows,
                               const ForecastHorizon& horizon) {
  std::vector<double> won(static_cast<size_t>(horizon.size()), 0.0);
  const DayRange started{MonthDays(horizon.months().front()).first, horizon.as_of()};
  if (started.Length() == 0) return won;
  for (int32_t row : rows) {
    if (snapshot.Stage(row) != DealStage::kWon) continue;
    const double value = snapshot.CloseValue(row);
    if (started.Contains(snapshot.CloseDate(row)) && HasValue(value)) won.front() += value;
  }
  return won;
}

//! The runs are drawn in this many blocks, each from its own random stream, so that the forecast is the
//! same whether one thread draws them or several.
constexpr size_t kRunBlocks = 2;
//! Below this many groups drawn one by one per run, a second thread costs more than it saves.
constexpr size_t kParallelGroups = 64;

//! Draws runs [first, last) from random stream `stream` into `samples`: each run's totals, and the sums of
//! the simulated parts into `open_sum` and `new_sum` (per period).
void DrawRuns(const OpenPipeline& pipeline, const NewBusinessHistory& history, const ForecastHorizon& horizon,
              const std::vector<double>& already_won, uint64_t seed, uint64_t stream, size_t first,
              size_t last, Samples& samples, std::vector<double>& open_sum, std::vector<double>& new_sum) {
  const auto periods = static_cast<size_t>(horizon.size()), quarter = periods;
  demo::Rng rng(seed, stream);
  OpenPipeline::RunScratch scratch = pipeline.NewScratch();
  std::vector<double> open(periods);
  for (size_t run = first; run < last; ++run) {
    std::fill(open.begin(), open.end(), 0.0);
    pipeline.DrawRun(rng, scratch, open);
    const std::vector<double>* new_business =
        history.revenue.empty() ? nullptr : &history.revenue[rng.Below(history.revenue.size())];
    for (size_t m = 0; m < periods; ++m) {
      const double added = new_business ? (*new_business)[m] : 0.0;
      const double total = already_won[m] + open[m] + added;
      samples.totals[m][run] = total;
      open_sum[m] += open[m];
      new_sum[m] += added;
      if (!horizon.InNextQuarter(static_cast<int32_t>(m))) continue;
      samples.totals[quarter][run] += total;
      open_sum[quarter] += open[m];
      new_sum[quarter] += added;
    }
  }
}

Samples Run(const OpenPipeline& pipeline, const NewBusinessHistory& history, const ForecastHorizon& horizon,
            const std::vector<double>& already_won, const ForecastSettings& settings) {
  const auto periods = static_cast<size_t>(horizon.size());
  const auto runs = static_cast<size_t>(settings.runs);
  Samples samples{std::vector<std::vector<double>>(periods + 1, std::vector<double>(runs, 0.0)),
                  std::vector<double>(periods + 1, 0.0), std::vector<double>(periods + 1, 0.0)};
  std::vector<std::vector<double>> open_sums(kRunBlocks, std::vector<double>(periods + 1, 0.0));
  std::vector<std::vector<double>> new_sums = open_sums;
  auto draw_block = [&](size_t block) {
    DrawRuns(pipeline, history, horizon, already_won, settings.seed, kForecastStream + block,
             runs * block / kRunBlocks, runs * (block + 1) / kRunBlocks, samples, open_sums[block],
             new_sums[block]);
  };
  if (settings.threads > 1 && pipeline.GroupsPerRun() >= kParallelGroups) {
    std::vector<std::future<void>> others;
    for (size_t block = 1; block < kRunBlocks; ++block) {
      others.push_back(std::async(std::launch::async, draw_block, block));
    }
    draw_block(0);
    for (std::future<void>& other : others) other.get();
  } else {
    for (size_t block = 0; block < kRunBlocks; ++block) draw_block(block);
  }
  for (size_t block = 0; block < kRunBlocks; ++block) {  // summed in block order: the same on any thread
    for (size_t p = 0; p <= periods; ++p) {
      samples.open_mean[p] += open_sums[block][p];
      samples.new_mean[p] += new_sums[block][p];
    }
  }
  for (size_t p = 0; p <= periods; ++p) {
    samples.open_mean[p] /= static_cast<double>(runs);
    samples.new_mean[p] /= static_cast<double>(runs);
  }
  return samples;
}

//! The q-quantile (0..1) of sorted values, interpolating linearly between order statistics (as pandas).
double Quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<size_t>(std::floor(position));
  if (below + 1 >= sorted.size()) return sorted[below];
  return sorted[below] + (sorted[below + 1] - sorted[below]) * (position - static_cast<double>(below));
}

ForecastPeriod MakePeriod(std::string label, DayRange days, double already_won, const Samples& samples,
                          size_t index) {
  std::vector<double> sorted = samples.totals[index];
  std::sort(sorted.begin(), sorted.end());
  return {std::move(label),
          days.first,
          days.last,
          already_won,
          samples.open_mean[index],
          samples.new_mean[index],
          Quantile(sorted, 0.1),
          Quantile(sorted, 0.5),
          Quantile(sorted, 0.9)};
}

//! An expected count rounded to one decimal ("12.3", "0").
std::string FormatCount(double count) {
  const double rounded = std::round(count * 10) / 10;
  std::string text = std::to_string(rounded);
  text.erase(text.find('.') + 2);
  return text.back() == '0' ? text.substr(0, text.size() - 2) : text;
}

//! "1 past date", "6 past dates".
std::string PastDates(int32_t count) {
  return std::to_string(count) + (count == 1 ? " past date" : " past dates");
}

void AddPipelineNotes(const ForecastResult& result, std::vector<std::string>& notes) {
  notes.push_back(
      "Monte Carlo over " + std::to_string(result.settings.runs) + " runs (seed " +
      std::to_string(result.settings.seed) +
      "): in each run every open engaged deal is won with its win probability and, if won, closes after an "
      "engage-to-close time drawn from its product's won deals (all products' when the product has fewer "
      "than " +
      std::to_string(analytics::WonCycles::kMinProductWins) +
      " wins) among those longer than the deal has been open. P10, P50 and P90 are percentiles of the runs' "
      "totals; the quarter's are percentiles of each run's quarter total, not sums of the months'.");
  notes.push_back(
      "Each won deal counts at its estimated value: its product's list price times the mean ratio of won "
      "value to list price in that product's history (the list price alone without history). The range "
      "comes from which deals are won and when, not from the spread of won values within a product, which "
      "averages out over the many deals of a month.");
  notes.push_back("Deals are drawn in groups of one product, week of age and " +
                  std::to_string(100 / OpenPipeline::kProbabilityBands) +
                  "-point band of win probability: a binomial count of winners per group at its deals' mean "
                  "probability, then multinomial counts of their close months. A product and week of age "
                  "whose count of winners has a variance of at least " +
                  FormatCount(OpenPipeline::kNormalVariance) +
                  " draws it at once from the normal distribution of the same mean and variance (the sum of "
                  "p and of p (1 - p) over its deals), rounded; so do its close months.");
  if (result.open_deals_without_probability == result.open_deals_simulated &&
      result.open_deals_simulated > 0) {
    notes.push_back(
        "No model probabilities were given: every open deal carries its product's historical win rate.");
  } else if (result.open_deals_without_probability > 0) {
    notes.push_back("Open deals without a model probability, carrying their product's historical win rate: " +
                    std::to_string(result.open_deals_without_probability) + ".");
  }
  if (result.open_deals_stalled > 0) {
    notes.push_back(
        "Stalled deals (open longer than " +
        std::to_string(static_cast<int>(StalledHistory::kStallQuantile * 100)) +
        "% of their product's won deals took to close): " + std::to_string(result.open_deals_stalled) +
        ". Of the " + std::to_string(result.stalled_history_deals) +
        " deals that ever stalled by the as-of date, " + std::to_string(result.stalled_history_won) +
        " were won later; each stalled deal is won with the share of the deals stalled at least as long that "
        "were won later, and then closes after a delay drawn from theirs, in place of its win probability. "
        "About " +
        FormatCount(result.stalled_expected_wins) + " of them are expected to be won.");
  }
  if (result.open_deals_past_longest_cycle > 0) {
    notes.push_back(
        "Open deals not stalled but engaged as long ago as the longest cycle of a won deal of their "
        "product: " +
        std::to_string(result.open_deals_past_longest_cycle) +
        ". If won, they close at an even rate over the next " +
        std::to_string(OpenPipeline::kPastCycleCloseDays) + " days.");
  }
  if (result.prospecting_deals > 0) {
    notes.push_back("Prospecting deals: " + std::to_string(result.prospecting_deals) +
                    ". Without an engage date they are not simulated on their own: the new-business part "
                    "stands for every deal engaged after the as-of date, theirs included.");
  }
  if (result.open_deals_without_value > 0) {
    notes.push_back("Open engaged deals without an estimated value (no list price), left out: " +
                    std::to_string(result.open_deals_without_value) + ".");
  }
}

void AddNewBusinessNote(const NewBusinessHistory& history, std::vector<std::string>& notes) {
  const auto dates = static_cast<int32_t>(history.reference_days.size());
  if (dates == 0) {
    notes.push_back(
        "No past date has its following months in the history since the first win: new business is left "
        "out (0).");
    return;
  }
  std::string note =
      "New business is drawn from history: for " + PastDates(dates) +
      " in the same place in their "
      "month as the as-of date (" +
      FormatIsoDate(history.reference_days.back()) + " to " + FormatIsoDate(history.reference_days.front()) +
      ") whose following months ended by the as-of date, the revenue won in each following period by deals "
      "engaged after that date; each run takes one of them, so the range is theirs.";
  if (dates < NewBusinessHistory::kMinReferenceDates) {
    note += " Fewer than " + std::to_string(NewBusinessHistory::kMinReferenceDates) +
            " such dates exist: the new-business range says little.";
  }
  notes.push_back(std::move(note));
}

nlohmann::json PeriodJson(const ForecastPeriod& period) {
  return {{"label", period.label},
          {"first_day", FormatIsoDate(period.first_day)},
          {"last_day", FormatIsoDate(period.last_day)},
          {"already_won", JsonNumber(period.already_won)},
          {"expected_from_open", JsonNumber(period.expected_from_open)},
          {"expected_new_business", JsonNumber(period.expected_new_business)},
          {"expected_total", JsonNumber(period.expected_total())},
          {"p10", JsonNumber(period.p10)},
          {"p50", JsonNumber(period.p50)},
          {"p90", JsonNumber(period.p90)}};
}

}  // namespace

ForecastResult SimulateForecast(const ForecastBasis& basis, std::span<const int32_t> rows,
                                const ForecastSettings& settings) {
  if (settings.runs < 1) throw std::invalid_argument("a forecast needs at least one run");
  if (settings.threads < 1) throw std::invalid_argument("a forecast needs at least one thread");
  const ForecastHorizon horizon(basis.as_of());
  // The history of new business and what is already won are measured on another thread while this one
  // groups the open deals.
  std::future<std::pair<NewBusinessHistory, std::vector<double>>> measured =
      std::async(std::launch::async, [&] {
        return std::pair(
            MeasureNewBusiness(basis.data(), basis.snapshot(), rows, horizon, basis.cycles().first_won_day()),
            AlreadyWon(basis.snapshot(), rows, horizon));
      });
  OpenPipeline pipeline(basis, horizon, rows);
  const auto [history, already_won] = measured.get();
  const Samples samples = Run(pipeline, history, horizon, already_won, settings);

  ForecastResult result;
  result.as_of = basis.as_of();
  result.settings = settings;
  double quarter_won = 0;
  for (int32_t m = 0; m < horizon.size(); ++m) {
    const int32_t month = horizon.months()[static_cast<size_t>(m)];
    const double won = already_won[static_cast<size_t>(m)];
    result.months.push_back(
        MakePeriod(analytics::MonthLabel(month), MonthDays(month), won, samples, static_cast<size_t>(m)));
    if (horizon.InNextQuarter(m)) quarter_won += won;
  }
  result.next_quarter =
      MakePeriod(analytics::QuarterLabel(horizon.next_quarter()), QuarterDays(horizon.next_quarter()),
                 quarter_won, samples, static_cast<size_t>(horizon.size()));
  const OpenPipelineCounts& counts = pipeline.counts();
  result.open_deals_simulated = counts.simulated;
  result.open_deals_without_probability = counts.without_probability;
  result.open_deals_past_longest_cycle = counts.past_longest_cycle;
  result.open_deals_stalled = counts.stalled;
  result.stalled_value = counts.stalled_value;
  result.stalled_expected_wins = counts.stalled_wins;
  result.stalled_history_deals = basis.stalled().stalled();
  result.stalled_history_won = basis.stalled().won();
  result.open_deals_without_value = counts.without_value;
  result.prospecting_deals = counts.prospecting;
  result.open_value = counts.value;
  result.new_business_reference_dates = static_cast<int32_t>(history.reference_days.size());
  AddPipelineNotes(result, result.notes);
  AddNewBusinessNote(history, result.notes);
  return result;
}

ForecastResult SimulateForecast(const Dataset& data, int32_t as_of, std::span<const double> win_probability,
                                const ForecastSettings& settings) {
  const PipelineSnapshot snapshot(data, as_of, data.LatestDate());
  const analytics::DealEstimates estimates(data, snapshot);
  const analytics::WonCycles cycles(data, snapshot);
  const ForecastBasis basis(data, snapshot, estimates, cycles,
                            std::vector<double>(win_probability.begin(), win_probability.end()));
  std::vector<int32_t> visible;
  for (size_t i = 0; i < data.opportunities.size(); ++i) {
    if (snapshot.Visible(static_cast<int32_t>(i))) visible.push_back(static_cast<int32_t>(i));
  }
  return SimulateForecast(basis, visible, settings);
}

nlohmann::json ToJson(const ForecastResult& forecast) {
  nlohmann::json months = nlohmann::json::array();
  for (const ForecastPeriod& month : forecast.months) months.push_back(PeriodJson(month));
  return {{"as_of", FormatIsoDate(forecast.as_of)},
          {"runs", forecast.settings.runs},
          {"seed", forecast.settings.seed},
          {"months", std::move(months)},
          {"next_quarter", PeriodJson(forecast.next_quarter)},
          {"open_deals_simulated", forecast.open_deals_simulated},
          {"open_deals_without_probability", forecast.open_deals_without_probability},
          {"open_deals_past_longest_cycle", forecast.open_deals_past_longest_cycle},
          {"open_deals_stalled", forecast.open_deals_stalled},
          {"stalled_value", JsonNumber(forecast.stalled_value)},
          {"stalled_expected_wins", JsonNumber(forecast.stalled_expected_wins)},
          {"stalled_history_deals", forecast.stalled_history_deals},
          {"stalled_history_won", forecast.stalled_history_won},
          {"open_deals_without_value", forecast.open_deals_without_value},
          {"prospecting_deals", forecast.prospecting_deals},
          {"open_value", JsonNumber(forecast.open_value)},
          {"new_business_reference_dates", forecast.new_business_reference_dates},
          {"notes", forecast.notes}};
}

}  // namespace crm::models
