// Chat markdown shown on a terminal: escapes, emphasis, links, headings and aligned tables.
#include "crm/chat/terminal_markdown.h"

#include <gtest/gtest.h>

#include "crm/chat/markdown.h"

namespace crm::chat {
namespace {

TEST(TerminalMarkdownTest, PlainTextDropsEscapesAndMarkup) {
  const TerminalStyle plain;
  EXPECT_EQ(TerminalMarkdown("**685** of 748 deals \\(91.6%\\)", plain), "685 of 748 deals (91.6%)\n");
  EXPECT_EQ(TerminalMarkdown("_regional office: West_", plain), "regional office: West\n");
  EXPECT_EQ(TerminalMarkdown("pipeline_overview stays", plain), "pipeline_overview stays\n");
  EXPECT_EQ(TerminalMarkdown("## Key findings\n- one", plain), "Key findings\n- one\n");
  EXPECT_EQ(TerminalMarkdown("see [the docs](http://x.test/a)", plain), "see the docs (http://x.test/a)\n");
  EXPECT_EQ(TerminalMarkdown(EscapeMarkdown("A*B_C [x](y) | z"), plain), "A*B_C [x](y) | z\n");
}

TEST(TerminalMarkdownTest, ColorUsesAnsiBoldAndItalicsAndClosesThem) {
  const TerminalStyle color{0, true};
  EXPECT_EQ(TerminalMarkdown("a **b** _c_", color), "a \x1b[1mb\x1b[22m \x1b[3mc\x1b[23m\n");
  EXPECT_EQ(TerminalMarkdown("**open", color), "\x1b[1mopen\x1b[22m\n");
}

TEST(TerminalMarkdownTest, TablesAreAlignedWithNumberColumnsOnTheRight) {
  const std::string table =
      "| name | deals | note |\n| --- | --- | --- |\n| Konex | - | a \\| b |\n| Kan\\-code | 1,204 | - |\n";
  EXPECT_EQ(TerminalMarkdown(table, {}),
            "name      deals  note\n"
            "Konex         -  a | b\n"
            "Kan-code  1,204  -\n");
}

TEST(TerminalMarkdownTest, WideTablesCutTheirWidestColumnToTheWidth) {
  const std::string reasons(60, 'r');
  const std::string table = "| id | reasons |\n| --- | --- |\n| 125VIRMX | " + reasons + " |\n";
  const std::string shown = TerminalMarkdown(table, {30, false});
  EXPECT_NE(shown.find("125VIRMX  " + std::string(19, 'r') + "…\n"), std::string::npos) << shown;
  EXPECT_EQ(TerminalMarkdown(table, {}).find("…"), std::string::npos);  // no limit: nothing cut
}

TEST(TerminalMarkdownTest, MultiByteCharactersCountAsOneColumn) {
  const std::string table = "| a | b |\n| --- | --- |\n| é· | x |\n| abc | y |\n";
  EXPECT_EQ(TerminalMarkdown(table, {}), "a    b\né·   x\nabc  y\n");
}

}  // namespace
}  // namespace crm::chat
