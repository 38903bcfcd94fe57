#include "crm/ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/test_support.h"

namespace crm::ingest {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Everything a reader returned, copied out of the views.
struct Parsed {
  Rows rows;
  std::vector<int64_t> lines;
  std::vector<int> invalid_utf8_fields;
  std::string error;  // empty when reading ended normally
};

Parsed ReadAll(CsvReader& reader) {
  Parsed parsed;
  CsvRecord record;
  while (reader.Next(record)) {
    parsed.rows.emplace_back(record.fields.begin(), record.fields.end());
    parsed.lines.push_back(record.line);
    parsed.invalid_utf8_fields.push_back(record.invalid_utf8_field);
  }
  if (reader.error()) parsed.error = reader.error()->message;
  return parsed;
}

Parsed Parse(std::string contents) {
  CsvReader reader = CsvReader::FromString(std::move(contents), "test.csv");
  return ReadAll(reader);
}

TEST(CsvReaderTest, SplitsLfTerminatedRecords) {
  const Parsed parsed = Parse("id,name,value\n1,Acme,10\n2,Betasoloin,20\n");
  EXPECT_EQ(parsed.rows, (Rows{{"id", "name", "value"}, {"1", "Acme", "10"}, {"2", "Betasoloin", "20"}}));
  EXPECT_EQ(parsed.lines, (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(parsed.invalid_utf8_fields, (std::vector<int>{-1, -1, -1}));
  EXPECT_EQ(parsed.error, "");
}

TEST(CsvReaderTest, CrBeforeLfIsNeverPartOfAField) {
  const Parsed parsed = Parse("id,name\r\n1,\r\n\"2\"\r\n3,\"x\"\r\n4,a\rb\r\n");
  EXPECT_EQ(parsed.rows, (Rows{{"id", "name"}, {"1", ""}, {"2"}, {"3", "x"}, {"4", "a\rb"}}));
  EXPECT_EQ(parsed.lines, (std::vector<int64_t>{1, 2, 3, 4, 5}));
}

TEST(CsvReaderTest, ReadsALastRecordWithoutNewline) {
  EXPECT_EQ(Parse("a,b\n1,2").rows, (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(Parse("a,b\r\n1,2\r").rows, (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(Parse("a,b\n\"1\",\"2\"").rows, (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(Parse("a,b\n1,").rows, (Rows{{"a", "b"}, {"1", ""}}));
}

TEST(CsvReaderTest, UnquotesQuotedFields) {
  const Parsed parsed = Parse("\"id\",\"full name\",\"\"\n\"7\",\"Zane Levy\",\"\"\n");
  EXPECT_EQ(parsed.rows, (Rows{{"id", "full name", ""}, {"7", "Zane Levy", ""}}));
  EXPECT_EQ(parsed.lines, (std::vector<int64_t>{1, 2}));
}

TEST(CsvReaderTest, UnescapesDoubledQuotes) {
  const Parsed parsed = Parse(R"("say ""hi""","""","""""",plain
"a""b"
)");
  EXPECT_EQ(parsed.rows, (Rows{{"say \"hi\"", "\"", "\"\"", "plain"}, {"a\"b"}}));
}

TEST(CsvReaderTest, KeepsManyUnescapedFieldsOfOneRecordValid) {
  // Enough escaped fields, some long, that the reader's scratch storage must grow during the record.
  std::string line;
  std::vector<std::string> expected;
  for (int i = 0; i < 200; ++i) {
    const std::string body(static_cast<size_t>(i % 7) * 40, static_cast<char>('a' + i % 26));
    line += (i > 0 ? ",\"" : "\"") + body + "\"\"" + std::to_string(i) + "\"";
    expected.push_back(body + "\"" + std::to_string(i));
  }
  CsvReader reader = CsvReader::FromString(line + "\n" + line + "\n", "test.csv");
  CsvRecord record;
  for (int64_t line_number : {1, 2}) {
    ASSERT_TRUE(reader.Next(record));
    EXPECT_EQ(record.line, line_number);
    EXPECT_EQ(std::vector<std::string>(record.fields.begin(), record.fields.end()), expected);
  }
  EXPECT_FALSE(reader.Next(record));
}

TEST(CsvReaderTest, KeepsEmbeddedCommas) {
  EXPECT_EQ(Parse("\"Smith, John\",5,\",\",\",,\"\n").rows, (Rows{{"Smith, John", "5", ",", ",,"}}));
}

TEST(CsvReaderTest, KeepsEmbeddedNewlinesAndCountsTheirLines) {
  const Parsed parsed = Parse(
      "id,note\n"
      "1,\"line one\nline two\"\n"
      "2,x\r\n"
      "3,\"a\r\nb\r\n\",\"c\nd\"\r\n"
      "\n"
      "4,y\n");
  EXPECT_EQ(
      parsed.rows,
      (Rows{
          {"id", "note"}, {"1", "line one\nline two"}, {"2", "x"}, {"3", "a\r\nb\r\n", "c\nd"}, {"4", "y"}}));
  EXPECT_EQ(parsed.lines, (std::vector<int64_t>{1, 2, 4, 5, 10}));
  EXPECT_EQ(parsed.error, "");
}

TEST(CsvReaderTest, SkipsAByteOrderMarkOnlyAtTheStart) {
  const Parsed parsed = Parse("\xEF\xBB\xBFid,name\n1,\xEF\xBB\xBFx\n");
  EXPECT_EQ(parsed.rows, (Rows{{"id", "name"}, {"1", "\xEF\xBB\xBFx"}}));
  EXPECT_EQ(parsed.lines, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Parse("\xEF\xBB\xBF\"id\"\n").rows, (Rows{{"id"}}));
  EXPECT_EQ(Parse("\xEF\xBB\xBF").rows, Rows{});
}

TEST(CsvReaderTest, EmptyInputHasNoRecords) {
  CsvReader reader = CsvReader::FromString("", "empty.csv");
  CsvRecord record;
  EXPECT_FALSE(reader.Next(record));
  EXPECT_FALSE(reader.error().has_value());
  EXPECT_EQ(reader.size_bytes(), 0u);
  EXPECT_EQ(reader.position(), 0u);
  EXPECT_TRUE(record.fields.empty());
}

TEST(CsvReaderTest, ReadsAHeaderOnly) {
  for (const char* contents : {"a,b,c", "a,b,c\n", "a,b,c\r\n", "a,b,c\r\n\r\n\n"}) {
    const Parsed parsed = Parse(contents);
    EXPECT_EQ(parsed.rows, (Rows{{"a", "b", "c"}})) << testing::PrintToString(contents);
    EXPECT_EQ(parsed.lines, (std::vector<int64_t>{1}));
    EXPECT_EQ(parsed.error, "");
  }
}

TEST(CsvReaderTest, SkipsBlankLinesButCountsThem) {
  const Parsed parsed = Parse("\n\r\na,b\n\n\r\n1,2\r\n\r\n\n3,4\n\n");
  EXPECT_EQ(parsed.rows, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(parsed.lines, (std::vector<int64_t>{3, 6, 9}));
  EXPECT_EQ(Parse("\n\n\r\n").rows, Rows{});
}

TEST(CsvReaderTest, ReturnsRaggedRowsAsTheyAre) {
  EXPECT_EQ(Parse("a,b,c\n1\n1,2,3,4\n,\n1,2,\n").rows,
            (Rows{{"a", "b", "c"}, {"1"}, {"1", "2", "3", "4"}, {"", ""}, {"1", "2", ""}}));
}

TEST(CsvReaderTest, KeepsAStrayQuoteInAnUnquotedFieldLiterally) {
  const Parsed parsed = Parse("5\" screen,ab\"c\"d,x\"\nnext,row\n");
  EXPECT_EQ(parsed.rows, (Rows{{"5\" screen", "ab\"c\"d", "x\""}, {"next", "row"}}));
  EXPECT_EQ(parsed.lines, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(parsed.error, "");
}

TEST(CsvReaderTest, KeepsTextAfterAClosingQuoteLiterally) {
  EXPECT_EQ(Parse("\"ab\"cd,\"x\"\"y\"z\r\n").rows, (Rows{{"abcd", "x\"yz"}}));
}

TEST(CsvReaderTest, SplitsFieldsOfEveryLengthAroundWordBoundaries) {
  // The quote on the next line often shares an eight-byte word with the newline.
  for (size_t first = 0; first <= 17; ++first) {
    for (size_t second = 0; second <= 17; ++second) {
      const std::string a(first, 'a'), b(second, 'b');
      EXPECT_EQ(Parse(a + "," + b).rows, (Rows{{a, b}})) << first << " " << second;
      for (const char* ending : {"\n", "\r\n"}) {
        const std::string contents = a + "," + b + ending + "\"q,\"\n";
        EXPECT_EQ(Parse(contents).rows, (Rows{{a, b}, {"q,"}})) << testing::PrintToString(contents);
      }
    }
  }
}

TEST(CsvReaderTest, KeepsTheFieldsBeforeAQuotedFieldAtEveryOffset) {
  // Plain fields are cut eight bytes at a time up to the first field that holds a quote; the record is
  // parsed on from there, wherever the quote falls in its word.
  for (size_t first = 0; first <= 17; ++first) {
    for (size_t second = 0; second <= 9; ++second) {
      const std::string a(first, 'a'), b(second, 'b');
      for (const char* ending : {"\n", "\r\n"}) {
        const std::string contents =
            a + "," + b + ",\"x,\"\"y\"" + ending + a + ",b\"c,\"d\"" + ending + "e,f";
        EXPECT_EQ(Parse(contents).rows, (Rows{{a, b, "x,\"y"}, {a, "b\"c", "d"}, {"e", "f"}}))
            << testing::PrintToString(contents);
      }
    }
  }
}

TEST(CsvReaderTest, ChecksUtf8OnBothSidesOfAQuotedField) {
  const Parsed parsed = Parse(
      "\xFF,\"q\"\n"                  // invalid before the quoted field
      "caf\xC3\xA9,\"q\",\xC3\x28\n"  // valid before it, invalid after it
      "ok,\"q\xFF\"\n"                // invalid inside it
      "ok,\"caf\xC3\xA9\",x\n");      // valid throughout
  EXPECT_EQ(parsed.invalid_utf8_fields, (std::vector<int>{0, 2, 1, -1}));
}

TEST(CsvReaderTest, ReportsTheFirstFieldThatIsNotUtf8) {
  const Parsed parsed = Parse(
      "ok,caf\xC3\xA9,\xC3\x28,\xFF\n"  // the third field has a truncated sequence
      "M\xC3\xBCller,\xE2\x82\xAC\n"    // valid UTF-8
      "\xED\xA0\x80,x\n"                // a surrogate
      "a,\"x\"\"\xC0\xAF\",b\n"         // an overlong form in an unescaped field
      "\"\xC3\",\xA9\n"                 // a truncated sequence, then a lone continuation byte
      "ab\n\xFF\n");                    // an invalid byte in the same word as the previous newline
  EXPECT_EQ(parsed.rows.size(), 7u);
  EXPECT_EQ(parsed.invalid_utf8_fields, (std::vector<int>{2, -1, 0, 1, 0, -1, 0}));
  EXPECT_EQ(parsed.rows[1], (std::vector<std::string>{"M\xC3\xBCller", "\xE2\x82\xAC"}));
}

TEST(CsvReaderTest, JoinedPiecesOfAFieldAreValidatedTogether) {
  // The raw bytes split C3 A9 with a quote; the field itself is "é", which is valid.
  const Parsed parsed = Parse("\"\xC3\"\xA9,x\n");
  EXPECT_EQ(parsed.rows, (Rows{{"\xC3\xA9", "x"}}));
  EXPECT_EQ(parsed.invalid_utf8_fields, (std::vector<int>{-1}));
}

TEST(CsvReaderTest, UnterminatedQuoteIsAFatalErrorNamingFileAndLine) {
  CsvReader reader = CsvReader::FromString("id,note\n1,ok\n2,\"never\nclosed\n3,x\n", "accounts.csv");
  const Parsed parsed = ReadAll(reader);
  EXPECT_EQ(parsed.rows, (Rows{{"id", "note"}, {"1", "ok"}}));
  EXPECT_EQ(parsed.error, "accounts.csv:3: unterminated quoted field");
  CsvRecord record;
  EXPECT_FALSE(reader.Next(record));
  EXPECT_TRUE(record.fields.empty());

  EXPECT_EQ(Parse("\"abc").error, "test.csv:1: unterminated quoted field");
  EXPECT_EQ(Parse("a\n1,\"x\ny\",\"z\n").error, "test.csv:3: unterminated quoted field");
  EXPECT_EQ(Parse("a\n\"x\"\"\n").error, "test.csv:2: unterminated quoted field");
}

TEST(CsvReaderTest, ReportsProgress) {
  CsvReader reader = CsvReader::FromString("ab,c\r\n\"d\ne\"\n", "test.csv");
  EXPECT_EQ(reader.size_bytes(), 12u);
  EXPECT_EQ(reader.position(), 0u);
  CsvRecord record;
  ASSERT_TRUE(reader.Next(record));
  EXPECT_EQ(reader.position(), 6u);
  ASSERT_TRUE(reader.Next(record));
  EXPECT_EQ(reader.position(), 12u);
  EXPECT_FALSE(reader.Next(record));
  EXPECT_EQ(reader.position(), 12u);
}

TEST(CsvReaderTest, OpenFileMapsTheFileAndReturnsViewsIntoIt) {
  test::TempDir dir;
  const std::string path = dir.File("accounts.csv");
  test::WriteFile(path, "account,sector\r\nAcme Corporation,technolgy\r\n\"Betasoloin\",medical");
  Result<CsvReader> reader = CsvReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ(reader->name(), "accounts.csv");
  EXPECT_EQ(reader->size_bytes(), 64u);
  CsvRecord record;
  ASSERT_TRUE(reader->Next(record));
  ASSERT_TRUE(reader->Next(record));
  ASSERT_EQ(record.fields.size(), 2u);
  EXPECT_EQ(record.fields[0], "Acme Corporation");
  EXPECT_EQ(record.fields[1], "technolgy");
  EXPECT_EQ(record.fields[1].data(), record.fields[0].data() + 17);  // both point into the mapping
  EXPECT_EQ(record.line, 2);
  EXPECT_EQ(reader->position(), 44u);
  ASSERT_TRUE(reader->Next(record));
  EXPECT_EQ(std::vector<std::string>(record.fields.begin(), record.fields.end()),
            (std::vector<std::string>{"Betasoloin", "medical"}));
  EXPECT_FALSE(reader->Next(record));
  EXPECT_FALSE(reader->error().has_value());
}

TEST(CsvReaderTest, OpenFileReadsAnEmptyFile) {
  test::TempDir dir;
  const std::string path = dir.File("empty.csv");
  test::WriteFile(path, "");
  Result<CsvReader> reader = CsvReader::OpenFile(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  CsvRecord record;
  EXPECT_FALSE(reader->Next(record));
  EXPECT_FALSE(reader->error().has_value());
  EXPECT_EQ(reader->size_bytes(), 0u);
}

TEST(CsvReaderTest, OpenFileReportsAMissingFile) {
  test::TempDir dir;
  const std::string path = dir.File("missing.csv");
  Result<CsvReader> reader = CsvReader::OpenFile(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().message, path + ": cannot be read: No such file or directory");
}

TEST(CsvReaderTest, OpenFileRejectsADirectory) {
  test::TempDir dir;
  Result<CsvReader> reader = CsvReader::OpenFile(dir.path().string());
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().message, dir.path().string() + ": cannot be read: not a regular file");
}

TEST(CsvReaderTest, MovingAReaderHandsOverTheMapping) {
  test::TempDir dir;
  const std::string path = dir.File("pipeline.csv");
  test::WriteFile(path, "id,stage\n1,Won\n2,Lost\n3,Engaging\n");
  Result<CsvReader> opened = CsvReader::OpenFile(path);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  CsvRecord record;
  std::optional<CsvReader> target;
  {
    CsvReader source = std::move(opened).value();
    ASSERT_TRUE(source.Next(record));
    target.emplace(std::move(source));
    EXPECT_FALSE(source.Next(record));  // NOLINT(bugprone-use-after-move): the moved-from state is specified
    EXPECT_EQ(source.size_bytes(), 0u);
    EXPECT_EQ(source.position(), 0u);
  }  // destroying the moved-from reader must not unmap the file
  EXPECT_EQ(target->name(), "pipeline.csv");
  EXPECT_EQ(target->position(), 9u);
  ASSERT_TRUE(target->Next(record));
  EXPECT_EQ(std::vector<std::string>(record.fields.begin(), record.fields.end()),
            (std::vector<std::string>{"1", "Won"}));
  EXPECT_EQ(record.line, 2);

  // Move-assigning releases the target's own input and continues where the source was.
  CsvReader other = CsvReader::FromString("x\n\"y\nz\",w\nlast\n", "other.csv");
  ASSERT_TRUE(other.Next(record));
  ASSERT_TRUE(other.Next(record));
  *target = std::move(other);
  EXPECT_EQ(target->name(), "other.csv");
  ASSERT_TRUE(target->Next(record));
  EXPECT_EQ(std::vector<std::string>(record.fields.begin(), record.fields.end()),
            (std::vector<std::string>{"last"}));
  EXPECT_EQ(record.line, 4);
  EXPECT_FALSE(target->Next(record));
}

TEST(CsvReaderTest, MovingAReaderCarriesItsError) {
  CsvReader source = CsvReader::FromString("\"open", "broken.csv");
  CsvRecord record;
  EXPECT_FALSE(source.Next(record));
  const CsvReader target = std::move(source);
  ASSERT_TRUE(target.error().has_value());
  EXPECT_EQ(target.error()->message, "broken.csv:1: unterminated quoted field");
  EXPECT_FALSE(source.error().has_value());  // NOLINT(bugprone-use-after-move)
}

TEST(CsvReaderTest, ReadsTheSharedSalesPipeline) {
  CRM_REQUIRE_SHARED_DATA();
  Result<CsvReader> reader = CsvReader::OpenFile(test::SharedDataDir() + "/sales_pipeline.csv");
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  CsvRecord record;
  ASSERT_TRUE(reader->Next(record));
  EXPECT_EQ(std::vector<std::string>(record.fields.begin(), record.fields.end()),
            (std::vector<std::string>{"opportunity_id", "sales_agent", "product", "account", "deal_stage",
                                      "engage_date", "close_date", "close_value"}));
  int64_t records = 0;
  while (reader->Next(record)) {
    ++records;
    ASSERT_EQ(record.fields.size(), 8u) << "line " << record.line;
    ASSERT_EQ(record.invalid_utf8_field, -1) << "line " << record.line;
    ASSERT_EQ(record.line, records + 1);
  }
  EXPECT_EQ(records, 8800);
  EXPECT_FALSE(reader->error().has_value());
  EXPECT_EQ(reader->position(), reader->size_bytes());
}

}  // namespace
}  // namespace crm::ingest
