#include "crm/analytics/correlation.h"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace crm::analytics {
namespace {

TEST(CorrelationTest, EachPairUsesOnlyTheRowsWhereBothArePresent) {
  const std::vector<NumericField> fields = {
      {"a", {1, 2, 3, NAN, 5, 100}},
      {"b", {2, 4, 6, 8, NAN, NAN}},
      {"c", {3, 2, 1, 0, -1, NAN}},
  };
  const CorrelationMatrix matrix = PairwiseCorrelation(fields);
  EXPECT_EQ(matrix.fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_NEAR(matrix.r[0][1], 1.0, 1e-12);  // rows 0-2 only: b = 2a there
  EXPECT_EQ(matrix.n[0][1], 3);
  EXPECT_EQ(matrix.n[1][0], 3);
  EXPECT_NEAR(matrix.r[0][2], -1.0, 1e-12);  // rows 0, 1, 2, 4
  EXPECT_EQ(matrix.n[0][2], 4);
  EXPECT_NEAR(matrix.r[0][0], 1.0, 1e-12);
  EXPECT_EQ(matrix.n[0][0], 5);
}

TEST(CorrelationTest, TooFewRowsOrAConstantFieldLeaveTheCellEmpty) {
  const std::vector<NumericField> fields = {
      {"x", {1, 2, NAN, NAN}},
      {"y", {5, 9, 1, NAN}},
      {"flat", {4, 4, 4, 4}},
  };
  const CorrelationMatrix matrix = PairwiseCorrelation(fields);
  EXPECT_TRUE(std::isnan(matrix.r[0][1]));
  EXPECT_EQ(matrix.n[0][1], 2);
  EXPECT_TRUE(std::isnan(matrix.r[1][2]));
  EXPECT_EQ(matrix.n[1][2], 3);
  const nlohmann::json json = ToJson(matrix);
  EXPECT_TRUE(json["matrix"][0][1].is_null());
  EXPECT_EQ(json["n"][1][2], 3);
  EXPECT_EQ(json["fields"], nlohmann::json({"x", "y", "flat"}));
}

TEST(CorrelationTest, KnownValueAndLengthMismatch) {
  // r of (1,2,3,4,5) and (2,1,4,3,5) is 0.8.
  const std::vector<NumericField> fields = {{"u", {1, 2, 3, 4, 5}}, {"v", {2, 1, 4, 3, 5}}};
  EXPECT_NEAR(PairwiseCorrelation(fields).r[0][1], 0.8, 1e-12);
  const std::vector<NumericField> uneven = {{"u", {1, 2, 3}}, {"v", {1, 2}}};
  EXPECT_THROW(PairwiseCorrelation(uneven), std::invalid_argument);
}

}  // namespace
}  // namespace crm::analytics
