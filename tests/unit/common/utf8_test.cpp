#include "crm/common/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace crm {
namespace {

TEST(Utf8Test, AcceptsAsciiAndEmptyText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("a"));
  EXPECT_TRUE(IsValidUtf8("Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20"));
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));
  EXPECT_TRUE(IsValidUtf8(std::string(1000, '\x7F')));
}

TEST(Utf8Test, AcceptsEveryEncodedLengthAtItsBoundaries) {
  for (const char* text : {"\xC2\x80",          // U+0080
                           "\xDF\xBF",          // U+07FF
                           "\xE0\xA0\x80",      // U+0800
                           "\xED\x9F\xBF",      // U+D7FF, just below the surrogates
                           "\xEE\x80\x80",      // U+E000, just above them
                           "\xEF\xBF\xBF",      // U+FFFF
                           "\xF0\x90\x80\x80",  // U+10000
                           "\xF4\x8F\xBF\xBF",  // U+10FFFF
                           "Gr\xC3\xBC\xC3\x9F"
                           "e \xE2\x82\xAC \xF0\x9D\x84\x9E"}) {
    EXPECT_TRUE(IsValidUtf8(text)) << testing::PrintToString(text);
  }
}

TEST(Utf8Test, RejectsOverlongFormsSurrogatesAndOutOfRangeCodePoints) {
  for (const char* text : {"\xC0\x80", "\xC1\xBF",                     // overlong two-byte forms
                           "\xE0\x80\x80", "\xE0\x9F\xBF",             // overlong three-byte forms
                           "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF",     // overlong four-byte forms
                           "\xED\xA0\x80", "\xED\xBF\xBF",             // UTF-16 surrogates
                           "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",     // above U+10FFFF
                           "\xF8\x88\x80\x80\x80", "\xFE", "\xFF"}) {  // never valid lead bytes
    EXPECT_FALSE(IsValidUtf8(text)) << testing::PrintToString(text);
  }
}

TEST(Utf8Test, RejectsTruncatedAndMalformedSequences) {
  for (const char* text : {"\x80", "\xBF", "a\x80z",            // lone continuation bytes
                           "\xC3", "\xE2\x82", "\xF0\x9F\x98",  // truncated at the end
                           "\xC3"
                           "A",
                           "\xE2\x82"
                           "A",
                           "\xF0\x9F\x98"
                           "A",                                // truncated by ASCII
                           "\xE2\xC3\xA9", "\xC3\xA9\xA9"}) {  // wrong continuation count
    EXPECT_FALSE(IsValidUtf8(text)) << testing::PrintToString(text);
  }
}

TEST(Utf8Test, NeverReadsPastTheEndOfTheView) {
  // The bytes after each view would complete the sequence.
  EXPECT_FALSE(IsValidUtf8(std::string_view("\xC3\xA9", 1)));
  EXPECT_FALSE(IsValidUtf8(std::string_view("\xE2\x82\xAC", 2)));
  EXPECT_FALSE(IsValidUtf8(std::string_view("\xF0\x9F\x98\x80", 3)));
  EXPECT_FALSE(IsValidUtf8(std::string_view("abcdefgh\xF0\x9F\x98\x80", 10)));
  EXPECT_TRUE(IsValidUtf8(std::string_view("abcdefgh\xF0\x9F\x98\x80", 8)));
}

TEST(Utf8Test, FindsTheBadByteAtEveryOffsetOfLongAsciiRuns) {
  for (size_t offset = 0; offset < 40; ++offset) {
    std::string text(40, 'x');
    text[offset] = '\xFF';
    EXPECT_FALSE(IsValidUtf8(text)) << "offset " << offset;
    text.replace(offset, 1, "\xC3\xA9");
    EXPECT_TRUE(IsValidUtf8(text)) << "offset " << offset;
    text.pop_back();  // cuts a trailing sequence or leaves only ASCII after a valid one
    EXPECT_EQ(IsValidUtf8(text), offset < 39) << "offset " << offset;
  }
}

}  // namespace
}  // namespace crm
