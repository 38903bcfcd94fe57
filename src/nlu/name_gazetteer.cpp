#include "crm/nlu/name_gazetteer.h"

#include <algorithm>

#include "crm/nlu/stop_words.h"
#include "crm/nlu/text_normalization.h"

namespace crm::nlu {

namespace {

constexpr double kExactScore = 1.0;
constexpr double kSuffixScore = 0.9;
constexpr double kPartialScore = 0.8;
constexpr double kOneTypoScore = 0.7;
constexpr double kTwoTyposScore = 0.6;
// Names are tried over at most this many words (a one-word name may be typed as several: "kan code").
constexpr size_t kMaxExtraWords = 2;
// Typos are looked for in windows of at most this many words.
constexpr size_t kMaxFuzzyWords = 3;

//! The words of a folded name, split at spaces, as keys (words without letters or digits dropped).
std::vector<std::string> WordKeys(std::string_view folded) {
  std::vector<std::string> words;
  size_t at = 0;
  while (at <= folded.size()) {
    const size_t space = std::min(folded.find(' ', at), folded.size());
    std::string key = MatchKey(folded.substr(at, space - at));
    if (!key.empty()) words.push_back(std::move(key));
    at = space + 1;
  }
  return words;
}

std::string Joined(const std::vector<std::string>& words, size_t count) {
  std::string key;
  for (size_t i = 0; i < count; ++i) key += words[i];
  return key;
}

void AddTo(FlatStringMap<std::vector<int32_t>>& map, std::string_view key, int32_t id) {
  const std::vector<int32_t>* found = map.Find(key);
  std::vector<int32_t> ids = found ? *found : std::vector<int32_t>{};
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  map.Insert(key, std::move(ids));
}

std::string WindowKey(const std::vector<Token>& tokens, size_t first, size_t count) {
  std::string key;
  for (size_t i = first; i < first + count; ++i) key += tokens[i].key;
  return key;
}

std::string WindowText(const std::vector<Token>& tokens, size_t first, size_t count) {
  std::string text;
  for (size_t i = first; i < first + count; ++i) {
    if (i > first) text += ' ';
    text += tokens[i].text;
  }
  return text;
}

bool AllStopWords(const std::vector<Token>& tokens, size_t first, size_t count) {
  for (size_t i = first; i < first + count; ++i) {
    if (!IsStopWord(tokens[i].key)) return false;
  }
  return true;
}

//! Typo windows neither start nor end with a company suffix or a short frequent word ("the konnex");
//! longer frequent words may stand in a name of several words ("summer sewalds" → "Summer Sewald").
bool CanEndTypoWindow(const std::string& key) {
  return !IsCompanySuffix(key) && (!IsStopWord(key) || key.size() >= 5);
}

bool IsPerson(const std::string& kind) { return kind == "sales_agent" || kind == "manager"; }

}  // namespace

NameGazetteer::NameGazetteer(const Dataset& data) {
  for (const Product& product : data.products) AddName("product", product.name);
  for (const std::string& series : data.series.values()) AddName("series", series);
  for (const SalesAgent& agent : data.sales_agents) AddName("sales_agent", agent.name);
  for (const std::string& manager : data.managers.values()) AddName("manager", manager);
  for (const Account& account : data.accounts) AddName("account", account.name);
  for (const std::string& sector : data.sectors.values()) AddName("sector", sector);
  for (const std::string& country : data.countries.values()) AddName("country", country);
  for (const std::string& office : data.regional_offices.values()) AddName("regional_office", office);
}

void NameGazetteer::AddName(const std::string& kind, const std::string& value) {
  std::string folded = FoldText(value);
  const std::vector<std::string> words = WordKeys(folded);
  if (words.empty()) return;
  const auto id = static_cast<int32_t>(entries_.size());
  entries_.push_back(NameEntry{kind, value, std::move(folded)});
  max_words_ = std::max(max_words_, words.size() + kMaxExtraWords);
  const std::string key = Joined(words, words.size());
  AddTo(by_key_, key, id);
  if (kind != "regional_office") fuzzy_.Add(key, id);  // "ease" or "vest" are no offices
  for (size_t count = 1; count < words.size(); ++count) AddTo(by_prefix_, Joined(words, count), id);
  if (kind == "account" && words.size() >= 2 && IsCompanySuffix(words.back())) {
    const std::string base = Joined(words, words.size() - 1);
    AddTo(by_base_, base, id);
    fuzzy_.Add(base, id);
  }
  if (words.size() >= 2 && words.front() == "the") AddTo(by_base_, key.substr(3), id);
  if (IsPerson(kind) && words.size() >= 2) AddTo(by_last_name_, words.back(), id);
}

int32_t NameGazetteer::Single(const std::vector<int32_t>& ids) const {
  if (ids.empty()) return kNoIndex;
  const int32_t first = *std::min_element(ids.begin(), ids.end());
  for (int32_t id : ids) {
    if (entries_[id].value != entries_[first].value) return kNoIndex;
  }
  return first;
}

std::optional<NameMatch> NameGazetteer::WholeMatch(const std::vector<Token>& tokens, size_t first,
                                                   size_t count) const {
  const std::string key = WindowKey(tokens, first, count);
  if (const auto* ids = by_key_.Find(key)) {
    const int32_t id = *std::min_element(ids->begin(), ids->end());
    const bool exact = WindowText(tokens, first, count) == entries_[id].folded;
    return NameMatch{count, id, exact ? kExactScore : kNormalizedNameScore};
  }
  if (const auto* ids = by_base_.Find(key)) return NameMatch{count, Single(*ids), kSuffixScore};
  if (count >= 2 && IsCompanySuffix(tokens[first + count - 1].key)) {
    const std::string base = WindowKey(tokens, first, count - 1);
    for (const IdMap* map : {&by_key_, &by_base_}) {
      const auto* ids = map->Find(base);
      if (ids == nullptr) continue;
      for (int32_t id : *ids) {
        if (entries_[id].kind == "account") return NameMatch{count, id, kSuffixScore};
      }
    }
  }
  return std::nullopt;
}

std::optional<NameMatch> NameGazetteer::PartialMatch(const std::vector<Token>& tokens, size_t first,
                                                     size_t count) const {
  if (AllStopWords(tokens, first, count)) return std::nullopt;
  const std::string key = WindowKey(tokens, first, count);
  if (key.size() < 3) return std::nullopt;
  std::vector<int32_t> ids;
  if (const auto* prefixed = by_prefix_.Find(key)) ids = *prefixed;
  if (count == 1) {
    if (const auto* last = by_last_name_.Find(key)) ids.insert(ids.end(), last->begin(), last->end());
  }
  if (ids.empty()) return std::nullopt;
  return NameMatch{count, Single(ids), kPartialScore};
}

std::optional<NameMatch> NameGazetteer::FuzzyMatch(const std::vector<Token>& tokens, size_t first,
                                                   size_t count) const {
  if (AllStopWords(tokens, first, count) || !CanEndTypoWindow(tokens[first].key) ||
      !CanEndTypoWindow(tokens[first + count - 1].key)) {
    return std::nullopt;
  }
  for (size_t i = first; i < first + count; ++i) {
    if (!IsLetters(tokens[i].key)) return std::nullopt;
  }
  const FuzzyHits hits = fuzzy_.Closest(WindowKey(tokens, first, count));
  const int32_t id = Single(hits.ids);
  if (id == kNoIndex || hits.distance == 0) return std::nullopt;
  const std::string_view ending = EnglishEnding(tokens[first + count - 1].key);
  if (!ending.empty() && !MatchKey(entries_[id].folded).ends_with(ending)) return std::nullopt;
  return NameMatch{count, id, hits.distance == 1 ? kOneTypoScore : kTwoTyposScore};
}

std::optional<NameMatch> NameGazetteer::Match(const std::vector<Token>& tokens, size_t first,
                                              size_t free) const {
  const size_t longest = std::min(free, max_words_);
  std::optional<NameMatch> best;
  for (size_t count = longest; count >= 1 && !best; --count) {
    best = WholeMatch(tokens, first, count);
    if (!best) best = PartialMatch(tokens, first, count);
  }
  // A longer window with a typo wins when its name continues the words matched so far: "darcel
  // schlect" is Darcel Schlecht, not "darcel" alone; "mg advaned" is MG Advanced, not the series MG.
  const size_t shortest = best ? best->count + 1 : 1;
  const std::string matched = best ? WindowKey(tokens, first, best->count) : "";
  for (size_t count = std::min(longest, kMaxFuzzyWords); count >= shortest; --count) {
    auto typo = FuzzyMatch(tokens, first, count);
    if (typo && MatchKey(entries_[typo->entry].folded).starts_with(matched)) return typo;
  }
  return best;
}

}  // namespace crm::nlu
