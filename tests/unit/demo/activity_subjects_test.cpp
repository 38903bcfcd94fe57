#include "crm/demo/activity_subjects.h"

#include <gtest/gtest.h>

#include <string>

namespace crm::demo {
namespace {

TEST(ActivitySubjectsTest, TypesHaveTheirCsvNames) {
  EXPECT_EQ(ActivityTypeName(ActivityType::kCall), "call");
  EXPECT_EQ(ActivityTypeName(ActivityType::kEmail), "email");
  EXPECT_EQ(ActivityTypeName(ActivityType::kMeeting), "meeting");
  EXPECT_EQ(ActivityTypeName(ActivityType::kDemo), "demo");
}

TEST(ActivitySubjectsTest, TemplatesAreFilledWithProductAndAccount) {
  std::string subject;
  ComposeSubject(ActivityType::kDemo, 0, "GTX Pro", "Koranova", subject);
  EXPECT_EQ(subject, "Demo of GTX Pro for Koranova team");
  ComposeSubject(ActivityType::kDemo, 0, "GTX Pro", "", subject);
  EXPECT_EQ(subject, "Demo of GTX Pro for the lead's team");
  ComposeSubject(ActivityType::kEmail, 1, "MG Special", "Koranova", subject);
  EXPECT_EQ(subject, "Re: \"MG Special\" quote");
  ComposeSubject(ActivityType::kCall, 2, "GTK 500", "", subject);
  EXPECT_EQ(subject, "Call about GTK 500 pricing, scope and timeline");
}

TEST(ActivitySubjectsTest, EveryTemplateMentionsNoPlaceholder) {
  std::string subject;
  for (int type = 0; type < 4; ++type) {
    for (int variant = 0; variant < kSubjectVariants; ++variant) {
      for (const char* account : {"", "Koranova"}) {
        ComposeSubject(static_cast<ActivityType>(type), variant, "GTX Basic", account, subject);
        EXPECT_EQ(subject.find('{'), std::string::npos) << subject;
        EXPECT_FALSE(subject.empty());
      }
    }
  }
}

}  // namespace
}  // namespace crm::demo
