// The table formats of an export: CSV quoting and neutralisation, JSON both ways with its checks, and
// Markdown escaping; numbers stay numbers, missing cells stay empty.
#include <gtest/gtest.h>

#include "crm/export/csv_export.h"
#include "crm/export/document_json.h"
#include "crm/export/exporter.h"
#include "crm/export/formula_guard.h"
#include "crm/export/markdown_export.h"

namespace crm::exports {
namespace {

using analytics::Cell;
using nlohmann::json;

//! One table with the cells that matter: formulas, a negative number as text and as a number, commas,
//! quotes, line breaks, a missing cell.
Document Tricky() {
  analytics::Table table{"deals", {"name", "value", "note"}, {}};
  table.rows.push_back({Cell(std::string("=HYPERLINK(\"http://x\",\"y\")")), Cell(-5.0), Cell(nullptr)});
  table.rows.push_back({Cell(std::string("-5")), Cell(int64_t{42}), Cell(std::string("a, b"))});
  table.rows.push_back({Cell(std::string("@SUM(A1)")), Cell(0.25), Cell(std::string("line\nbreak | pipe"))});
  table.rows.push_back({Cell(std::string("+1")), Cell(nullptr), Cell(std::string("\tcmd"))});
  return {"Deals", "Some **answer**.", {table}};
}

TEST(FormulaGuard, NeutralisesWhatASpreadsheetWouldRun) {
  for (const std::string cell :
       {"=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://x\",\"y\")"}) {
    EXPECT_TRUE(LooksLikeFormula(cell)) << cell;
    EXPECT_EQ(NeutralisedCell(cell), "'" + cell);
  }
  for (const std::string cell : {"Acme", "", "1-2", " =x", "'=x"}) EXPECT_EQ(NeutralisedCell(cell), cell);
}

TEST(CsvExport, QuotesNeutralisesAndKeepsNumbersAndGaps) {
  auto csv = CsvBytes(Tricky());
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(*csv,
            "\xEF\xBB\xBF"
            "name,value,note\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5,\r\n"
            "'-5,42,\"a, b\"\r\n"
            "'@SUM(A1),0.25,\"line\nbreak | pipe\"\r\n"
            "'+1,,'\tcmd\r\n");
}

TEST(CsvExport, SeveralTablesAreNamedSectionsAndNoTableIsAnError) {
  Document document = Tricky();
  document.tables.push_back({"=evil", {"x"}, {{Cell(1.5)}}});
  auto csv = CsvBytes(document);
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->rfind("\xEF\xBB\xBF"
                       "deals\r\nname,value,note\r\n",
                       0),
            0u)
      << *csv;
  EXPECT_NE(csv->find("\r\n\r\n'=evil\r\nx\r\n1.5\r\n"), std::string::npos) << *csv;
  auto empty = CsvBytes(Document{"t", "text only", {}});
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("no table"), std::string::npos);
}

TEST(MarkdownExport, EscapesPipesAndBreaksAndLeavesGapsEmpty) {
  EXPECT_EQ(MarkdownCell("a|b\\c\r\nd"), "a\\|b\\\\c  d");
  const std::string markdown = MarkdownText(Tricky());
  EXPECT_EQ(
      markdown.rfind(
          "# Deals\n\nSome **answer**.\n\n## deals\n\n| name | value | note |\n| --- | --- | --- |\n", 0),
      0u)
      << markdown;
  EXPECT_NE(markdown.find("| line break \\| pipe |"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("| +1 |  | \tcmd |"), std::string::npos) << markdown;
  EXPECT_EQ(markdown.find("| 0 |"), std::string::npos) << "a missing cell must not become 0";
}

TEST(DocumentJson, RoundTripsInTheApiTableShape) {
  const Document document = Tricky();
  const json written = DocumentJson(document);
  EXPECT_EQ(written["tables"][0]["columns"], json({"name", "value", "note"}));
  EXPECT_EQ(written["tables"][0]["rows"][0], json({"=HYPERLINK(\"http://x\",\"y\")", -5.0, nullptr}));
  auto read = DocumentFromJson(written);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->title, "Deals");
  EXPECT_EQ(read->markdown, "Some **answer**.");
  ASSERT_EQ(read->tables.size(), 1u);
  EXPECT_EQ(read->tables[0].rows, document.tables[0].rows);
  auto bytes = ExportBytes(document, Format::kJson);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(json::parse(*bytes), written);
}

TEST(DocumentJson, RejectsWrongTypesAndSizesWithTheirPlace) {
  const auto error = [](const json& body) {
    auto read = DocumentFromJson(body);
    return read.ok() ? std::string("(accepted)") : read.error().message;
  };
  EXPECT_EQ(error(json::array()), "the document must be a JSON object");
  EXPECT_EQ(error({{"title", 5}}), "title must be text");
  EXPECT_EQ(error({{"tables", "x"}}), "tables must be an array");
  EXPECT_EQ(error({{"tables", {{{"name", "t"}, {"columns", json::array()}, {"rows", json::array()}}}}}),
            "tables[0].columns must be a non-empty array of names");
  EXPECT_EQ(error({{"tables",
                    {{{"name", "t"}, {"columns", {"a", "b"}}, {"rows", json::array({json::array({1})})}}}}}),
            "tables[0].rows[0] must be an array of 2 cells, one per column");
  EXPECT_EQ(error({{"tables",
                    {{{"name", "t"}, {"columns", {"a"}}, {"rows", json::array({json::array({true})})}}}}}),
            "tables[0].rows[0][0] must be a number, text or null");
  EXPECT_EQ(error({{"title", std::string(kMaxTitleBytes + 1, 'x')}}), "title is longer than 300 bytes");
  json many = json::array();
  for (size_t i = 0; i <= kMaxRows; ++i) many.push_back(json::array({i}));
  EXPECT_EQ(error({{"tables", {{{"name", "t"}, {"columns", {"a"}}, {"rows", many}}}}}),
            "the tables have more than 10000 rows together");
  EXPECT_EQ(error({{"title", "ok"}}), "(accepted)");
}

}  // namespace
}  // namespace crm::exports
