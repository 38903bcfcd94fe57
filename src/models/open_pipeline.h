#pragma once
// The open engaged deals of the forecast, grouped so that a run costs the same for 1,500 deals or 150,000:
// the number won is drawn per group of deals with the same product, week of age and band of win
// probability, then the close periods of a product and week's winners are drawn together. Stalled deals
// (older than their product's P95 won cycle) are grouped by product and week stalled instead, win with the
// chance the stalled deals' history gives and close after a delay drawn from it. The groups of many deals
// (kNormalVariance) are drawn together instead: one multivariate normal of their revenue per period.

#include <cstdint>
#include <span>
#include <vector>

#include "crm/analytics/day_histogram.h"
#include "crm/demo/random.h"
#include "crm/models/binomial.h"
#include "crm/models/forecast_basis.h"
#include "forecast_horizon.h"

namespace crm::models {

//! How the open deals at the as-of date were taken in.
struct OpenPipelineCounts {
  int64_t simulated = 0;            //!< open engaged deals simulated
  int64_t without_probability = 0;  //!< of them, given NaN: the product's historical win rate used
  int64_t past_longest_cycle = 0;   //!< of them, not stalled but as old as every won cycle (or none exists)
  int64_t stalled = 0;              //!< of them, older than their product's P95 won cycle
  double stalled_value = 0;         //!< estimated value of the stalled deals
  double stalled_wins = 0;          //!< expected number of stalled deals won (sum of their chances)
  int64_t prospecting = 0;          //!< open deals without an engage date: left to new business
  int64_t without_value = 0;        //!< open engaged deals without an estimated value: left out
  double value = 0;                 //!< estimated value of the simulated deals
};

//! The open engaged deals in groups, ready to draw runs from.
class OpenPipeline {
 public:
  //! Days of age per timing group.
  static constexpr int32_t kAgeBucketDays = 7;
  //! Bands of win probability strictly between 0 and 1 (0 and 1 have their own).
  static constexpr int32_t kProbabilityBands = 20;
  //! A deal with no won cycle to go by, if won, closes uniformly within this many days.
  static constexpr int32_t kPastCycleCloseDays = 30;
  //! Up to this many winners of a timing group draw their periods one by one (cheaper than binomials).
  static constexpr int64_t kWinnersDrawnOneByOne = 16;
  //! A timing group whose count of winners has at least this variance joins the normal part: the revenue
  //! of all such groups per period is drawn at once from the multivariate normal of its exact means and
  //! covariances; so is a count of closes this variable within a smaller group.
  static constexpr double kNormalVariance = 25;

  //! Groups the deals of `rows` (deal rows visible at the basis' date) that are open and engaged then.
  //! Throws std::invalid_argument for a win probability outside [0, 1].
  OpenPipeline(const ForecastBasis& basis, const ForecastHorizon& horizon, std::span<const int32_t> rows);

  //! What one thread needs to draw runs: the winners per timing group and the normals of the current run.
  struct RunScratch {
    std::vector<int64_t> won;
    std::vector<double> normals;
  };
  //! A scratch sized for this pipeline.
  RunScratch NewScratch() const;
  //! Adds one run's won revenue to each period of `revenue` (one entry per horizon period).
  void DrawRun(demo::Rng& rng, RunScratch& scratch, std::span<double> revenue) const;
  //! Groups drawn one by one in every run: a measure of what a run costs.
  size_t GroupsPerRun() const { return win_samplers_.size() + timing_groups_.size(); }
  //! How the deals were taken in.
  const OpenPipelineCounts& counts() const { return counts_; }

