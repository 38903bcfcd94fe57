#include "crm/chat/markdown.h"

#include <gtest/gtest.h>

namespace crm::chat {
namespace {

TEST(ChatMarkdown, EscapesWhatMarkdownAndHtmlWouldRead) {
  EXPECT_EQ(EscapeMarkdown("<img src=x onerror=alert(1)>"), "\\<img src=x onerror=alert\\(1\\)\\>");
  EXPECT_EQ(EscapeMarkdown("a|b *c*\nd"), "a\\|b \\*c\\* d");
  EXPECT_EQ(EscapeMarkdown("Gekko & Co"), "Gekko & Co");
}

TEST(ChatMarkdown, TablesKeepTheAskedColumnsAndCutRows) {
  analytics::Table table{"t", {"account", "win_rate", "won_revenue"}, {}};
  table.rows.push_back({std::string("Acme|Corp"), 0.5, 1234567.0});
  table.rows.push_back({std::string("Konex"), nullptr, 10.0});
  table.rows.push_back({std::string("Zoomit"), 0.25, 5.0});
  EXPECT_EQ(MarkdownTable(table, {"account", "win_rate"}, 2),
            "| account | win rate |\n| --- | --- |\n| Acme\\|Corp | 50.0% |\n| Konex | - |\n\n"
            "_1 more row in the data._\n");
  // None of the asked columns: all of them.
  EXPECT_EQ(
      MarkdownTable(table, {"sector"}, 1),
      "| account | win rate | won revenue |\n| --- | --- | --- |\n| Acme\\|Corp | 50.0% | 1,234,567 |\n\n"
      "_2 more rows in the data._\n");
  EXPECT_EQ(MarkdownTable(analytics::Table{"empty", {"a"}, {}}, {}, 5), "");
}

}  // namespace
}  // namespace crm::chat
