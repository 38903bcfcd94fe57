#include "crm/models/booster.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <thread>
#include <vector>

namespace crm::models {
namespace {

// Rows with a planted signal: label = (x0 > 0.5) xor (category == 2), a tenth of x0 missing with the
// label then as if x0 > 0.5, and 5% of labels flipped. `noise` carries nothing; `constant` is always 1.
struct Sample {
  FeatureMatrix x;
  std::vector<float> labels;
};

constexpr int kCategories = 6;
constexpr int kX0 = 0;
constexpr int kCategory = 1;
constexpr int kNoise = 2;
constexpr int kConstant = 3;

FeatureMatrix EmptyMatrix() {
  FeatureMatrix x;
  x.features = {{"x0", "a number", FeatureKind::kNumeric, {}},
                {"category", "a category", FeatureKind::kCategorical, {"a", "b", "c", "d", "e", "f"}},
                {"noise", "nothing", FeatureKind::kNumeric, {}},
                {"constant", "always 1", FeatureKind::kNumeric, {}}};
  return x;
}

float Uniform(std::mt19937& random) { return static_cast<float>(random() >> 8) / 16777216.0f; }

Sample PlantedSignal(int rows, uint32_t seed) {
  std::mt19937 random(seed);
  Sample sample{EmptyMatrix(), {}};
  for (int row = 0; row < rows; ++row) {
    const bool missing = random() % 10 == 0;
    const float x0 = missing ? kMissingFeature : Uniform(random);
    const int category = static_cast<int>(random() % kCategories);
    const bool high = missing || x0 > 0.5f;
    const bool flipped = random() % 20 == 0;
    sample.x.values.insert(sample.x.values.end(), {x0, static_cast<float>(category), Uniform(random), 1.0f});
    sample.labels.push_back(((high != (category == 2)) != flipped) ? 1.0f : 0.0f);
  }
  return sample;
}

// The share of rows (among those `keep` accepts) whose probability falls on the side of their label.
template <typename Keep>
double Accuracy(const std::vector<float>& probabilities, const Sample& sample, Keep keep) {
  int right = 0;
  int total = 0;
  for (size_t row = 0; row < sample.labels.size(); ++row) {
    if (!keep(row)) continue;
    ++total;
    right += (probabilities[row] > 0.5f) == (sample.labels[row] == 1.0f) ? 1 : 0;
  }
  return total == 0 ? 0.0 : static_cast<double>(right) / total;
}

// Default settings on one thread: the tests' data are small, and on a busy machine OpenMP threads waiting
// for each other can take many times longer than one thread alone.
BoosterSettings OneThread() {
  BoosterSettings settings;
  settings.nthread = 1;
  return settings;
}

Booster TrainOrDie(const Sample& sample, const BoosterSettings& settings = OneThread()) {
  Result<Booster> booster = Booster::Train(sample.x, sample.labels, settings);
  EXPECT_TRUE(booster.ok()) << booster.error().message;
  return std::move(booster).value();
}

std::vector<float> PredictOrDie(const Booster& booster, const FeatureMatrix& x) {
  Result<std::vector<float>> p = booster.Predict(x);
  EXPECT_TRUE(p.ok()) << p.error().message;
  return p.ok() ? *p : std::vector<float>();
}

std::vector<float> ContributionsOrDie(const Booster& booster, const FeatureMatrix& x) {
  Result<std::vector<float>> c = booster.Contributions(x);
  EXPECT_TRUE(c.ok()) << c.error().message;
  return c.ok() ? *c : std::vector<float>();
}

std::string SaveOrDie(const Booster& booster) {
  Result<std::string> bytes = booster.Save();
  EXPECT_TRUE(bytes.ok()) << bytes.error().message;
  return bytes.ok() ? *bytes : std::string();
}

TEST(BoosterTest, RecoversAPlantedSignalOnHeldOutRows) {
  const Booster booster = TrainOrDie(PlantedSignal(4000, 1));
  const Sample held_out = PlantedSignal(2000, 2);
  const std::vector<float> p = PredictOrDie(booster, held_out.x);
  ASSERT_EQ(p.size(), 2000u);
  // The best possible accuracy is 95% (5% of labels are flipped at random); guessing gives 50%.
  EXPECT_GT(Accuracy(p, held_out, [](size_t) { return true; }), 0.90);
  for (float probability : p) {
    EXPECT_GT(probability, 0.0f);
    EXPECT_LT(probability, 1.0f);
  }
}

TEST(BoosterTest, LearnsWhatAMissingValueMeans) {
  // Rows whose x0 is missing behave as x0 > 0.5: only a model that sends them down their own side of
  // the x0 splits gets them right, beyond the 50% of a guess.
  const Booster booster = TrainOrDie(PlantedSignal(4000, 3));
  const Sample held_out = PlantedSignal(2000, 4);
  const std::vector<float> p = PredictOrDie(booster, held_out.x);
  const auto missing = [&](size_t row) { return std::isnan(held_out.x.At(row, kX0)); };
  EXPECT_GT(Accuracy(p, held_out, missing), 0.85);
}

TEST(BoosterTest, SplitsACategoricalFeatureOnCategoriesNotOnTheirOrder) {
  // label = category is 1 or 3, exactly. One stump (depth 1, one round) can only get this right by
  // splitting {1, 3} from {0, 2, 4, 5}: a split on the codes' order ("category < t") would leave a mixed
  // side whichever t it takes. With eta 1, a pure side's leaf weight is one Newton step from the base
  // margin 0: -G/(H + lambda) = 0.5n / (0.25n + 1) ≈ ±2, far from 0.
  Sample sample{EmptyMatrix(), {}};
  for (int row = 0; row < 600; ++row) {
    const int category = row % kCategories;
    sample.x.values.insert(sample.x.values.end(), {0.5f, static_cast<float>(category), 0.5f, 1.0f});
    sample.labels.push_back(category == 1 || category == 3 ? 1.0f : 0.0f);
  }
  BoosterSettings stump = OneThread();
  stump.max_depth = 1;
  stump.rounds = 1;
  stump.eta = 1;
  const Booster booster = TrainOrDie(sample, stump);
  const std::vector<float> p = PredictOrDie(booster, sample.x);
  for (int category = 0; category < kCategories; ++category) {
    SCOPED_TRACE("category " + std::to_string(category));
    if (category == 1 || category == 3) {
      EXPECT_GT(p[category], 0.85f);
    } else {
      EXPECT_LT(p[category], 0.15f);
    }
  }
}

TEST(BoosterTest, GainGoesToTheColumnsThatCarryTheSignal) {
  const Booster booster = TrainOrDie(PlantedSignal(4000, 5));
  const std::vector<double> gain = booster.GainImportance();
  ASSERT_EQ(gain.size(), 4u);
  EXPECT_GT(gain[kX0], 10 * gain[kNoise]);
  EXPECT_GT(gain[kCategory], 10 * gain[kNoise]);
  EXPECT_EQ(gain[kConstant], 0.0);  // a constant column is never split on
}

TEST(BoosterTest, ContributionsSumToTheMarginWithTheBiasLast) {
  const Booster booster = TrainOrDie(PlantedSignal(2000, 6));
  const Sample sample = PlantedSignal(50, 7);
  const std::vector<float> contributions = ContributionsOrDie(booster, sample.x);
  Result<std::vector<float>> margin = booster.PredictMargin(sample.x);
  ASSERT_TRUE(margin.ok()) << margin.error().message;
  const std::vector<float> p = PredictOrDie(booster, sample.x);
  constexpr size_t kWidth = 5;  // 4 columns and the bias
  ASSERT_EQ(contributions.size(), 50 * kWidth);
  for (size_t row = 0; row < 50; ++row) {
    double sum = 0;
    for (size_t column = 0; column < kWidth; ++column) sum += contributions[row * kWidth + column];
    EXPECT_NEAR(sum, (*margin)[row], 1e-4);
    EXPECT_NEAR(1 / (1 + std::exp(-(*margin)[row])), p[row], 1e-6);
    // The bias is the same expected margin for every row; the constant column contributes nothing.
    EXPECT_EQ(contributions[row * kWidth + 4], contributions[4]);
    EXPECT_EQ(contributions[row * kWidth + kConstant], 0.0f);
  }
}

TEST(BoosterTest, OneRowContributionsAreThoseOfAOneRowMatrix) {
  const Booster booster = TrainOrDie(PlantedSignal(2000, 6));
  const Sample sample = PlantedSignal(20, 8);
  const std::vector<float> all = ContributionsOrDie(booster, sample.x);
  constexpr size_t kWidth = 5;  // 4 columns and the bias
  for (size_t row = 0; row < 20; ++row) {
    // Categorical splits too: the unnamed one-row matrix must be read with the model's column types.
    Result<std::vector<float>> one = booster.RowContributions(sample.x.Row(row));
    ASSERT_TRUE(one.ok()) << one.error().message;
    EXPECT_EQ(*one, std::vector<float>(all.begin() + row * kWidth, all.begin() + (row + 1) * kWidth));
  }
  Result<std::vector<float>> short_row = booster.RowContributions(sample.x.Row(0).first(3));
  ASSERT_FALSE(short_row.ok());
  EXPECT_EQ(short_row.error().message, "predicting: the row has 3 values, the model reads 4");
}

TEST(BoosterTest, SaveThenLoadPredictsTheSame) {
  const Booster trained = TrainOrDie(PlantedSignal(1000, 8));
  const std::string bytes = SaveOrDie(trained);
  Result<Booster> loaded = Booster::Load(bytes, 1);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->Columns(), 4);
  ASSERT_EQ(loaded->Features().size(), 4u);
  EXPECT_EQ(loaded->Features()[kCategory].name, "category");
  EXPECT_EQ(loaded->Features()[kCategory].kind, FeatureKind::kCategorical);
  EXPECT_EQ(loaded->Features()[kNoise].kind, FeatureKind::kNumeric);
  const Sample sample = PlantedSignal(200, 9);
  EXPECT_EQ(PredictOrDie(*loaded, sample.x), PredictOrDie(trained, sample.x));
  EXPECT_EQ(ContributionsOrDie(*loaded, sample.x), ContributionsOrDie(trained, sample.x));
  EXPECT_EQ(loaded->GainImportance(), trained.GainImportance());
  EXPECT_EQ(SaveOrDie(*loaded), bytes);
}

TEST(BoosterTest, LoadingGarbageIsAnError) {
  const std::string bytes = SaveOrDie(TrainOrDie(PlantedSignal(500, 10)));
  const std::string garbage[] = {
      "",
      "x",
      "not a model at all",
      std::string("binf\0\0\0\0\xff\xff\xff\x7f", 12),  // the legacy binary header with a huge count
      "{}",
      R"({"learner": 1})",
      "{L\xff\xff\xff\xff\xff\xff\xff\x7f",  // a UBJ object whose first key claims 2^63 bytes
      bytes.substr(0, bytes.size() / 2),
      bytes.substr(0, bytes.size() - 1),
  };
  for (const std::string& bad : garbage) {
    SCOPED_TRACE("bytes of size " + std::to_string(bad.size()));
    Result<Booster> loaded = Booster::Load(bad, 1);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().message.rfind("loading a booster", 0), 0u) << loaded.error().message;
    EXPECT_EQ(loaded.error().message.find('\n'), std::string::npos) << loaded.error().message;
  }
}

