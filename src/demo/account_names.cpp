#include "crm/demo/account_names.h"

#include <array>
#include <string_view>

namespace crm::demo {

namespace {

// Onsets and middles never end in a way a tail could start, so the split of a name is unambiguous.
constexpr std::array<std::string_view, 40> kOnsets{
    "Al",  "Bar", "Cal",  "Dor", "El",  "Fen", "Gal", "Hal", "Ir",  "Jas", "Kel", "Lor", "Mer",  "Nor",
    "Os",  "Pel", "Quin", "Ros", "Sab", "Tal", "Ul",  "Var", "Wyn", "Xan", "Yel", "Zor", "Brin", "Cor",
    "Del", "Fal", "Mal",  "Tor", "Ves", "Kor", "Lum", "Nev", "Ost", "Pyr", "Rav", "Sol"};
constexpr std::array<std::string_view, 10> kMiddles{"a", "e", "i", "o", "u", "an", "en", "ar", "or", "il"};
constexpr std::array<std::string_view, 40> kTails{
    "dex",    "lux",  "via",   "nyx",   "tron",  "lytics", "vance",  "wise",  "gen",   "nova",
    "sphere", "grid", "vista", "forge", "mint",  "path",   "port",   "quest", "rise",  "scape",
    "stone",  "tide", "vale",  "verse", "works", "wave",   "bright", "crest", "field", "line",
    "loop",   "mark", "nest",  "ridge", "shift", "spark",  "sync",   "trail", "well",  "wind"};
constexpr std::array<std::string_view, 12> kWords{"",          " Group",    " Labs",       " Systems",
                                                  " Partners", " Holdings", " Industries", " Solutions",
                                                  " Inc",      " Co",       " Ventures",   " Networks"};

static_assert(kOnsets.size() * kMiddles.size() * kTails.size() == kSingleWordNames);
static_assert(kSingleWordNames * kWords.size() == kAccountNameCapacity);

}  // namespace

std::string AccountName(uint64_t index) {
  const uint64_t base = index % kAccountNameCapacity, round = index / kAccountNameCapacity;
  const uint64_t syllables = base % kSingleWordNames;
  std::string name(kOnsets[syllables % kOnsets.size()]);
  name += kMiddles[syllables / kOnsets.size() % kMiddles.size()];
  name += kTails[syllables / (kOnsets.size() * kMiddles.size())];
  name += kWords[base / kSingleWordNames];
  if (round > 0) name += " " + std::to_string(round + 1);
  return name;
}

}  // namespace crm::demo
