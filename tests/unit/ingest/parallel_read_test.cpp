// Reading activities.csv and sales_pipeline.csv on two threads gives exactly what one thread gives: rows,
// codes, lines, problems and report, also when a quoted field spans the split point.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <limits>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "crm/data/dataset_fingerprint.h"
#include "crm/ingest/csv_reader.h"
#include "crm/ingest/line_map.h"
#include "crm/ingest/split_read.h"
#include "support/test_support.h"
#include "unit/ingest/import_fixture.h"

namespace crm::ingest {
namespace {

using test_fixture::CrmFolder;

constexpr size_t kNeverSplit = std::numeric_limits<size_t>::max();

// Activities with every kind of row the reader treats specially, spread over the whole file.
std::string ActivitiesFile(int rows, const std::string& middle_subject) {
  std::string text = "activity_id,activity_date,activity_type,sales_agent,account,opportunity_id,subject\r\n";
  for (int i = 0; i < rows; ++i) {
    const std::string id = "ACT" + std::to_string(i);
    const std::string deal = i % 3 == 0 ? "AAAA0001" : "AAAA0002";
    const std::string subject = i == rows / 2 ? middle_subject : "Subject " + std::to_string(i % 37);
    if (i % 97 == 5) {
      text += id + ",2017-02-30,call,Moses Frase,,AAAA0001,Bad date\r\n";  // a problem
    } else if (i % 101 == 7) {
      text += id + ",2017-01-05,call,Nobody Known,,AAAA0001,Unknown agent\r\n";  // a problem
    } else if (i % 89 == 3) {
      text +=
          "ACT" + std::to_string(i / 2) + ",2017-01-05,call,Moses Frase,,AAAA0001,Repeat\r\n";  // an id again
    } else {
      const std::string account = i % 7 == 0 ? "acme corporation" : (i % 11 == 0 ? "Bluth Company" : "");
      const std::string type = i % 13 == 0 ? "" : (i % 2 == 0 ? "call" : (i % 5 == 0 ? " demo" : "email"));
      text += id + ",2017-01-" + std::to_string(10 + i % 19) + "," + type + ",Moses Frase," + account + "," +
              deal + "," + subject + "\r\n";
    }
  }
  return text;
}

// Deals with every kind of row the pipeline reader treats specially, spread over the whole file.
std::string PipelineFile(int rows, const std::string& middle_account) {
  std::string text =
      "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n";
  for (int i = 0; i < rows; ++i) {
    const std::string id =
        i < 2 ? "AAAA000" + std::to_string(i + 1) : "D" + std::to_string(i);  // activities' deals
    const std::string account = i == rows / 2
                                    ? middle_account
                                    : (i % 7 == 0 ? "acme corporation" : (i % 5 == 0 ? "" : "Bluth Company"));
    if (i % 97 == 5) {
      text += id + ",Moses Frase,GTX Pro,,Won,2017-01-02,2017-02-30,100\r\n";  // a bad date
    } else if (i % 89 == 3) {
      text += "D" + std::to_string(i / 2) + ",Moses Frase,GTX Pro,,Engaging,2017-03-01,,\r\n";  // an id again
    } else if (i % 83 == 4) {
      text += id + ",Moses Frase,GTX Pro,,Lost,2017-01-02,,\r\n";  // closed without a close date (kept)
    } else {
      const std::string product = i % 3 == 0 ? "GTXPro" : "MG Special";
      const std::string stage = i % 11 == 0 ? "won" : (i % 2 == 0 ? "Won" : " Engaging");
      const std::string close = stage == " Engaging" ? "," : ",2017-02-" + std::to_string(10 + i % 18) + ",";
      text += id + ",Darcel Schlecht," + product + "," + account + "," + stage + ",2017-01-0" +
              std::to_string(1 + i % 9) + close +
              (stage == " Engaging" ? "" : std::to_string(100 + i % 500)) + "\r\n";
    }
  }
  return text;
}

// Imports the folder once on one thread and once on two, and expects the same result.
void ExpectSameOnOneAndTwoThreads(CrmFolder& folder) {
  auto one = folder.Import();
  ASSERT_TRUE(one.ok()) << one.error().message;
  auto two = ImportFolder(folder.dir.path().string(), {.split_min_bytes = 0});
  ASSERT_TRUE(two.ok()) << two.error().message;
  auto never = ImportFolder(folder.dir.path().string(), {.split_min_bytes = kNeverSplit});
  ASSERT_TRUE(never.ok()) << never.error().message;
  EXPECT_EQ(DatasetFingerprint(two->data), DatasetFingerprint(never->data));
  EXPECT_EQ(two->data.activities.subject, never->data.activities.subject);
  EXPECT_EQ(two->data.activities.type, never->data.activities.type);
  EXPECT_EQ(two->data.activity_subjects.values(), never->data.activity_subjects.values());
  EXPECT_EQ(two->data.activity_types.values(), never->data.activity_types.values());
  EXPECT_EQ(two->report.ToJson(), never->report.ToJson());
  EXPECT_EQ(one->report.ToJson(), never->report.ToJson());
  EXPECT_GT(never->data.activities.size(), 100u);
  EXPECT_GT(never->report.problems.size(), 4u);
}

// Imports the folder in strict mode on one thread and on two: both fail with the same error, which holds
// `expected` (file, line and field).
void ExpectSameStrictErrorOnOneAndTwoThreads(CrmFolder& folder, const std::string& expected) {
  ASSERT_TRUE(folder.Import().ok());  // writes the files
  auto never = ImportFolder(folder.dir.path().string(), {.strict = true, .split_min_bytes = kNeverSplit});
  auto two = ImportFolder(folder.dir.path().string(), {.strict = true, .split_min_bytes = 0});
  ASSERT_FALSE(never.ok());
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error().message, never.error().message);
  EXPECT_NE(two.error().message.find(expected), std::string::npos) << two.error().message;
}

TEST(ParallelReadTest, TwoThreadsGiveTheSameRowsCodesAndReport) {
  CrmFolder folder;
  folder.files["activities.csv"] = ActivitiesFile(2000, "\"Quoted, with a comma\"");
  ExpectSameOnOneAndTwoThreads(folder);
}

TEST(ParallelReadTest, ActivityTypesBeyondTheOneByteColumnAreProblemsOnOneAndTwoThreads) {
  CrmFolder folder;
  // 300 types: each half of the file has fewer than 256, the two together more.
  std::string text = "activity_id,activity_date,activity_type,sales_agent,account,opportunity_id,subject\r\n";
  for (int i = 0; i < 300; ++i) {
    text += "ACT" + std::to_string(i) + ",2017-01-05,type " + std::to_string(i) +
            ",Moses Frase,,AAAA0001,Call\r\n";
  }
  folder.files["activities.csv"] = text;
  ExpectSameOnOneAndTwoThreads(folder);
  auto result = folder.Import();
  ASSERT_TRUE(result.ok()) << result.error().message;
  const ActivityColumns& activities = result->data.activities;
  ASSERT_EQ(activities.size(), 255u);
  EXPECT_EQ(result->data.activity_types.Value(activities.type[254]), "type 254");
  EXPECT_EQ(result->data.activity_types.size(), 255u);  // the refused types are not kept either
  ASSERT_EQ(result->report.problems.size(), 45u);
  EXPECT_EQ(
      result->report.problems[0].ToString(),
      "activities.csv:257: activity_type: 'type 255' would be a 256th activity type: at most 255 fit; row "
      "dropped");
}

TEST(ParallelReadTest, AQuotedFieldSpanningTheSplitIsReadWhole) {
  CrmFolder folder;
  // The middle row's subject holds many line breaks, so the split falls inside it.
  std::string subject = "\"Notes:";
  for (int i = 0; i < 2000; ++i) subject += "\r\nline " + std::to_string(i) + ", \"\"quoted\"\"";
  subject += "\"";
  folder.files["activities.csv"] = ActivitiesFile(400, subject);
  ExpectSameOnOneAndTwoThreads(folder);
}

TEST(ParallelReadTest, StrictModeStopsAtTheFirstProblemWithItsLine) {
  CrmFolder folder;
  // Only the second half has a problem: the error must name it with its line in the whole file.
  std::string text = "activity_id,activity_date,activity_type,sales_agent,account,opportunity_id,subject\n";
  for (int i = 0; i < 2000; ++i) {
    const std::string deal = i == 1500 ? "ZZZZ0000" : "AAAA0001";
    text += "ACT" + std::to_string(i) + ",2017-01-05,call,Moses Frase,," + deal + ",Subject\n";
  }
  folder.files["activities.csv"] = text;
  ExpectSameStrictErrorOnOneAndTwoThreads(folder, "activities.csv:1502: opportunity_id:");
}

TEST(ParallelReadTest, TwoThreadsGiveTheSameDealsAndReport) {
  CrmFolder folder;
  folder.files["sales_pipeline.csv"] = PipelineFile(3000, "\"Bluth Company\"");
  folder.files["activities.csv"] = ActivitiesFile(400, "Subject");
  ExpectSameOnOneAndTwoThreads(folder);
}

TEST(ParallelReadTest, AQuotedFieldSpanningThePipelineSplitIsReadWhole) {
  CrmFolder folder;
  std::string account = "\"Acme";
  for (int i = 0; i < 3000; ++i) account += "\r\nline " + std::to_string(i);
  folder.files["sales_pipeline.csv"] = PipelineFile(400, account + "\"");
  folder.files["activities.csv"] = ActivitiesFile(400, "Subject");
  ExpectSameOnOneAndTwoThreads(folder);
}

TEST(ParallelReadTest, StrictModeStopsAtTheFirstPipelineProblemWithItsLine) {
  CrmFolder folder;
  std::string text =
      "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n";
  for (int i = 0; i < 2000; ++i) {
    const std::string agent = i == 1500 ? "Nobody Known" : "Moses Frase";
    text += "D" + std::to_string(i) + "," + agent + ",GTX Pro,,Engaging,2017-03-01,,\n";
  }
  folder.files["sales_pipeline.csv"] = text;
  ExpectSameStrictErrorOnOneAndTwoThreads(folder, "sales_pipeline.csv:1502: sales_agent:");
}

TEST(CsvReaderSplitTest, TheTwoPartsHoldEveryRecordOnce) {
  std::string text = "a,b\n";
  for (int i = 0; i < 100; ++i) text += std::to_string(i) + ",\"x\ny\"\n";
  CsvReader head = CsvReader::FromString(text, "t.csv");
  std::optional<CsvReader> tail = head.SplitTail(0);
  ASSERT_TRUE(tail.has_value());
  CsvReader whole = CsvReader::FromString(text, "t.csv");
  CsvRecord record;
  std::vector<std::string> seen, expected;
  while (head.Next(record)) seen.emplace_back(record.fields[0]);
  if (head.StoppedAtSplit()) {
    while (tail->Next(record)) seen.emplace_back(record.fields[0]);
  } else {
    head.ContinueToEnd();
    while (head.Next(record)) seen.emplace_back(record.fields[0]);
  }
  while (whole.Next(record)) expected.emplace_back(record.fields[0]);
  EXPECT_EQ(seen, expected);
}

TEST(CsvReaderSplitTest, TailLinesCountFromTheSplit) {
  CsvReader head = CsvReader::FromString("h\n1\n2\n3\n4\n5\n6\n", "t.csv");
  std::optional<CsvReader> tail = head.SplitTail(0);
  ASSERT_TRUE(tail.has_value());
  CsvRecord record;
  while (head.Next(record)) {
  }
  ASSERT_TRUE(head.StoppedAtSplit());
  ASSERT_TRUE(tail->Next(record));
  EXPECT_EQ(record.line + head.line(), std::stoi(std::string(record.fields[0])) + 1);
  EXPECT_FALSE(CsvReader::FromString("h\n1\n", "t.csv").SplitTail(1000).has_value());
}

TEST(ParallelReadTest, BackgroundWorkWaitsUntilAHalfIsRead) {
  const test::TempDir dir;
  std::string text = "id\n";
  for (int i = 0; i < 20000; ++i) text += "ID" + std::to_string(i) + "\n";
  test::WriteFile(dir.File("ids.csv"), text);
  ImportReport report;
  ProblemLog log(report, false);
  constexpr std::array<std::string_view, 1> kIdColumn = {"id"};
  auto reader = TableReader::Open(dir.File("ids.csv"), kIdColumn, log);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  ProgressBar bar("Reading ids.csv", text.size());
  PauseGate busy;
  std::atomic<int> halves_read = 0, halves_read_when_passed = -1;
  std::atomic<bool> background_waiting = false;
  std::thread background;
  ReadInTwoHalves(
      *reader, log, 0, bar, &busy,
      [&](TableReader& part, ProblemLog& part_log, ReadProgress& progress, bool tail) {
        if (!tail) {  // both halves are under way: background work arriving now waits for one to end
          background = std::thread([&] {
            background_waiting = true;
            busy.WaitOpen();
            halves_read_when_passed = halves_read.load();
          });
        }
        // Neither half ends before the background work has come to the gate (and a while after).
        while (!background_waiting) std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        while (!part_log.fatal() && part.Next()) progress.Update(part, tail);
        ++halves_read;
      },
      [] { return true; }, [](int64_t) {}, [] {});
  background.join();
  EXPECT_EQ(halves_read, 2) << "the file was not split in two";
  EXPECT_GE(halves_read_when_passed, 1);
}

TEST(LineMapTest, GivesTheLineOfEveryRowAcrossBreaksAndAppendedParts) {
  LineMap head, tail;
  head.Add(0, 2);
  head.Add(1, 3);
  head.Add(2, 6);  // two lines skipped (a dropped row, a blank line)
  head.Add(3, 7);
  tail.Add(0, 0);
  tail.Add(1, 3);  // a field with line breaks before it
  head.Append(tail, 4, 10);
  const std::vector<int64_t> expected = {2, 3, 6, 7, 10, 13};
  for (int64_t row = 0; row < 6; ++row) EXPECT_EQ(head[row], expected[row]) << row;
  const LineMap kept = head.WithoutRows({0, 3, 4}, 6);  // rows 1, 2 and 5 are left
  EXPECT_EQ(kept[0], 3);
  EXPECT_EQ(kept[1], 6);
  EXPECT_EQ(kept[2], 13);
}

}  // namespace
}  // namespace crm::ingest
