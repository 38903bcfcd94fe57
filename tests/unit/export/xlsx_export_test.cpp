// XLSX exports read back as a zip archive: one sheet per table, text neutralised, numbers as numeric
// cells, missing cells absent, the answer's text on its own sheet, names Excel accepts.
#include <gtest/gtest.h>

#include "crm/export/sheet_names.h"
#include "crm/export/xlsx_export.h"
#include "zip_entries.h"

namespace crm::exports {
namespace {

using analytics::Cell;

TEST(XlsxExport, IsAZipWithNeutralisedTextAndNumericCells) {
  analytics::Table deals{"deals", {"name", "value"}, {}};
  deals.rows.push_back({Cell(std::string("=HYPERLINK(\"http://x\",\"y\")")), Cell(-5.0)});
  deals.rows.push_back({Cell(std::string("-5")), Cell(nullptr)});
  deals.rows.push_back({Cell(std::string("Zoë & <Co>")), Cell(int64_t{42})});
  const analytics::Table other{"deals", {"x"}, {{Cell(1.5)}}};
  auto bytes = XlsxBytes({"t", "Answer **text**\n=cmd", {deals, other}});
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  auto entries = test::ZipEntries(*bytes);
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  ASSERT_TRUE(entries->count("[Content_Types].xml"));
  const std::string workbook = (*entries)["xl/workbook.xml"];
  EXPECT_NE(workbook.find("name=\"Answer\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"deals\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"deals (2)\""), std::string::npos) << workbook;
  const std::string answer = (*entries)["xl/worksheets/sheet1.xml"];
  EXPECT_NE(answer.find(">'=cmd<"), std::string::npos) << answer;
  const std::string sheet = (*entries)["xl/worksheets/sheet2.xml"];
  // Text cells are inline strings; the formula-looking ones carry the apostrophe.
  EXPECT_NE(sheet.find("<t>'=HYPERLINK(\"http://x\",\"y\")</t>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<t>'-5</t>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<t>Zoë &amp; &lt;Co&gt;</t>"), std::string::npos) << sheet;
  // Numbers are numeric cells: -5.0 is the number -5, not text.
  EXPECT_NE(sheet.find("<c r=\"B2\"><v>-5</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"B4\"><v>42</v></c>"), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("r=\"B3\""), std::string::npos) << "a missing cell is written";
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "no formula may be written";
}

TEST(XlsxExport, NeedsATableOrText) {
  auto bytes = XlsxBytes({"t", "", {}});
  ASSERT_FALSE(bytes.ok());
  EXPECT_NE(bytes.error().message.find("no table and no text"), std::string::npos);
}

TEST(SheetNames, AreValidUniqueAndShort) {
  SheetNames names;
  EXPECT_EQ(names.Next("by_stage"), "by_stage");
  EXPECT_EQ(names.Next("BY_STAGE"), "BY_STAGE (2)");
  EXPECT_EQ(names.Next("a/b:c*d?[e]\\f"), "a_b_c_d__e__f");
  EXPECT_EQ(names.Next("'quoted'"), "quoted");
  EXPECT_EQ(names.Next(std::string(40, 'x')), std::string(31, 'x'));
  EXPECT_EQ(names.Next(std::string(40, 'x')), std::string(27, 'x') + " (2)");
  EXPECT_EQ(names.Next(""), "Sheet 7");
  EXPECT_EQ(names.Next("ééééééééééééééééééééééééééééééééééé"), "ééééééééééééééééééééééééééééééé");
}

}  // namespace
}  // namespace crm::exports
