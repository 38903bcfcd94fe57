#include "crm/nlu/tokenizer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "crm/nlu/fuzzy_index.h"
#include "crm/nlu/text_normalization.h"

namespace crm::nlu {
namespace {

TEST(NluTokenizerTest, WordsWithByteOffsetsAndKeys) {
  const std::string text = "Draft a follow-up to Konex's team, about \"GTX Pro\"?";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 9u);
  EXPECT_EQ(tokens[2].text, "follow-up");
  EXPECT_EQ(tokens[2].key, "followup");
  EXPECT_EQ(text.substr(tokens[4].begin, tokens[4].end - tokens[4].begin), "Konex");
  EXPECT_EQ(tokens[5].key, "team");
  EXPECT_EQ(text.substr(tokens[7].begin, tokens[7].end - tokens[7].begin), "GTX");
  EXPECT_EQ(tokens[8].key, "pro");
}

TEST(NluTokenizerTest, PunctuationOnlyWordsAreDropped) {
  const std::vector<Token> tokens = Tokenize("Gekko & Co - now");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].key, "co");
}

TEST(NluTokenizerTest, MoneyCapitalsAndAccents) {
  const std::vector<Token> tokens = Tokenize("revenue over $1.2B in the US for Kónex");
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_TRUE(tokens[2].money);
  EXPECT_EQ(tokens[2].text, "1.2b");
  EXPECT_FALSE(tokens[1].money);
  EXPECT_TRUE(tokens[5].upper);
  EXPECT_FALSE(tokens[4].upper);
  EXPECT_EQ(tokens[7].key, "konex");
  EXPECT_EQ(tokens[7].end - tokens[7].begin, 6u);
}

TEST(NluTokenizerTest, CurlyQuotesAndPossessives) {
  const std::string text =
      "\xE2\x80\x9C"
      "Konex\xE2\x80\x99s\xE2\x80\x9D deals";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Konex");
}

TEST(NluTextNormalizationTest, FoldAndKey) {
  EXPECT_EQ(FoldText("Ünïcode CAFÉ"), "unicode cafe");
  EXPECT_EQ(MatchKey(FoldText("Kan-Code")), "kancode");
  EXPECT_EQ(MatchKey("gekko & co"), "gekkoco");
}

TEST(NluFuzzyIndexTest, ClosestKeysWithinTheAllowedEdits) {
  FuzzyIndex index;
  index.Add("konex", 0);
  index.Add("codehow", 1);
  index.Add("sonron", 2);
  index.Add("sonrom", 3);
  FuzzyHits hits = index.Closest("konnex");
  EXPECT_EQ(hits.distance, 1);
  EXPECT_EQ(hits.ids, (std::vector<int32_t>{0}));
  EXPECT_TRUE(index.Closest("kinnex").ids.empty());
  EXPECT_TRUE(index.Closest("kon").ids.empty());
  EXPECT_EQ(index.Closest("sonrox").ids.size(), 2u);
  EXPECT_EQ(AllowedEdits(3), 0);
  EXPECT_EQ(AllowedEdits(7), 1);
  EXPECT_EQ(AllowedEdits(8), 2);
}

}  // namespace
}  // namespace crm::nlu