TEST(BoosterTest, PredictingOnOtherColumnsIsAnError) {
  const Booster booster = TrainOrDie(PlantedSignal(500, 11));
  const Sample sample = PlantedSignal(10, 12);

  const std::vector<int> three = {kX0, kCategory, kNoise};
  Result<std::vector<float>> p = booster.Predict(sample.x.SelectColumns(three));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().message, "predicting: the feature matrix has 3 columns, the model reads 4");

  const std::vector<int> swapped = {kX0, kNoise, kCategory, kConstant};
  p = booster.Predict(sample.x.SelectColumns(swapped));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().message, "predicting: column 2 is 'noise', the model reads 'category' there");

  FeatureMatrix numeric_category = sample.x;
  numeric_category.features[kCategory].kind = FeatureKind::kNumeric;
  Result<std::vector<float>> c = booster.Contributions(numeric_category);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message,
            "predicting: column 2 'category' is numeric, the model reads it as categorical");

  FeatureMatrix ragged = sample.x;
  ragged.values.pop_back();
  ASSERT_FALSE(booster.PredictMargin(ragged).ok());
}

TEST(BoosterTest, NoRowsGiveNoPredictions) {
  const Booster booster = TrainOrDie(PlantedSignal(500, 13));
  const std::vector<float> p = PredictOrDie(booster, EmptyMatrix());
  EXPECT_TRUE(p.empty());
}

