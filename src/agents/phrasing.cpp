#include "crm/agents/phrasing.h"

#include <stdexcept>

namespace crm::agents {

namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

uint64_t Fnv1a(std::string_view text, uint64_t hash = kFnvOffset) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= kFnvPrime;
  }
  return hash;
}

//! Mixes the bits so that neighbouring seeds choose independently (splitmix64 finaliser).
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::string Fill(std::string_view pattern, const Slots& slots) {
  std::string text;
  text.reserve(pattern.size() + 32);
  size_t at = 0;
  while (at < pattern.size()) {
    const size_t open = pattern.find('{', at);
    if (open == std::string_view::npos) break;
    const size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) throw std::logic_error("unclosed slot in phrasing");
    text.append(pattern.substr(at, open - at));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    bool found = false;
    for (const auto& [slot, value] : slots) {
      if (slot == name) {
        text += value;
        found = true;
        break;
      }
    }
    if (!found) throw std::logic_error("unknown slot {" + std::string(name) + "} in phrasing");
    at = close + 1;
  }
  text.append(pattern.substr(at));
  return text;
}

Phrasing::Phrasing(std::string_view seed) : seed_(Fnv1a(seed)) {}

size_t Phrasing::Choose(std::string_view section, size_t count) const {
  if (count == 0) return 0;
  return static_cast<size_t>(Mix(Fnv1a(section, seed_)) % count);
}

std::string_view Phrasing::Pick(std::string_view section,
                                std::initializer_list<std::string_view> options) const {
  return options.begin()[Choose(section, options.size())];
}

std::string Phrasing::Say(std::string_view section, std::initializer_list<std::string_view> options,
                          const Slots& slots) const {
  return Fill(Pick(section, options), slots);
}

std::string WithArticle(std::string_view phrase) {
  const bool vowel =
      !phrase.empty() && std::string_view("aeiouAEIOU").find(phrase.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(phrase);
}

std::string JoinWords(const std::vector<std::string>& items, std::string_view last_separator) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? std::string(last_separator) : std::string(", ");
    text += items[i];
  }
  return text;
}

}  // namespace crm::agents