 private:
  //! Deals of one product and week of age (or of stalling, or past the longest cycle): their value and, for a
  //! deal among them that is won, the chance to close in each period (the members' chances weighted by their
  //! win probabilities), cumulated for winners drawn one by one and as the conditional chances that draw
  //! the counts of many winners period after period.
  struct TimingGroup {
    double value = 0;
    double probability_sum = 0;
    double win_variance = 0;  //!< sum of p (1 - p): the variance of the number won (Poisson binomial)
    //! [period x period]: sum over deals of p^2 x P(closes in the one | won) x P(in the other | won)
    std::vector<double> timing_products;
    std::vector<double> weighted_timing;  //!< per period: sum of p x P(closes in it | open at its age)
    std::vector<double> cumulative;       //!< per period: P(closes in it or an earlier one | won)
    std::vector<double> conditional;      //!< per period: P(in it | won, not in an earlier period)
  };
  //! Deals of one timing group and probability band: the number won is Binomial(deals, mean p).
  struct WinGroup {
    int32_t timing = 0;
    int64_t deals = 0;
    double probability_sum = 0;
  };

  //! What the open deals of one product engaged on one day share: their timing group, their chances to
  //! close in each period if won and, when stalled, their chance to be won; with the sums of their win
  //! probabilities, which weigh the close chances into the group once all deals are in.
  struct EngageDay {
    int32_t timing = 0;
    bool stalled = false;
    bool past_longest_cycle = false;
    double stalled_chance = 0;
    size_t chances = 0;  //!< offset of its close chances per period in day_chances_
    double probability_sum = 0;
    double squared_probability_sum = 0;
  };

  //! Adds an open engaged deal with its given win probability (NaN: unknown).
  void AddDeal(int32_t row, double probability);
  //! The engage day of a product's deals, set up on first sight.
  EngageDay& EngageDayOf(int32_t product, int32_t engaged);
  //! Adds a deal of `day` to its timing group with `probability`.
  void AddToGroup(int32_t row, EngageDay& day, double probability);
  //! Weighs every engage day's close chances by its deals' probabilities into its timing group.
  void AddTimings();
  //! P(closes in each period | won, still open at the as-of date) into timing_scratch_, for a deal whose
  //! closes are `delays` days after `origin` (engagement for won cycles, the stall day for stalled
  //! deals); false when no delay is longer than its time since `origin`.
  bool Timing(const analytics::DayHistogram& delays, int32_t origin);
  //! No won cycle is longer than the deal's age: if won, it closes evenly over the next kPastCycleCloseDays
  //! (into timing_scratch_).
  void PastLongestCycleTiming();
  //! The timing group of a product's deals in `bucket` of `index` (one row of slots per product).
  int32_t TimingGroupOf(std::vector<std::vector<int32_t>>& index, int32_t product, int32_t bucket);
  void Finish();
  //! Moves the groups of large variance into the normal part: its mean and covariance factor.
  void BuildNormalPart();
  //! Adds the revenue of `winners` won deals of `group` to the periods they close in.
  static void DrawCloses(const TimingGroup& group, int64_t winners, demo::Rng& rng,
                         std::span<double> revenue);

  const ForecastBasis& basis_;
  const ForecastHorizon& horizon_;
  std::vector<TimingGroup> timing_groups_;
  std::vector<WinGroup> win_groups_;
  std::vector<BinomialSampler> win_samplers_;  //!< per win group
  std::vector<double> normal_mean_;            //!< per period: mean revenue of the normal part
  std::vector<double> normal_factor_;          //!< [period x period]: Cholesky factor of its covariance
  std::vector<double> timing_scratch_;
  //! [product][slot]: timing group, -1 when none yet; slot 0 past the longest cycle, then weeks of age.
  std::vector<std::vector<int32_t>> timing_index_;
  std::vector<std::vector<int32_t>> stalled_index_;  //!< [product][weeks stalled]: timing group
  std::vector<int32_t> win_index_;                   //!< [timing group x band]: win group, -1 when none yet
  std::vector<EngageDay> engage_days_;
  std::vector<std::vector<int32_t>> engage_day_index_;  //!< [product][days since engaged]: engage day, or -1
  std::vector<double> day_chances_;                     //!< per engage day, its close chances per period
  OpenPipelineCounts counts_;
};

}  // namespace crm::models