TEST(BoosterTest, RefusesDataItCannotTrainOn) {
  const Sample sample = PlantedSignal(100, 14);
  const BoosterSettings settings = OneThread();
  Result<Booster> booster = Booster::Train(sample.x, std::span(sample.labels).first(99), settings);
  ASSERT_FALSE(booster.ok());
  EXPECT_EQ(booster.error().message, "training a booster: 99 labels for 100 rows");

  const std::vector<float> weights(3, 1.0f);
  booster = Booster::Train(sample.x, sample.labels, settings, weights);
  ASSERT_FALSE(booster.ok());
  EXPECT_EQ(booster.error().message, "training a booster: 3 weights for 100 rows");

  FeatureMatrix repeated = sample.x;
  repeated.features[kNoise].name = "x0";
  booster = Booster::Train(repeated, sample.labels, settings);
  ASSERT_FALSE(booster.ok());
  EXPECT_EQ(booster.error().message, "training a booster: the feature name 'x0' is repeated");

  booster = Booster::Train(EmptyMatrix(), {}, settings);
  ASSERT_FALSE(booster.ok());
  EXPECT_EQ(booster.error().message, "training a booster: the feature matrix has no rows");

  BoosterSettings no_trees = OneThread();
  no_trees.rounds = 0;
  booster = Booster::Train(sample.x, sample.labels, no_trees);
  ASSERT_FALSE(booster.ok());
  EXPECT_EQ(booster.error().message,
            "training a booster: booster setting 'rounds' must be 1 or more (got 0)");

  std::vector<float> bad_labels = sample.labels;
  bad_labels[0] = 2;  // binary:logistic takes labels in [0, 1]: XGBoost's own message follows
  booster = Booster::Train(sample.x, bad_labels, settings);
  ASSERT_FALSE(booster.ok());
  EXPECT_EQ(booster.error().message.rfind("training tree 1: ", 0), 0u) << booster.error().message;
}

