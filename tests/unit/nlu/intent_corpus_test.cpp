#include "crm/nlu/intent_corpus.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "crm/nlu/intents.h"
#include "crm/nlu/text_features.h"

namespace crm::nlu {
namespace {

TEST(NluIntentCorpus, BuiltinCorpusHasAtLeastSixtyQuestionsPerIntent) {
  Result<std::vector<LabeledQuestion>> corpus = ParseIntentCorpus(BuiltinIntentCorpusText());
  ASSERT_TRUE(corpus.ok()) << corpus.error().message;
  std::map<std::string, size_t> counts;
  for (const LabeledQuestion& question : *corpus) ++counts[question.intent];
  for (const std::string& intent : IntentNames()) EXPECT_GE(counts[intent], 60u) << intent;
  EXPECT_EQ(BuiltinIntentCorpus().size(), corpus->size());
}

TEST(NluIntentCorpus, BuiltinCorpusHasNoDuplicatesOnceNormalised) {
  std::set<std::vector<std::string>> seen;
  for (const LabeledQuestion& question : BuiltinIntentCorpus()) {
    EXPECT_TRUE(seen.insert(NormalizeWords(MaskPlaceholders(question.text))).second)
        << "duplicate: " << question.text;
  }
}

TEST(NluIntentCorpus, ParsesLinesAndSkipsBlankOnes) {
  Result<std::vector<LabeledQuestion>> corpus = ParseIntentCorpus(
      "{\"text\": \"forecast\", \"intent\": \"forecast\"}\r\n\n"
      "  \n{\"text\": \"how is {account} doing\", \"intent\": \"account_summary\"}");
  ASSERT_TRUE(corpus.ok()) << corpus.error().message;
  ASSERT_EQ(corpus->size(), 2u);
  EXPECT_EQ((*corpus)[1].text, "how is {account} doing");
  EXPECT_EQ((*corpus)[1].intent, "account_summary");
}

TEST(NluIntentCorpus, UnknownIntentNamesTheLine) {
  Result<std::vector<LabeledQuestion>> corpus = ParseIntentCorpus(
      "{\"text\": \"forecast\", \"intent\": \"forecast\"}\n"
      "{\"text\": \"weather\", \"intent\": \"weather\"}\n");
  ASSERT_FALSE(corpus.ok());
  EXPECT_EQ(corpus.error().message, "line 2: unknown intent \"weather\"");
}

TEST(NluIntentCorpus, BadLinesAreErrors) {
  EXPECT_EQ(ParseIntentCorpus("{\"text\": \"x\"").error().message, "line 1: not a JSON object");
  EXPECT_EQ(ParseIntentCorpus("\n{\"text\": \"x\"}").error().message,
            "line 2: missing or empty string field \"intent\"");
  EXPECT_EQ(ParseIntentCorpus("{\"text\": \"\", \"intent\": \"help\"}").error().message,
            "line 1: missing or empty string field \"text\"");
  EXPECT_EQ(
      ParseIntentCorpus("{\"text\": \"email {customer}\", \"intent\": \"email_draft\"}").error().message,
      "line 1: unknown placeholder {customer}");
}

TEST(NluIntentCorpus, PlaceholdersBecomeMaskTokens) {
  EXPECT_EQ(MaskPlaceholders("how is {account} doing in {period}?"),
            "how is ent_account doing in ent_period?");
  EXPECT_EQ(MaskPlaceholders("{opportunity_id}"), "ent_opportunity_id");
  EXPECT_EQ(MaskPlaceholders("a {brace} and { open"), "a {brace} and { open");
}

}  // namespace
}  // namespace crm::nlu
