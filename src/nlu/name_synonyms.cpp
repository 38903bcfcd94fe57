#include "crm/nlu/name_synonyms.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "crm/nlu/text_normalization.h"

namespace crm::nlu {

namespace {

//! A phrase and the value of `key` it stands for.
struct Synonym {
  const char* key;
  const char* value;
  const char* phrase;
};

constexpr const char* kUnitedStates = "United States";

constexpr std::array kSynonyms = {
    Synonym{"sector", "technology", "tech"},
    Synonym{"sector", "technology", "technology sector"},
    Synonym{"sector", "telecommunications", "telecom"},
    Synonym{"sector", "telecommunications", "telecoms"},
    Synonym{"sector", "telecommunications", "telco"},
    Synonym{"sector", "finance", "financial"},
    Synonym{"sector", "finance", "financial services"},
    Synonym{"sector", "medical", "healthcare"},
    Synonym{"sector", "medical", "health care"},
    Synonym{"sector", "entertainment", "media and entertainment"},
    Synonym{"country", kUnitedStates, "usa"},
    Synonym{"country", kUnitedStates, "america"},
    Synonym{"country", kUnitedStates, "united states of america"},
    Synonym{"country", kUnitedStates, "the states"},
    Synonym{"country", "Korea", "south korea"},
    Synonym{"regional_office", "West", "western"},
    Synonym{"regional_office", "West", "western region"},
    Synonym{"regional_office", "West", "west region"},
    Synonym{"regional_office", "West", "west coast"},
    Synonym{"regional_office", "East", "eastern"},
    Synonym{"regional_office", "East", "eastern region"},
    Synonym{"regional_office", "East", "east region"},
    Synonym{"regional_office", "East", "east coast"},
    Synonym{"regional_office", "Central", "central region"},
    Synonym{"regional_office", "Central", "central office"},
};

bool HasValue(const Dataset& data, const std::string& key, const std::string& value) {
  if (key == "sector") return data.sectors.Find(value) != kNoIndex;
  if (key == "country") return data.countries.Find(value) != kNoIndex;
  return data.regional_offices.Find(value) != kNoIndex;
}

}  // namespace

PhraseTable NameSynonyms(const Dataset& data, const NameGazetteer& names) {
  PhraseTable table;
  for (const Synonym& synonym : kSynonyms) {
    if (names.Knows(MatchKey(FoldText(synonym.phrase))) || !HasValue(data, synonym.key, synonym.value))
      continue;
    table.Add(synonym.phrase, synonym.key, synonym.value);
  }
  return table;
}

std::optional<PhraseMatch> UnitedStatesAbbreviation(const LinkState& state, size_t i, const Dataset& data) {
  const Token& token = state.tokens()[i];
  if (token.key != "us" || data.countries.Find(kUnitedStates) == kNoIndex) return std::nullopt;
  const std::string& before = state.KeyAt(i, -1);
  const std::string& after = state.KeyAt(i, 1);
  if (after == "dollar" || after == "dollars") return std::nullopt;
  const bool written_as_country = token.upper || token.text.find('.') != std::string::npos;
  const bool after_place_word =
      before == "in" || before == "the" || before == "outside" || before == "across";  // not "from us"
  if (!written_as_country && !after_place_word) return std::nullopt;
  return PhraseMatch{1, PhraseValue{"country", kUnitedStates}};
}

size_t CompassRegionWords(const LinkState& state, size_t i) {
  static constexpr std::array<std::string_view, 10> kCompass = {
      "east", "eastern", "west", "western", "north", "northern", "south", "southern", "central", "middle"};
  static constexpr std::array<std::string_view, 9> kPlaces = {
      "europe", "asia", "africa", "america", "americas", "australia", "canada", "hemisphere", "east"};
  if (state.FreeRun(i) < 2) return 0;
  const bool compass = std::find(kCompass.begin(), kCompass.end(), state.Key(i)) != kCompass.end();
  const std::string& next = state.KeyAt(i, 1);
  const bool place = std::find(kPlaces.begin(), kPlaces.end(), next) != kPlaces.end();
  // "middle east" names a region; "east east" or "western east" do not.
  if (!compass || !place || (next == "east" && state.Key(i) != "middle")) return 0;
  return 2;
}

}  // namespace crm::nlu
