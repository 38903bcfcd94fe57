#include "crm/common/sha256.h"

#include <gtest/gtest.h>

#include <string>

#include "support/test_support.h"

namespace crm {
namespace {

TEST(Sha256Test, HashesBytesAsTheStandardSays) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, HashesAFileAsItsBytes) {
  const test::TempDir dir;
  std::string contents;
  for (int i = 0; i < 100000; ++i) contents += "line " + std::to_string(i) + "\r\n";
  test::WriteFile(dir.File("big.csv"), contents);
  test::WriteFile(dir.File("empty.csv"), "");
  int chunks = 0;
  EXPECT_EQ(*Sha256File(dir.File("big.csv"), [&chunks] { ++chunks; }), Sha256Hex(contents));
  EXPECT_EQ(chunks, 2);  // 1.2 MB, read a megabyte at a time
  EXPECT_EQ(*Sha256File(dir.File("empty.csv")), Sha256Hex(""));
}

TEST(Sha256Test, NamesAFileThatCannotBeRead) {
  const test::TempDir dir;
  const auto missing = Sha256File(dir.File("missing.csv"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, dir.File("missing.csv") + ": cannot be read");
  EXPECT_FALSE(Sha256File(dir.path().string()).ok());  // a folder
}

}  // namespace
}  // namespace crm
