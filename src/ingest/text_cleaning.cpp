#include "crm/ingest/text_cleaning.h"

#include <algorithm>
#include <vector>

namespace crm::ingest {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string_view Trim(std::string_view value) {
  size_t begin = 0, end = value.size();
  while (begin < end && IsSpace(value[begin])) ++begin;
  while (end > begin && IsSpace(value[end - 1])) --end;
  return value.substr(begin, end - begin);
}

std::string ToLowerAscii(std::string_view value) {
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(), LowerAscii);
  return lower;
}

std::string MatchKey(std::string_view value) {
  std::string key;
  key.reserve(value.size());
  for (char c : value) {
    const char lower = LowerAscii(c);
    const bool alnum = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    // Bytes of multi-byte UTF-8 characters are kept so that non-ASCII names still compare.
    if (alnum || static_cast<unsigned char>(c) >= 0x80) key.push_back(lower);
  }
  return key;
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> two_back(m + 1), previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_best = current[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], two_back[j - 2] + 1);
      }
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(two_back, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

int TypoTolerance(size_t length) {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

bool IsLowerCase(std::string_view value) {
  bool letter = false;
  for (char c : value) {
    if (c >= 'A' && c <= 'Z') return false;
    letter = letter || (c >= 'a' && c <= 'z');
  }
  return letter;
}

}  // namespace crm::ingest
