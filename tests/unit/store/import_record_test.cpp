#include "crm/store/import_record.h"

#include <gtest/gtest.h>

namespace crm::store {
namespace {

TEST(ImportRecordTest, FilesRoundTripThroughJson) {
  const std::vector<ImportedFile> files = {{"accounts.csv", "ab12", 86, 85, 1},
                                           {"sales pipeline \"2017\".csv", "cd34", 8800, 8800, 0}};
  const std::string json = ImportedFilesToJson(files);
  EXPECT_EQ(json,
            R"([{"name":"accounts.csv","rows_dropped":1,"rows_kept":85,"rows_read":86,"sha256":"ab12"},)"
            R"({"name":"sales pipeline \"2017\".csv","rows_dropped":0,"rows_kept":8800,"rows_read":8800,)"
            R"("sha256":"cd34"}])");
  Result<std::vector<ImportedFile>> parsed = ImportedFilesFromJson(json);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, files);
}

TEST(ImportRecordTest, NoFilesIsAnEmptyArray) {
  EXPECT_EQ(ImportedFilesToJson({}), "[]");
  Result<std::vector<ImportedFile>> parsed = ImportedFilesFromJson("[]");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_TRUE(parsed->empty());
}

TEST(ImportRecordTest, InvalidUtf8InANameIsReplacedNotThrown) {
  const std::string json = ImportedFilesToJson({{"bad\xff.csv", "", 0, 0, 0}});
  Result<std::vector<ImportedFile>> parsed = ImportedFilesFromJson(json);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ((*parsed)[0].name, "bad\xEF\xBF\xBD.csv");
}

TEST(ImportRecordTest, MalformedJsonIsAnError) {
  for (const char* json : {"", "not json", "{}", "[1]"}) {
    EXPECT_FALSE(ImportedFilesFromJson(json).ok()) << json;
  }
  EXPECT_EQ(ImportedFilesFromJson("{}").error().message, "the file list is not a JSON array");
  Result<std::vector<ImportedFile>> wrong_type = ImportedFilesFromJson(
      R"([{"name":"a.csv","sha256":"x","rows_read":1,"rows_kept":1,"rows_dropped":0},)"
      R"({"name":"b.csv","sha256":"y","rows_read":"ten","rows_kept":1,"rows_dropped":0}])");
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.error().message,
            "file entry 2 needs name, sha256, rows_read, rows_kept and rows_dropped");
}

}  // namespace
}  // namespace crm::store
