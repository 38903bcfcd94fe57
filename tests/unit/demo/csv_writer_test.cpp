#include "crm/demo/csv_writer.h"

#include <gtest/gtest.h>

#include <string>

#include "crm/common/date.h"
#include "support/test_support.h"

namespace crm::demo {
namespace {

TEST(CsvWriterTest, WritesCrlfRowsAndQuotesOnlyWhenNeeded) {
  test::TempDir dir;
  const std::string path = dir.File("out.csv");
  Result<CsvWriter> out = CsvWriter::Create(path);
  ASSERT_TRUE(out.ok()) << out.error().message;
  out->Text("plain");
  out->Text("with, comma");
  out->Text("say \"hi\"");
  out->Empty();
  out->EndRow();
  out->Integer(-42);
  out->Date(*ParseIsoDate("2017-03-09"));
  out->Hundredths(110004);
  out->Hundredths(426990);
  out->Hundredths(461800);
  out->Hundredths(7);
  out->EndRow();
  ASSERT_TRUE(out->Close().ok());
  EXPECT_EQ(test::ReadFile(path),
            "plain,\"with, comma\",\"say \"\"hi\"\"\",\r\n"
            "-42,2017-03-09,1100.04,4269.9,4618,0.07\r\n");
}

TEST(CsvWriterTest, LongOutputSurvivesManyBufferFlushes) {
  test::TempDir dir;
  const std::string path = dir.File("long.csv");
  Result<CsvWriter> out = CsvWriter::Create(path);
  ASSERT_TRUE(out.ok());
  const std::string big(5'000'000, 'x');
  out->Text(big);
  out->EndRow();
  for (int i = 0; i < 300000; ++i) {
    out->Integer(i);
    out->EndRow();
  }
  ASSERT_TRUE(out->Close().ok());
  const std::string written = test::ReadFile(path);
  EXPECT_EQ(written.substr(0, big.size() + 2), big + "\r\n");
  EXPECT_EQ(written.size(), big.size() + 2 + (10 * 3 + 90 * 4 + 900 * 5 + 9000 * 6 + 90000 * 7 + 200000 * 8));
  EXPECT_EQ(written.substr(written.size() - 8), "299999\r\n");
}

TEST(CsvWriterTest, CreateErrorNamesTheFile) {
  test::TempDir dir;
  const std::string path = dir.File("missing/sub/out.csv");
  Result<CsvWriter> out = CsvWriter::Create(path);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find(path), std::string::npos) << out.error().message;
}

TEST(CsvWriterTest, WriteErrorNamesTheFile) {
  Result<CsvWriter> out = CsvWriter::Create("/dev/full");
  ASSERT_TRUE(out.ok()) << out.error().message;
  out->Text("no room");
  out->EndRow();
  const Status status = out->Close();
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("/dev/full"), std::string::npos) << status.error().message;
}

}  // namespace
}  // namespace crm::demo
