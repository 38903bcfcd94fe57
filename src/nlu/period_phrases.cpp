#include "crm/nlu/period_phrases.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "crm/common/date.h"
#include "crm/nlu/text_normalization.h"

namespace crm::nlu {

namespace {

//! A month's full name and abbreviations; index + 1 is the month number.
struct MonthWords {
  const char* full;
  const char* short_form;
  const char* other_form;
};

constexpr std::array<MonthWords, 12> kMonths = {{{"january", "jan", ""},
                                                 {"february", "feb", ""},
                                                 {"march", "mar", ""},
                                                 {"april", "apr", ""},
                                                 {"may", "may", ""},
                                                 {"june", "jun", ""},
                                                 {"july", "jul", ""},
                                                 {"august", "aug", ""},
                                                 {"september", "sep", "sept"},
                                                 {"october", "oct", ""},
                                                 {"november", "nov", ""},
                                                 {"december", "dec", ""}}};

constexpr std::array kOrdinals = {"first", "second", "third", "fourth"};
constexpr std::array kOrdinalNumbers = {"1st", "2nd", "3rd", "4th"};

int ToInt(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

std::string YearText(int year) { return std::to_string(year); }

std::string QuarterText(int year, int quarter) {
  return std::to_string(year) + "-Q" + std::to_string(quarter);
}

std::string MonthText(int year, int month) {
  char text[16];
  std::snprintf(text, sizeof(text), "%04d-%02d", year, month);
  return text;
}

//! The month a word names (1-12) and whether it can only be a month; 0 when none.
int MonthOfWord(std::string_view key, bool& unmistakable) {
  for (size_t i = 0; i < kMonths.size(); ++i) {
    const MonthWords& words = kMonths[i];
    if (key == words.full) {
      unmistakable = key != "may" && key != "march";
      return static_cast<int>(i) + 1;
    }
    if (key == words.short_form || (*words.other_form != '\0' && key == words.other_form)) {
      unmistakable = false;
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

//! A year 1900-2099 written as four digits, or "fy2017" / "fy17".
std::optional<int> YearOfWord(std::string_view key) {
  if (key.starts_with("fy")) {
    key.remove_prefix(2);
    if (key.size() == 2 && IsDigits(key)) return 2000 + ToInt(key);
  }
  if (key.size() != 4 || !IsDigits(key)) return std::nullopt;
  const int year = ToInt(key);
  if (year < 1900 || year > 2099) return std::nullopt;
  return year;
}

//! The calendar unit a word names, typos and abbreviations included ("qtr", "quater"); "" for none.
std::string_view UnitOfWord(std::string_view key) {
  if (key == "quarter" || key == "quater" || key == "qtr") return "quarter";
  if (key == "month") return "month";
  if (key == "year" || key == "yr") return "year";
  return "";
}

//! A quarter at word `i` ("q3", or "third quarter" taking two words); 0 when none.
int QuarterAt(const LinkState& state, size_t i, size_t& count) {
  const std::string& key = state.Key(i);
  count = 1;
  if (key.size() == 2 && key[0] == 'q' && key[1] >= '1' && key[1] <= '4') return key[1] - '0';
  if (UnitOfWord(state.KeyAt(i, 1)) != "quarter" || !state.Free(i + 1)) return 0;
  count = 2;
  for (size_t q = 0; q < kOrdinals.size(); ++q) {
    if (key == kOrdinals[q] || key == kOrdinalNumbers[q]) return static_cast<int>(q) + 1;
  }
  return 0;
}

//! A year at word `i`, possibly written "fy 2017" (two words); nullopt when none.
std::optional<int> YearAt(const LinkState& state, size_t i, size_t& count) {
  count = 1;
  if (!state.Free(i)) return std::nullopt;
  if (state.Key(i) == "fy" && state.Free(i + 1)) {
    count = 2;
    return YearOfWord(state.Key(i + 1));
  }
  return YearOfWord(state.Key(i));
}

//! A period written as one word: "2017q3", "q32017", "2017-03".
std::optional<std::string> OneWordPeriod(const Token& token) {
  const std::string& key = token.key;
  if (key.size() == 6 && IsDigits(key.substr(0, 4)) && key[4] == 'q' && key[5] >= '1' && key[5] <= '4') {
    return QuarterText(ToInt(key.substr(0, 4)), key[5] - '0');
  }
  if (key.size() == 6 && key[0] == 'q' && key[1] >= '1' && key[1] <= '4' && IsDigits(key.substr(2))) {
    return QuarterText(ToInt(key.substr(2)), key[1] - '0');
  }
  const std::string& text = token.text;
  if (text.size() == 7 && text[4] == '-' && IsDigits(text.substr(0, 4)) && IsDigits(text.substr(5))) {
    const int month = ToInt(text.substr(5));
    if (month >= 1 && month <= 12) return MonthText(ToInt(text.substr(0, 4)), month);
  }
  return std::nullopt;
}

//! -1 for last/previous, 0 for this/current, +1 for next; nullopt for other words.
std::optional<int> RelativeOffset(std::string_view key) {
  if (key == "this" || key == "current") return 0;
  if (key == "last" || key == "previous" || key == "prior" || key == "past") return -1;
  if (key == "next" || key == "coming") return 1;
  return std::nullopt;
}

//! Resolves periods relative to the as-of date.
class Calendar {
 public:
  explicit Calendar(int32_t as_of_day) : as_of_day_(as_of_day), date_(CivilFromDays(as_of_day)) {}

  std::string Quarter(int quarter) const {
    const int start_month = 3 * (quarter - 1) + 1;
    const bool starts_later = DaysFromCivil(date_.year, start_month, 1) > as_of_day_;
    return QuarterText(starts_later ? date_.year - 1 : date_.year, quarter);
  }
  std::string Month(int month) const {
    return MonthText(month > date_.month ? date_.year - 1 : date_.year, month);
  }
  std::string Shifted(std::string_view unit, int offset) const {
    if (unit == "year") return YearText(date_.year + offset);
    if (unit == "quarter") {
      const int index = date_.year * 4 + (date_.month - 1) / 3 + offset;
      return QuarterText(index / 4, index % 4 + 1);
    }
    const int index = date_.year * 12 + date_.month - 1 + offset;
    return MonthText(index / 12, index % 12 + 1);
  }

 private:
  int32_t as_of_day_;
  CivilDate date_;
};

//! True for nouns that make a four-digit number a count rather than a year ("2000 employees").
bool IsCountedNoun(std::string_view key) {
  return key == "employees" || key == "staff" || key == "people" || key == "workers" || key == "deals" ||
         key == "accounts" || key == "dollars" || key == "usd";
}

bool IsMonthLeadIn(std::string_view key) {
  return key == "in" || key == "during" || key == "for" || key == "since" || key == "until" ||
         key == "through" || key == "from";
}

//! The period starting at word `i` and the words it takes; nullopt when none.
std::optional<std::string> PeriodAt(const LinkState& state, size_t i, const std::optional<Calendar>& calendar,
                                    size_t& count) {
  const Token& token = state.tokens()[i];
  count = 1;
  if (auto period = OneWordPeriod(token)) return period;
  const std::string& key = token.key;
  size_t words = 0;
  if (const int quarter = QuarterAt(state, i, words)) {
    size_t at = i + words;
    if (state.Free(at) && (state.Key(at) == "of" || state.Key(at) == "in")) ++at;
    size_t year_words = 0;
    if (auto year = YearAt(state, at, year_words)) {
      count = at + year_words - i;
      return QuarterText(*year, quarter);
    }
    count = words;
    if (calendar) return calendar->Quarter(quarter);
    return std::nullopt;
  }
  if (auto year = YearAt(state, i, words)) {
    if (token.money || IsCountedNoun(state.KeyAt(i, static_cast<long>(words)))) return std::nullopt;
    size_t quarter_words = 0;
    const int quarter = state.Free(i + words) ? QuarterAt(state, i + words, quarter_words) : 0;
    count = words + (quarter ? quarter_words : 0);
    return quarter ? QuarterText(*year, quarter) : YearText(*year);
  }
  bool unmistakable = false;
  if (const int month = MonthOfWord(key, unmistakable)) {
    size_t at = i + 1;
    if (state.Free(at) && state.Key(at) == "of") ++at;
    size_t year_words = 0;
    if (auto year = YearAt(state, at, year_words)) {
      count = at + year_words - i;
      return MonthText(*year, month);
    }
    if (calendar && (unmistakable || IsMonthLeadIn(state.KeyAt(i, -1)))) return calendar->Month(month);
    return std::nullopt;
  }
  if (!calendar) return std::nullopt;
  if (key == "ytd") return calendar->Shifted("year", 0);
  if (key == "year" && state.KeyAt(i, 1) == "to" && state.KeyAt(i, 2) == "date" && state.FreeRun(i) >= 3) {
    count = 3;
    return calendar->Shifted("year", 0);
  }
  const std::string_view unit = UnitOfWord(state.KeyAt(i, 1));
  const auto offset = RelativeOffset(key);
  if (offset && state.Free(i + 1) && !unit.empty()) {
    count = 2;
    return calendar->Shifted(unit, *offset);
  }
  return std::nullopt;
}

}  // namespace

void FindPeriods(LinkState& state, int32_t as_of_day) {
  std::optional<Calendar> calendar;
  if (as_of_day != kNoDay) calendar.emplace(as_of_day);
  for (size_t i = 0; i < state.size(); ++i) {
    if (!state.Free(i)) continue;
    size_t count = 0;
    if (auto period = PeriodAt(state, i, calendar, count)) state.Claim(i, count, "period", *period);
  }
}

}  // namespace crm::nlu
