#include "crm/ingest/typo_detector.h"

#include <gtest/gtest.h>

#include "crm/ingest/vocabulary.h"

namespace crm::ingest {
namespace {

using Fixes = std::map<std::string, std::string>;

TEST(TypoDetectorTest, FixesAValueCloseToAVocabularyWordKeepingTheColumnsCase) {
  const std::map<std::string, int64_t> sectors = {
      {"technolgy", 12}, {"medical", 12}, {"retail", 17}, {"software", 7}, {"telecommunications", 8}};
  EXPECT_EQ(FindTypos(sectors, {IndustryNames()}), (Fixes{{"technolgy", "technology"}}));
}

TEST(TypoDetectorTest, FixesAMisspelledCountry) {
  const std::map<std::string, int64_t> countries = {
      {"United States", 71}, {"Philipines", 1}, {"Kenya", 1}, {"Korea", 1}, {"Norway", 1}};
  EXPECT_EQ(FindTypos(countries, {CountryNames()}), (Fixes{{"Philipines", "Philippines"}}));
}

TEST(TypoDetectorTest, NeverChangesAKnownWordEvenNextToAnother) {
  const std::map<std::string, int64_t> countries = {{"Austria", 1}, {"Australia", 9}, {"Niger", 1}, {"Nigeria", 5}};
  EXPECT_TRUE(FindTypos(countries, {CountryNames()}).empty());
}

TEST(TypoDetectorTest, FixesARareValueNextToAFrequentOneWithoutAVocabulary) {
  const std::map<std::string, int64_t> managers = {{"Melvin Marxen", 6}, {"Melvin Marxon", 1}, {"Cara Losch", 6}};
  EXPECT_EQ(FindTypos(managers, {}), (Fixes{{"Melvin Marxon", "Melvin Marxen"}}));
}

TEST(TypoDetectorTest, LeavesValuesOfSimilarFrequencyAlone) {
  const std::map<std::string, int64_t> managers = {{"Melvin Marxen", 3}, {"Melvin Marxon", 2}};
  EXPECT_TRUE(FindTypos(managers, {}).empty());
}

TEST(TypoDetectorTest, LeavesAmbiguousCorrectionsAlone) {
  // "Centra" is one edit from both "Central" and "Centre": no unambiguous fix.
  const std::map<std::string, int64_t> offices = {{"Central", 9}, {"Centre", 9}, {"Centra", 1}};
  EXPECT_TRUE(FindTypos(offices, {}).empty());
}

TEST(TypoDetectorTest, LeavesShortValuesAlone) {
  const std::map<std::string, int64_t> offices = {{"East", 9}, {"Eats", 1}, {"West", 9}};
  EXPECT_TRUE(FindTypos(offices, {}).empty());
}

}  // namespace
}  // namespace crm::ingest
