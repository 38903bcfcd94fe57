#include "crm/search/text_folding.h"

#include <gtest/gtest.h>

namespace crm::search {
namespace {

TEST(SearchTextFoldingTest, FoldsCaseAndAccents) {
  EXPECT_EQ(FoldText("Kan-Code"), "kan-code");
  EXPECT_EQ(FoldText("Müller ÉCOLE Straße"), "muller ecole strasse");
  EXPECT_EQ(FoldText("ﬁne"), "fine");  // compatibility ligature
}

TEST(SearchTextFoldingTest, DropsInvalidUtf8) { EXPECT_EQ(FoldText("caf\xc3\xa9 \xff\xfe ok"), "cafe  ok"); }

TEST(SearchTextFoldingTest, SplitsIntoLettersAndDigits) {
  EXPECT_EQ(Words("Kan-code, founded 1982!"), (std::vector<std::string>{"kan", "code", "founded", "1982"}));
  EXPECT_EQ(Words("  \"title:\" NEAR( * - ) "), (std::vector<std::string>{"title", "near"}));
  EXPECT_EQ(Words("Zürich—Genève"), (std::vector<std::string>{"zurich", "geneve"}));
  EXPECT_TRUE(Words("?! -- ").empty());
}

}  // namespace
}  // namespace crm::search
