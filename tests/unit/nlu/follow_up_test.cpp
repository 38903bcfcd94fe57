#include "crm/nlu/follow_up.h"

#include <gtest/gtest.h>

namespace crm::nlu {
namespace {

TEST(NluFollowUp, ReadsFragmentsReferencesAndNewQuestions) {
  EXPECT_EQ(ReadContinuation("and for the West?"), Continuation::kFragment);
  EXPECT_EQ(ReadContinuation("What about GTX Pro"), Continuation::kFragment);
  EXPECT_EQ(ReadContinuation("same for Q3 2017"), Continuation::kFragment);
  EXPECT_EQ(ReadContinuation("now write them an email"), Continuation::kReference);
  EXPECT_EQ(ReadContinuation("score that deal"), Continuation::kReference);
  EXPECT_EQ(ReadContinuation("which deals are at risk?"), Continuation::kNone);
  EXPECT_EQ(ReadContinuation("is that good?"), Continuation::kNone);
  EXPECT_EQ(ReadContinuation(""), Continuation::kNone);
  // A long sentence that opens with "and" is a question of its own.
  EXPECT_EQ(
      ReadContinuation("and which of our accounts in the technology sector have not bought anything lately"),
      Continuation::kNone);
}

TEST(NluFollowUp, FragmentsReplaceTheKeysTheyName) {
  const Entities previous = {{"regional_office", "East"}, {"top_n", "5"}};
  const Entities merged = MergeFragment(previous, {{"regional_office", "West"}, {"period", "2017-Q3"}});
  EXPECT_EQ(merged, (Entities{{"regional_office", "West"}, {"top_n", "5"}, {"period", "2017-Q3"}}));
}

TEST(NluFollowUp, ReferencesCarryOnlyTheSubject) {
  const Entities previous = {{"account", "Konex"}, {"regional_office", "West"}, {"product", "GTX Pro"}};
  const Entities merged = MergeReference(previous, {{"tone", "friendly"}, {"product", "MG Special"}});
  EXPECT_EQ(merged, (Entities{{"account", "Konex"}, {"tone", "friendly"}, {"product", "MG Special"}}));
}

}  // namespace
}  // namespace crm::nlu