TEST(BoosterTest, WeightsDecideWhichRowsCount) {
  // Every row appears twice with opposite labels; the copy with the planted label weighs 1, the other 0.
  // Unweighted, the data carry no signal (each input is half 0, half 1); weighted, the signal is plain.
  const Sample planted = PlantedSignal(2000, 15);
  Sample doubled{planted.x, planted.labels};
  doubled.x.values.insert(doubled.x.values.end(), planted.x.values.begin(), planted.x.values.end());
  std::vector<float> weights(2000, 1.0f);
  for (float label : planted.labels) {
    doubled.labels.push_back(1.0f - label);
    weights.push_back(0.0f);
  }
  Result<Booster> booster = Booster::Train(doubled.x, doubled.labels, OneThread(), weights);
  ASSERT_TRUE(booster.ok()) << booster.error().message;
  const Sample held_out = PlantedSignal(1000, 16);
  EXPECT_GT(Accuracy(PredictOrDie(*booster, held_out.x), held_out, [](size_t) { return true; }), 0.90);
}

TEST(BoosterTest, SameSeedSameModelOtherSeedOtherModel) {
  const Sample sample = PlantedSignal(1000, 17);
  BoosterSettings sampled = OneThread();
  sampled.subsample = 0.6;
  sampled.colsample_bytree = 0.6;
  sampled.rounds = 20;
  sampled.seed = 7;
  const std::string first = SaveOrDie(TrainOrDie(sample, sampled));
  EXPECT_EQ(SaveOrDie(TrainOrDie(sample, sampled)), first);
  // Another seed draws other rows and columns for each tree (subsample and colsample are below 1).
  sampled.seed = 8;
  const Booster other = TrainOrDie(sample, sampled);
  Result<Booster> again = Booster::Load(first, 1);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_NE(PredictOrDie(other, sample.x), PredictOrDie(*again, sample.x));
}

