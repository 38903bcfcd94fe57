#include "crm/search/fts_query.h"

#include <gtest/gtest.h>

#include "crm/store/sqlite.h"
#include "crm/store/store.h"

namespace crm::search {
namespace {

TEST(SearchFtsQueryTest, QuotesEveryWordAndOrsThem) {
  EXPECT_EQ(FtsMatchExpression("Kan-code"), "\"kan\" OR \"code\"*");
  EXPECT_EQ(FtsMatchExpression("GTX a"), "\"gtx\" OR \"a\"");
  EXPECT_EQ(FtsMatchExpression("cheapm"), "\"cheapm\"*");
  EXPECT_EQ(FtsMatchExpression(" ?! "), "");
}

TEST(SearchFtsQueryTest, LeavesOutTheWordsNotKept) {
  const auto rare = [](const std::string& word, bool last) {
    return word == "gtx" || word == "won" ? WordUse::kLeaveOut : last ? WordUse::kPrefix : WordUse::kExact;
  };
  EXPECT_EQ(FtsMatchExpression("won GTX deals kan-co", rare), "\"deals\" OR \"kan\" OR \"co\"*");
  EXPECT_EQ(FtsMatchExpression("kan won", rare), "\"kan\"");
  EXPECT_EQ(FtsMatchExpression("GTX won", rare), "");
  const auto exact = [](const std::string&, bool) { return WordUse::kExact; };
  EXPECT_EQ(FtsMatchExpression("kan co", exact), "\"kan\" OR \"co\"");
}

TEST(SearchFtsQueryTest, BoundsTheWords) {
  std::string many;
  for (int i = 0; i < 100; ++i) many += "w" + std::to_string(i) + " ";
  const std::string expression = FtsMatchExpression(many);
  size_t ors = 0;
  for (size_t at = expression.find(" OR "); at != std::string::npos; at = expression.find(" OR ", at + 1))
    ++ors;
  EXPECT_EQ(ors + 1, kMaxQueryWords);
}

TEST(SearchFtsQueryTest, NoUserTextIsFtsSyntax) {
  auto store = store::Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.error().message;
  sqlite3* db = (*store)->connection();
  ASSERT_TRUE(store::Execute(db,
                             "INSERT INTO search_text (rowid, body) VALUES (1, 'near title and software'),"
                             " (2, 'kan code')")
                  .ok());
  auto query = store::Prepare(db, "SELECT COUNT(*) FROM search_text WHERE search_text MATCH ?1");
  ASSERT_TRUE(query.ok());
  for (const char* hostile : {"\"",
                              "\"\"\"",
                              "software\"",
                              "NEAR(software title)",
                              "NEAR(",
                              "*",
                              "soft*",
                              "-kan",
                              "kan AND",
                              "AND OR NOT",
                              "title:software",
                              "body:kan",
                              "{body}: kan",
                              "^kan",
                              "kan + code",
                              "(((",
                              "'; DROP TABLE search_text; --",
                              "a:b:c",
                              "\\",
                              "\x01\x02"}) {
    const std::string expression = FtsMatchExpression(hostile);
    if (expression.empty()) continue;
    sqlite3_reset(query->get());
    sqlite3_bind_text(query->get(), 1, expression.c_str(), -1, SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(query->get()), SQLITE_ROW)
        << hostile << " → " << expression << ": " << store::LastError(db);
  }
  // Operators are plain words: "and" and "near" match the document that has them.
  sqlite3_reset(query->get());
  sqlite3_bind_text(query->get(), 1, FtsMatchExpression("NEAR(").c_str(), -1, SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(query->get()), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(query->get(), 0), 1);
}

}  // namespace
}  // namespace crm::search
