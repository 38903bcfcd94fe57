// TextInterner: dense codes in order of first appearance, one by one or in batches.
#include "crm/ingest/text_interner.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace crm::ingest {
namespace {

TEST(TextInternerTest, GivesCodesInOrderOfFirstAppearanceAndKeepsTheValues) {
  TextInterner interner;
  EXPECT_EQ(interner.Intern("call"), 0);
  EXPECT_EQ(interner.Intern("email"), 1);
  EXPECT_EQ(interner.Intern("call"), 0);
  EXPECT_EQ(interner.Intern(""), 2);
  EXPECT_EQ(interner.Intern(std::string_view("call\0x", 6)), 3);  // bytes after a NUL count
  EXPECT_EQ(interner.size(), 4u);
  EXPECT_EQ(interner.Value(1), "email");
  EXPECT_EQ(interner.Value(2), "");
  EXPECT_EQ(interner.Value(3), std::string_view("call\0x", 6));
}

TEST(TextInternerTest, FindsWithoutAdding) {
  TextInterner interner;
  EXPECT_EQ(interner.Find("call"), kNoIndex);  // empty
  for (int i = 0; i < 500; ++i) interner.Intern("subject " + std::to_string(i));
  EXPECT_EQ(interner.Find("subject 0"), 0);
  EXPECT_EQ(interner.Find("subject 499"), 499);
  EXPECT_EQ(interner.Find("subject 500"), kNoIndex);
  EXPECT_EQ(interner.Find(""), kNoIndex);
  EXPECT_EQ(interner.size(), 500u);
}

TEST(TextInternerTest, ABatchGivesTheSameCodesAsOneByOneThroughGrowth) {
  std::vector<std::string> values;
  for (int i = 0; i < 5000; ++i) values.push_back("Subject " + std::to_string((i * 7919) % 1500));
  TextInterner one_by_one, batched;
  std::vector<int32_t> expected;
  for (const std::string& value : values) expected.push_back(one_by_one.Intern(value));
  std::vector<std::string_view> texts(values.begin(), values.end());
  std::vector<int32_t> codes(texts.size());
  batched.InternBatch(std::span<const std::string_view>(texts).first(700),
                      std::span<int32_t>(codes).first(700));
  batched.InternBatch(std::span<const std::string_view>(texts).subspan(700),
                      std::span<int32_t>(codes).subspan(700));
  EXPECT_EQ(codes, expected);
  EXPECT_EQ(batched.size(), 1500u);
  for (int32_t code = 0; code < 1500; ++code) EXPECT_EQ(batched.Value(code), one_by_one.Value(code));
}

}  // namespace
}  // namespace crm::ingest
