// PDF reports: a valid PDF with the title, pages added as a long table needs them, text that the base
// fonts cannot show replaced safely; the account report over a hand-made CRM and the Kaggle data.
#include <gtest/gtest.h>

#include <regex>

#include "crm/export/account_report.h"
#include "crm/export/pdf_writer.h"
#include "crm/export/win_ansi.h"
#include "unit/agents/agents_fixture.h"
#include "unit/analytics/analytics_fixture.h"

namespace crm::exports {
namespace {

using analytics::Cell;

//! The page count the PDF's page tree declares.
int PageCount(const std::string& pdf) {
  std::smatch match;
  const std::regex pages("/Type /Pages[^>]*?/Count (\\d+)");
  return std::regex_search(pdf, match, pages) ? std::stoi(match[1]) : -1;
}

//! The number of blocks of each kind in a report, by their variant index.
size_t CountBlocks(const Report& report, size_t index) {
  size_t count = 0;
  for (const Block& block : report.blocks) count += block.index() == index;
  return count;
}

TEST(WinAnsi, TranscodesLatinAndReplacesTheRest) {
  EXPECT_EQ(ToWinAnsi("Zoë – “Ünïcode” €5"),
            std::string("Zo\xEB \x96 \x93\xDCn\xEF") + "code\x94 \x80" + "5");
  EXPECT_EQ(ToWinAnsi("東京 Ltd"), "?? Ltd");
  EXPECT_EQ(ToWinAnsi("a\x01\nb\xFF"), "a  b?");
  EXPECT_EQ(ToWinAnsi("minus −1"), "minus -1");
}

TEST(PdfWriter, WritesAPdfWithItsTitleAndAddsPagesForLongTables) {
  Report report{"Report (東京)", "as of today", {Heading{"Deals"}, Paragraph{"Some text."}}};
  analytics::Table table{"deals", {"id", "value", "note"}, {}};
  for (int i = 0; i < 400; ++i) {
    table.rows.push_back({Cell("D" + std::to_string(i)), i % 7 == 0 ? Cell(nullptr) : Cell(i * 10.5),
                          Cell(std::string("a longer note that has to be wrapped over more than one line of "
                                           "the table's third column, with ünïcode"))});
  }
  report.blocks.push_back(table);
  report.blocks.push_back(analytics::ChartSpec{"c",
                                               "bar",
                                               "Chart",
                                               "USD",
                                               "x",
                                               "y",
                                               {"a", "b", "c"},
                                               {{"s", {1000.0, std::nan(""), 2500000.0}, {}, {}}}});
  auto pdf = PdfBytes(report);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf->find("%%EOF"), std::string::npos);
  EXPECT_NE(pdf->find("/Title (Report \\050\?\?\\051)"), std::string::npos)
      << "Haru writes ( and ) as octal escapes";
  EXPECT_GT(PageCount(*pdf), 5);
  auto short_pdf = PdfBytes(Report{"Short", "", {Paragraph{"One line."}}});
  ASSERT_TRUE(short_pdf.ok());
  EXPECT_EQ(PageCount(*short_pdf), 1);
}

TEST(AccountReport, HasTheSummaryFiguresChartsAndEveryDeal) {
  const agents::test::AgentWorld world = agents::test::MakeWorld(analytics::test::SmallCrm());
  ASSERT_TRUE(world.context);
  const int32_t acme = world.data->FindAccount("Acme");
  ASSERT_NE(acme, kNoIndex);
  const Report report = AccountReport(*world.context, acme);
  EXPECT_EQ(report.title, "Acme");
  EXPECT_NE(report.subtitle.find("as of June 30, 2017"), std::string::npos) << report.subtitle;
  EXPECT_GE(CountBlocks(report, 5), 2u) << "at least two charts";
  std::vector<std::string> headings;
  for (const Block& block : report.blocks) {
    if (const auto* heading = std::get_if<Heading>(&block)) headings.push_back(heading->text);
  }
  for (const std::string wanted : {"Key figures", "Health", "Deals", "Risks", "Next best actions"})
    EXPECT_NE(std::find(headings.begin(), headings.end(), wanted), headings.end()) << wanted;
  const auto* deals = std::get_if<TableBlock>(&report.blocks.back());
  ASSERT_NE(deals, nullptr);
  EXPECT_EQ(deals->rows.size(), world.context->DealsOf(acme).size());
  auto pdf = PdfBytes(report);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_NE(pdf->find("/Title (Acme)"), std::string::npos);
}

TEST(AccountReport, KaggleAccountsPrintOnSeveralPages) {
  const agents::test::AgentWorld& world = agents::test::KaggleWorld();
  if (!world.context) GTEST_SKIP() << "../shared/data/maven-crm is absent: skipping the real-data test";
  const int32_t row = world.data->FindAccount("Kan-code");
  ASSERT_NE(row, kNoIndex);
  auto pdf = PdfBytes(AccountReport(*world.context, row));
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_NE(pdf->find("/Title (Kan-code)"), std::string::npos);
  EXPECT_GE(PageCount(*pdf), 4) << "Kan-code has more than a hundred deals";
}

}  // namespace
}  // namespace crm::exports