TEST(BoosterTest, OneLoadedBoosterServesTwoThreadsAtOnce) {
  Result<Booster> booster = Booster::Load(SaveOrDie(TrainOrDie(PlantedSignal(1000, 18))), 1);
  ASSERT_TRUE(booster.ok()) << booster.error().message;
  // Each thread scores its own rows (probabilities in place, contributions through a DMatrix) and checks
  // every answer against one computed alone: a buffer shared between threads would mix them up.
  const Sample samples[] = {PlantedSignal(32, 19), PlantedSignal(16, 20)};
  std::vector<float> expected_p[2];
  std::vector<float> expected_c[2];
  for (int t = 0; t < 2; ++t) {
    expected_p[t] = PredictOrDie(*booster, samples[t].x);
    expected_c[t] = ContributionsOrDie(*booster, samples[t].x);
  }
  int wrong[2] = {0, 0};
  auto serve = [&](int t) {
    for (int i = 0; i < 25; ++i) {
      wrong[t] += PredictOrDie(*booster, samples[t].x) != expected_p[t] ? 1 : 0;
      wrong[t] += ContributionsOrDie(*booster, samples[t].x) != expected_c[t] ? 1 : 0;
    }
  };
  std::thread one(serve, 0);
  std::thread two(serve, 1);
  one.join();
  two.join();
  EXPECT_EQ(wrong[0], 0);
  EXPECT_EQ(wrong[1], 0);
}

TEST(BoosterTest, MovedBoosterKeepsWorking) {
  Booster booster = TrainOrDie(PlantedSignal(500, 21));
  const Sample sample = PlantedSignal(10, 22);
  const std::vector<float> expected = PredictOrDie(booster, sample.x);
  Booster moved = std::move(booster);
  EXPECT_EQ(PredictOrDie(moved, sample.x), expected);
  Booster assigned = TrainOrDie(PlantedSignal(500, 23));
  assigned = std::move(moved);
  EXPECT_EQ(PredictOrDie(assigned, sample.x), expected);
}

TEST(BoosterTest, FitsSharingOneTrainingMatrixAreTheFitsOnTheirOwn) {
  // A search trains its settings one after the other on one TrainingMatrix, whose quantile bins XGBoost
  // caches after the first fit: each booster must be the one trained on the FeatureMatrix alone (the
  // sample has categorical splits and missing values; both settings use the default max_bin).
  const Sample sample = PlantedSignal(3000, 9);
  const Sample held_out = PlantedSignal(500, 10);
  BoosterSettings shallow = OneThread();
  shallow.max_depth = 2;
  shallow.rounds = 15;
  BoosterSettings deep = OneThread();
  deep.max_depth = 5;
  deep.rounds = 10;
  deep.subsample = 0.8;
  deep.colsample_bytree = 0.8;
  Result<TrainingMatrix> rows = TrainingMatrix::Create(sample.x, sample.labels, 1);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  for (const BoosterSettings& settings : {shallow, deep, shallow}) {
    Result<Booster> shared = Booster::Train(*rows, settings);
    ASSERT_TRUE(shared.ok()) << shared.error().message;
    const Booster alone = TrainOrDie(sample, settings);
    EXPECT_EQ(SaveOrDie(*shared), SaveOrDie(alone)) << "max_depth " << settings.max_depth;
    EXPECT_EQ(PredictOrDie(*shared, held_out.x), PredictOrDie(alone, held_out.x));
  }
  EXPECT_NE(PredictOrDie(TrainOrDie(sample, shallow), held_out.x),
            PredictOrDie(TrainOrDie(sample, deep), held_out.x));
}

}  // namespace
}  // namespace crm::models
