// The record scans under CsvReader: the eight-byte scan on long input, and the AVX2 scan against it.
#include "crm/ingest/record_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace crm::ingest {
namespace {

//! A scan's result and the fields it appended.
struct Scanned {
  PlainScan scan;
  std::vector<std::string_view> fields;
};

Scanned Scan(PlainScanner scanner, std::string_view input, size_t start) {
  Scanned scanned;
  scanned.scan = scanner(input, start, scanned.fields);
  return scanned;
}

TEST(RecordScanTest, TheEightByteScanCutsLongRecords) {
  const std::string line =
      "ID000001,2017-01-05,email,Moses Frase,Konex,AAAA0001,Follow-up on GTX Pro pricing\r\n";
  const std::string input = line + line;
  const Scanned first = Scan(ScanPlainRecord, input, 0);
  EXPECT_TRUE(first.scan.complete);
  EXPECT_TRUE(first.scan.ascii);
  EXPECT_EQ(first.scan.end, line.size() - 1);  // the '\n'
  ASSERT_EQ(first.fields.size(), 7u);
  EXPECT_EQ(first.fields[0], "ID000001");
  EXPECT_EQ(first.fields[6], "Follow-up on GTX Pro pricing");  // no '\r'

  const std::string quoted = "ID000002,2017-01-05,email,Moses Frase,Konex,AAAA0001,\"Intro, GTX Pro\"\n";
  const Scanned stopped = Scan(ScanPlainRecord, quoted + line, 0);
  EXPECT_FALSE(stopped.scan.complete);
  EXPECT_EQ(stopped.scan.end, quoted.find('"'));  // the start of the quoted field
  EXPECT_EQ(stopped.fields.size(), 6u);

  const Scanned accented = Scan(ScanPlainRecord, "Ren\xC3\xA9 Dubois,Konex,2017-01-05,first contact\n", 0);
  EXPECT_FALSE(accented.scan.ascii);
  EXPECT_EQ(accented.fields[0], "Ren\xC3\xA9 Dubois");
}

TEST(RecordScanTest, TheAvx2ScanCutsAsTheEightByteScan) {
  if (!__builtin_cpu_supports("avx2")) GTEST_SKIP() << "this CPU has no AVX2: only the eight-byte scan runs";
  // Random records of the bytes that matter (separators, quotes, line ends, a non-ASCII byte) between
  // letters, scanned from every start: both scans must stop at the same place with the same fields.
  std::mt19937 random(7);
  const std::string alphabet = "abcdefgh,,,,\n\r\"\xC3";
  for (int round = 0; round < 300; ++round) {
    std::string input(std::uniform_int_distribution<size_t>(0, 160)(random), 'x');
    for (char& c : input) c = alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(random)];
    for (size_t start = 0; start <= input.size(); ++start) {
      const Scanned eight = Scan(ScanPlainRecord, input, start);
      const Scanned avx2 = Scan(ScanPlainRecordAvx2, input, start);
      ASSERT_EQ(avx2.scan.end, eight.scan.end) << round << " from " << start;
      ASSERT_EQ(avx2.scan.complete, eight.scan.complete) << round << " from " << start;
      ASSERT_EQ(avx2.fields, eight.fields) << round << " from " << start;
      // `ascii` may differ past the stop (each looks at whole blocks): only a true claim must hold.
      if (avx2.scan.ascii || eight.scan.ascii) {
        const std::string_view scanned = std::string_view(input).substr(start, eight.scan.end - start);
        EXPECT_EQ(scanned.find('\xC3'), std::string_view::npos) << round << " from " << start;
      }
    }
  }
}

TEST(RecordScanTest, FindQuoteCountsTheLineFeedsBeforeIt) {
  const std::string input = std::string(40, 'a') + "\n\nb\n" + std::string(20, 'c') + "\"d\"";
  int64_t newlines = 0;
  EXPECT_EQ(FindQuote(input, 0, newlines), input.find('"'));
  EXPECT_EQ(newlines, 3);
  EXPECT_EQ(FindQuote(input, input.size() - 1, newlines), input.size() - 1);
  EXPECT_EQ(FindQuote("no quote here, none at all, not one", 0, newlines), std::string_view::npos);
}

}  // namespace
}  // namespace crm::ingest
