#include "crm/llm/number_mentions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace crm::llm {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

constexpr std::array<std::string_view, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};

//! Nouns that make a small number a quantity worth checking ("4 deals"), singular and plural.
constexpr std::array<std::string_view, 22> kCountedNouns = {
    "deal",   "opportunit", "account", "agent",   "rep",   "product", "customer", "client",
    "compan", "employee",   "day",     "week",    "month", "year",    "quarter",  "win",
    "loss",   "point",      "time",    "percent", "lead",  "sale"};

//! Scale words after a number ("1.2 million", "$3 bn") and their factors.
struct Scale {
  std::string_view word;
  double factor;
};
constexpr std::array<Scale, 10> kScaleWords = {{{"thousand", 1e3},
                                                {"million", 1e6},
                                                {"billion", 1e9},
                                                {"k", 1e3},
                                                {"m", 1e6},
                                                {"mm", 1e6},
                                                {"mn", 1e6},
                                                {"b", 1e9},
                                                {"bn", 1e9},
                                                {"x", 1}}};

//! Walks a text once and records the numbers it states.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<NumberMention> Run() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      // a token starts after a non-alphanumeric character, but not after "v1." ("v1.2.3" is one token)
      const bool starts_token =
          pos_ == 0 ||
          (!IsAlnum(text_[pos_ - 1]) && !(text_[pos_ - 1] == '.' && pos_ >= 2 && IsAlnum(text_[pos_ - 2])));
      if (starts_token && IsAlpha(c)) {
        if (!TryQuarter() && !TryMonthFirstDate()) SkipToken();
      } else if (starts_token && IsDigit(c)) {
        if (!TryIsoDate() && !TryYearQuarter() && !TryDayFirstDate()) ReadNumber();
      } else {
        ++pos_;
      }
    }
    return std::move(mentions_);
  }

 private:
  char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  void SkipToken() {
    while (pos_ < text_.size() && IsAlnum(text_[pos_])) ++pos_;
  }

  //! The run of letters starting at `i`.
  std::string_view WordAt(size_t i) const {
    size_t end = i;
    while (end < text_.size() && IsAlpha(text_[end])) ++end;
    return text_.substr(i, end - i);
  }

  //! Exactly `count` digits at `i` not followed by another digit; their value.
  std::optional<int> DigitsAt(size_t i, size_t count) const {
    int value = 0;
    for (size_t k = 0; k < count; ++k) {
      if (!IsDigit(At(i + k))) return std::nullopt;
      value = value * 10 + (At(i + k) - '0');
    }
    if (IsAlnum(At(i + count))) return std::nullopt;
    return value;
  }

  //! A day of the month (1 or 2 digits, optionally "st", "nd", "rd" or "th") at `i`; sets `end`.
  std::optional<int> DayAt(size_t i, size_t& end) const {
    size_t k = i;
    int day = 0;
    while (k < i + 2 && IsDigit(At(k))) day = day * 10 + (At(k++) - '0');
    if (k == i || IsDigit(At(k)) || day < 1 || day > 31) return std::nullopt;
    const std::string_view suffix = WordAt(k);
    if (!suffix.empty()) {
      if (!(suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) return std::nullopt;
      k += suffix.size();
    }
    if (IsDigit(At(k))) return std::nullopt;
    end = k;
    return day;
  }

  //! A capitalised month name or three-letter abbreviation (with an optional '.') at `i`; sets `end`.
  std::optional<int> MonthAt(size_t i, size_t& end) const {
    const std::string_view word = WordAt(i);
    if (word.size() < 3 || !(word[0] >= 'A' && word[0] <= 'Z')) return std::nullopt;
    for (size_t m = 0; m < kMonthNames.size(); ++m) {
      const std::string_view name = kMonthNames[m];
      const bool abbreviated = word.size() == 3 || (word == "Sept");
      if (EqualsIgnoringCase(word, name) ||
          (abbreviated && EqualsIgnoringCase(word.substr(0, 3), name.substr(0, 3)))) {
        end = i + word.size() + (At(i + word.size()) == '.' ? 1 : 0);
        return static_cast<int>(m) + 1;
      }
    }
    return std::nullopt;
  }

  //! A four-digit year after one space (or ", ") at `i`; sets `end`.
  std::optional<int> YearAfter(size_t i, size_t& end) const {
    size_t k = i;
    if (At(k) == ',') ++k;
    if (At(k) != ' ') return std::nullopt;
    const std::optional<int> year = DigitsAt(k + 1, 4);
    if (!year) return std::nullopt;
    end = k + 5;
    return year;
  }

  void Add(NumberMention mention, size_t begin, size_t end) {
    mention.written = std::string(text_.substr(begin, end - begin));
    mentions_.push_back(std::move(mention));
    pos_ = end;
  }

  void AddCalendar(MentionKind kind, int year, int month, int day, int quarter, size_t end) {
    NumberMention mention;
    mention.kind = kind;
    mention.year = year;
    mention.month = month;
    mention.day = day;
    mention.quarter = quarter;
    mention.has_unit = true;
    Add(std::move(mention), pos_, end);
  }

  //! "Q3", "Q3 2017", "Q3-2017".
  bool TryQuarter() {
    if (At(pos_) != 'Q' || At(pos_ + 1) < '1' || At(pos_ + 1) > '4' || IsAlnum(At(pos_ + 2))) return false;
    const int quarter = At(pos_ + 1) - '0';
    const char separator = At(pos_ + 2);
    const std::optional<int> year =
        separator == ' ' || separator == '-' ? DigitsAt(pos_ + 3, 4) : std::nullopt;
    AddCalendar(MentionKind::kQuarter, year.value_or(0), 0, 0, quarter, pos_ + (year ? 7 : 2));
    return true;
  }

  //! "2017 Q3", "2017-Q3".
  bool TryYearQuarter() {
    const std::optional<int> year = DigitsAt(pos_, 4);
    const char separator = At(pos_ + 4);
    if (!year || (separator != ' ' && separator != '-') || At(pos_ + 5) != 'Q') return false;
    const char digit = At(pos_ + 6);
    if (digit < '1' || digit > '4' || IsAlnum(At(pos_ + 7))) return false;
    AddCalendar(MentionKind::kQuarter, *year, 0, 0, digit - '0', pos_ + 7);
    return true;
  }

  //! "March 1, 2017", "Mar 1 2017", "March 1st", "March 2017".
  bool TryMonthFirstDate() {
    size_t end = 0;
    const std::optional<int> month = MonthAt(pos_, end);
    if (!month || At(end) != ' ') return false;
    size_t year_end = 0;
    if (const std::optional<int> year = DigitsAt(end + 1, 4)) {
      AddCalendar(MentionKind::kMonth, *year, *month, 0, 0, end + 5);
      return true;
    }
    size_t day_end = 0;
    const std::optional<int> day = DayAt(end + 1, day_end);
    if (!day) return false;
    const std::optional<int> year = YearAfter(day_end, year_end);
    AddCalendar(MentionKind::kDate, year.value_or(0), *month, *day, 0, year ? year_end : day_end);
    return true;
  }

  //! "1 March 2017", "1st March".
  bool TryDayFirstDate() {
    size_t day_end = 0;
    const std::optional<int> day = DayAt(pos_, day_end);
    if (!day || At(day_end) != ' ') return false;
    size_t month_end = 0;
    const std::optional<int> month = MonthAt(day_end + 1, month_end);
    if (!month) return false;
    size_t year_end = 0;
    const std::optional<int> year = YearAfter(month_end, year_end);
    AddCalendar(MentionKind::kDate, year.value_or(0), *month, *day, 0, year ? year_end : month_end);
    return true;
  }

  //! "2017-03-01" and "2017-03".
  bool TryIsoDate() {
    const std::optional<int> year = DigitsAt(pos_, 4);
    if (!year || At(pos_ + 4) != '-' || !IsDigit(At(pos_ + 5)) || !IsDigit(At(pos_ + 6))) return false;
    const int month = (At(pos_ + 5) - '0') * 10 + (At(pos_ + 6) - '0');
    if (month < 1 || month > 12 || IsDigit(At(pos_ + 7))) return false;
    if (At(pos_ + 7) == '-' && IsDigit(At(pos_ + 8)) && IsDigit(At(pos_ + 9)) && !IsDigit(At(pos_ + 10))) {
      const int day = (At(pos_ + 8) - '0') * 10 + (At(pos_ + 9) - '0');
      if (day < 1 || day > 31) return false;
      AddCalendar(MentionKind::kDate, *year, month, day, 0, pos_ + 10);
      return true;
    }
    AddCalendar(MentionKind::kMonth, *year, month, 0, 0, pos_ + 7);
    return true;
  }

  //! True when a currency sign or code stands just before `i` (one space allowed); sets `begin`.
  bool CurrencyBefore(size_t i, size_t& begin) const {
    size_t k = i;
    if (k > 0 && text_[k - 1] == ' ') --k;
    for (std::string_view sign : {"$", "\xE2\x82\xAC", "\xC2\xA3", "USD", "EUR", "GBP"}) {
      if (k < sign.size() || text_.substr(k - sign.size(), sign.size()) != sign) continue;
      const size_t start = k - sign.size();
      if (IsAlpha(sign[0]) && start > 0 && IsAlpha(text_[start - 1])) continue;
      begin = start;
      return true;
    }
    return false;
  }

  //! A counted noun at `i`, possibly after one other word ("4 open deals").
  bool CountedNounAt(size_t i) const {
    for (int words = 0; words < 2; ++words) {
      const std::string_view word = WordAt(i);
      if (word.empty()) return false;
      for (std::string_view noun : kCountedNouns) {
        if (word.size() >= noun.size() && EqualsIgnoringCase(word.substr(0, noun.size()), noun)) return true;
      }
      i += word.size();
      if (At(i) != ' ') return false;
      ++i;
    }
    return false;
  }

  bool AtLineStart(size_t i) const {
    while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t')) --i;
    return i == 0 || text_[i - 1] == '\n';
  }

  //! A number with its currency, scale and unit; skips identifiers, ordinals and version strings.
  void ReadNumber() {
    const size_t start = pos_;
    size_t k = pos_;
    std::string digits;
    while (IsDigit(At(k))) digits += text_[k++];
    // thousands separators: "1,234,567" (groups of exactly three digits; "1,2" is a list)
    const bool grouped = digits.size() <= 3;
    while (grouped && At(k) == ',' && DigitsAt(k + 1, 3)) {
      digits += text_.substr(k + 1, 3);
      k += 4;
    }
    std::string decimals;
    if (At(k) == '.' && IsDigit(At(k + 1))) {
      ++k;
      while (IsDigit(At(k))) decimals += text_[k++];
      if (At(k) == '.' && IsDigit(At(k + 1))) {  // a version string such as 1.2.3
        pos_ = k;
        while (IsDigit(At(pos_)) || At(pos_) == '.') ++pos_;
        return;
      }
    }
    NumberMention mention;
    double scale = 1;
    const std::string_view suffix = WordAt(k);
    if (!suffix.empty()) {
      const auto found = std::find_if(kScaleWords.begin(), kScaleWords.end(), [&](const Scale& s) {
        return s.word.size() <= 2 && EqualsIgnoringCase(suffix, s.word);
      });
      if (found == kScaleWords.end() || IsDigit(At(k + suffix.size()))) {
        pos_ = k;
        SkipToken();  // an identifier ("1C1I7A6R") or an ordinal ("3rd")
        return;
      }
      scale = found->factor;
      mention.has_unit = true;
      k += suffix.size();
    }
    size_t end = k;
    const size_t after = At(k) == ' ' ? k + 1 : k;
    const std::string_view next = WordAt(after);
    if (At(after) == '%') {
      mention.kind = MentionKind::kPercent;
      end = after + 1;
    } else if (EqualsIgnoringCase(next, "percent") || EqualsIgnoringCase(next, "pct")) {
      mention.kind = MentionKind::kPercent;
      end = after + next.size();
    } else if (scale == 1) {
      for (const Scale& s : kScaleWords) {
        if (s.word.size() > 2 && EqualsIgnoringCase(next, s.word)) {
          scale = s.factor;
          end = after + next.size();
        }
      }
    }
    size_t begin = start;
    const bool currency = CurrencyBefore(start, begin);
    mention.has_unit = mention.has_unit || currency || scale != 1 || mention.kind == MentionKind::kPercent ||
                       CountedNounAt(At(end) == ' ' ? end + 1 : end);
    mention.list_marker = !currency && decimals.empty() && (At(k) == '.' || At(k) == ')') &&
                          (k + 1 >= text_.size() || At(k + 1) == ' ' || At(k + 1) == '\n') &&
                          AtLineStart(start);
    const double written = std::stod(digits + (decimals.empty() ? "" : "." + decimals));
    mention.value = written * scale;
    mention.half_step = 0.5 * std::pow(10.0, -static_cast<double>(decimals.size())) * scale;
    if (decimals.empty() && scale == 1 && mention.kind == MentionKind::kNumber && digits.size() >= 4) {
      // "1,200" may be 1,153 rounded: trailing zeros are rounding, down to two significant digits
      size_t zeros = 0;
      while (zeros + 2 < digits.size() && digits[digits.size() - 1 - zeros] == '0') ++zeros;
      mention.half_step = 0.5 * std::pow(10.0, static_cast<double>(zeros));
    }
    Add(std::move(mention), begin, end);
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<NumberMention> mentions_;
};

}  // namespace

std::vector<NumberMention> FindNumbers(std::string_view text) { return Scanner(text).Run(); }

}  // namespace crm::llm
